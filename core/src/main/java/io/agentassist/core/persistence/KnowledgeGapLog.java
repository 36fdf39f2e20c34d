package io.agentassist.core.persistence;

import java.time.Instant;
import java.util.List;

/**
 * The "no knowledge found" log. Each event is kept (the same question on two tickets is two events), because
 * how often a gap is hit is what tells authors which article to write first.
 */
public interface KnowledgeGapLog {

    void record(KnowledgeGap gap);

    /** Every event, newest first. */
    List<KnowledgeGap> list();

    /** Events at or after {@code since}, newest first. */
    List<KnowledgeGap> since(Instant since);
}
