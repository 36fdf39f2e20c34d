package io.agentassist.core.assist.guardrails;

import io.agentassist.core.model.Flag;
import io.agentassist.core.model.FlagKind;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A reply that greets "[Customer Name]" tells the customer nobody read it. Template slots the model copied
 * or invented — {@code [Customer Name]}, {@code {{order_id}}}, {@code <AGENT NAME>}, {@code ${name}},
 * {@code XXX}, {@code TBD}, {@code ____} — and personal-data placeholders that could not be filled back in
 * ({@code [EMAIL_3]}) must be replaced before sending. Citation markers, Markdown link texts
 * ({@code [returns page](https://...)}), "[sic]" and "[...]" are not placeholders.
 */
final class PlaceholderCheck {

    private static final Pattern SQUARE = Pattern.compile("\\[([^\\[\\]\\n]{1,60})](?!\\()");
    private static final Pattern OTHER = Pattern.compile(
            "\\{\\{[^{}\\n]{0,60}}}"                              // {{order_id}}
                    + "|\\$\\{[^{}\\n]{1,60}}"                    // ${name}
                    + "|(?<!\\{)\\{[A-Za-z_][\\w.]{0,40}}(?!})"   // {order_id}
                    + "|%[A-Z][A-Z_]{2,40}%"                       // %CUSTOMER_NAME%
                    + "|<([A-Za-z][\\w .-]{0,40})>"              // <AGENT NAME>
                    + "|(?<![\\w/.-])[Xx]{2,}(?:[-/.][Xx]{2,})+(?![\\w/.-])" // XX/XX/XXXX
                    + "|(?<![\\w])[Xx]{3,}(?![\\w])"                // XXX
                    + "|\\b(?:TBD|TBC|TODO|FIXME|INSERT)\\b|_{3,}");
    private static final Set<String> HTML_TAGS = Set.of("a", "b", "i", "u", "p", "br", "hr", "em", "strong", "ul", "ol",
            "li", "div", "span", "small", "sup", "sub", "code", "pre", "blockquote", "table", "tr", "td", "th", "h1",
            "h2", "h3", "h4", "h5", "h6");
    private static final Set<String> EDITORIAL = Set.of("sic", "...", "…");

    private PlaceholderCheck() {
    }

    static List<Flag> placeholders(String draftText) {
        Set<String> found = new LinkedHashSet<>();
        Matcher square = SQUARE.matcher(draftText);
        while (square.find()) {
            String inside = square.group(1).strip();
            boolean marker = inside.matches("[\\d\\s,;\\-–]+");
            boolean editorial = EDITORIAL.contains(inside.toLowerCase(Locale.ROOT));
            if (!marker && !editorial && inside.chars().anyMatch(Character::isLetter)) {
                found.add(square.group());
            }
        }
        Matcher other = OTHER.matcher(draftText);
        while (other.find()) {
            String tag = other.group(1);
            if (tag != null && HTML_TAGS.contains(tag.strip().toLowerCase(Locale.ROOT))) {
                continue;
            }
            found.add(other.group().strip());
        }
        List<Flag> flags = new ArrayList<>();
        for (String placeholder : found) {
            flags.add(Flag.blocking(FlagKind.PLACEHOLDER, "Unfilled placeholder " + Texts.quote(placeholder)
                    + ": replace it with the real value or remove it before sending."));
        }
        return flags;
    }
}
