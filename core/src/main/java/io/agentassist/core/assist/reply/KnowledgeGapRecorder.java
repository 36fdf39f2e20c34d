package io.agentassist.core.assist.reply;

/** Records a question the knowledge base could not answer; it feeds the team lead's knowledge-gap report. */
@FunctionalInterface
public interface KnowledgeGapRecorder {
    KnowledgeGapRecorder NONE = (ticketId, question) -> { };

    void record(String ticketId, String question);
}
