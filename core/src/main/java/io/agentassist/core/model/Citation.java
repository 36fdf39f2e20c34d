package io.agentassist.core.model;

/**
 * A numbered source of a draft: marker {@code [n]} in the text refers to this passage, which was in the prompt
 * (or, offline, quoted into the draft) with its retrieval score.
 */
public record Citation(int marker, String articleId, String chunkId, String title, String url, double score) {
    public Citation {
        url = url == null ? "" : url;
    }
}
