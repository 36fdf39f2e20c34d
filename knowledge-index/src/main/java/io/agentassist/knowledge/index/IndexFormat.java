package io.agentassist.knowledge.index;

import java.util.Map;
import java.util.Optional;

/**
 * The version stamp written into every commit of the index. When the way chunks are cut or fields are
 * written changes, {@link #VERSION} goes up and an older index is rebuilt rather than searched wrongly.
 */
public record IndexFormat(int version, String embeddingModel, int dimension) {
    /** Bump when fields, analyzers or chunking change in a way an old index cannot serve. */
    public static final int VERSION = 1;

    static final String KEY_VERSION = "assist.format_version";
    static final String KEY_MODEL = "assist.embedding_model";
    static final String KEY_DIMENSION = "assist.embedding_dimension";

    public static IndexFormat current(TextEmbedder embedder) {
        return new IndexFormat(VERSION, embedder.choice().id(), embedder.dimension());
    }

    Map<String, String> toUserData() {
        return Map.of(
                KEY_VERSION, Integer.toString(version),
                KEY_MODEL, embeddingModel,
                KEY_DIMENSION, Integer.toString(dimension));
    }

    /** Reads the stamp of a commit; empty when the index predates stamps or was not written by us. */
    static Optional<IndexFormat> fromUserData(Map<String, String> userData) {
        String version = userData.get(KEY_VERSION);
        String model = userData.get(KEY_MODEL);
        String dimension = userData.get(KEY_DIMENSION);
        if (version == null || model == null || dimension == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(new IndexFormat(Integer.parseInt(version), model, Integer.parseInt(dimension)));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** Why an index with this stamp cannot be updated in place by {@code wanted}; empty if it can. */
    Optional<String> incompatibilityWith(IndexFormat wanted) {
        if (version != wanted.version) {
            return Optional.of("the index was written by format version " + version
                    + " and this version of Agent Assist writes format " + wanted.version);
        }
        if (!embeddingModel.equals(wanted.embeddingModel)) {
            return Optional.of("the index was embedded with " + embeddingModel + " and " + wanted.embeddingModel
                    + " was asked for");
        }
        return Optional.empty();
    }
}
