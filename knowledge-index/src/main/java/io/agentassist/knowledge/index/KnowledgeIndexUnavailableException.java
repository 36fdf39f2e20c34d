package io.agentassist.knowledge.index;

/** The index cannot be searched as it is: missing, or written in a way this version cannot read. */
public final class KnowledgeIndexUnavailableException extends RuntimeException {
    public KnowledgeIndexUnavailableException(String message) {
        super(message);
    }
}
