package io.agentassist.knowledge.ingest;

/** A file that was not indexed, and why, so an admin can fix it. */
public record SkippedSource(String path, String reason) {
}
