package io.agentassist.core.knowledge;

import java.util.Locale;

/**
 * How knowledge is ranked. {@link #HYBRID} is the default: it works out what the conversation is about and
 * fuses lexical and semantic ranking; the other two exist so an admin can compare them on their own data.
 */
public enum SearchMode {
    BM25,
    DENSE,
    HYBRID;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static SearchMode parse(String value) {
        for (SearchMode mode : values()) {
            if (mode.id().equalsIgnoreCase(value.trim())) {
                return mode;
            }
        }
        throw new IllegalArgumentException("unknown search mode \"" + value + "\": expected bm25, dense or hybrid");
    }
}
