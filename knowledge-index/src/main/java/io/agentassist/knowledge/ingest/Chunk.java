package io.agentassist.knowledge.ingest;

/**
 * A passage of an article: the unit that is indexed, retrieved and cited. {@code position} counts chunks
 * within the article from 0; {@code chunkId} is {@code articleId#position}.
 */
public record Chunk(String articleId, String chunkId, String title, String section, int position, String text) {

    public static String chunkId(String articleId, int position) {
        return articleId + "#" + position;
    }
}
