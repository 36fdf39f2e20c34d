package io.agentassist.core.assist.prompt;

import java.util.Locale;

/** Names a customer's language for a prompt ("de" → "German"), English when unknown. */
public final class Languages {
    private Languages() {
    }

    public static String displayName(String languageTag) {
        if (languageTag == null || languageTag.isBlank()) {
            return "English";
        }
        String name = Locale.forLanguageTag(languageTag.replace('_', '-')).getDisplayLanguage(Locale.ENGLISH);
        return name.isBlank() ? "English" : name;
    }
}
