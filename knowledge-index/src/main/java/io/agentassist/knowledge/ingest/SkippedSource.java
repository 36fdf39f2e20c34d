package io.agentassist.knowledge.ingest;

/**
 * Something that was not indexed, and why, so an admin can fix it. {@code path} is where to look, e.g.
 * {@code faq.jsonl:3} for one bad line; {@code file} is the file it is part of, so the indexer knows which
 * file's previously indexed articles to keep.
 */
public record SkippedSource(String path, String reason, String file) {

    /** A whole file (or folder) that was skipped. */
    public SkippedSource(String path, String reason) {
        this(path, reason, path);
    }

    /** One line of a file that holds many articles. */
    public static SkippedSource line(String file, int line, String reason) {
        return new SkippedSource(file + ":" + line, reason, file);
    }
}
