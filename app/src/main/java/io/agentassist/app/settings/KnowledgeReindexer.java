package io.agentassist.app.settings;

import java.nio.file.Path;
import java.util.List;
import java.util.function.DoubleConsumer;

/**
 * Brings the knowledge index up to date with the given folders (the whole knowledge base: articles in no
 * folder any more leave the index). Runs on a worker thread.
 */
@FunctionalInterface
public interface KnowledgeReindexer {

    /**
     * @param progress told the share done, from 0 to 1, from the worker thread; a negative value while it is
     *                 not yet known how much there is to do
     * @throws Exception with a message the agent can act on ("knowledge folder not found: ...")
     */
    ReindexSummary reindex(List<Path> folders, DoubleConsumer progress) throws Exception;
}
