package io.agentassist.knowledge.search;

import io.agentassist.core.knowledge.KnowledgeHit;
import io.agentassist.core.knowledge.KnowledgeQuery;
import io.agentassist.core.knowledge.KnowledgeSearch;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** PLACEHOLDER — being written. */
public final class LuceneKnowledgeSearch implements KnowledgeSearch, AutoCloseable {

    /** Opens an index; loads the embedding model the index was built with. */
    public static LuceneKnowledgeSearch open(Path indexDir) throws IOException {
        throw new UnsupportedOperationException("not written yet");
    }

    @Override
    public List<KnowledgeHit> search(KnowledgeQuery query) {
        throw new UnsupportedOperationException("not written yet");
    }

    /** Number of chunks in the index. */
    public int chunkCount() {
        return 0;
    }

    @Override
    public void close() throws IOException {
    }
}
