package io.agentassist.knowledge.index;

import java.util.Locale;

/**
 * The in-process embedding models we can run offline: their weights ship inside their Maven jars, so
 * nothing is downloaded at run time. {@code queryPrefix} is the instruction a model was trained to see
 * in front of search queries (BGE uses one; MiniLM does not).
 */
public enum EmbeddingModelChoice {
    MINILM("all-minilm-l6-v2-q", ""),
    BGE_SMALL("bge-small-en-v1.5-q", "Represent this sentence for searching relevant passages: ");

    private final String id;
    private final String queryPrefix;

    EmbeddingModelChoice(String id, String queryPrefix) {
        this.id = id;
        this.queryPrefix = queryPrefix;
    }

    /** The model new indexes use unless told otherwise (chosen by measuring both on real conversations). */
    public static EmbeddingModelChoice defaultChoice() {
        return MINILM;
    }

    public String id() {
        return id;
    }

    public String queryPrefix() {
        return queryPrefix;
    }

    public static EmbeddingModelChoice parse(String value) {
        String wanted = value.trim().toLowerCase(Locale.ROOT);
        for (EmbeddingModelChoice choice : values()) {
            if (choice.id.equals(wanted) || choice.name().toLowerCase(Locale.ROOT).equals(wanted)
                    || choice.id.startsWith(wanted)) {
                return choice;
            }
        }
        throw new IllegalArgumentException("unknown embedding model \"" + value
                + "\": expected one of all-minilm-l6-v2-q, bge-small-en-v1.5-q");
    }
}
