package io.agentassist.knowledge.index;

import io.agentassist.knowledge.ingest.Chunker;
import io.agentassist.knowledge.ingest.LoadResult;
import java.io.IOException;
import java.nio.file.Path;

/** PLACEHOLDER — being written. */
public final class KnowledgeIndexer {
    public KnowledgeIndexer(Path indexDir, TextEmbedder embedder, Chunker chunker) {
    }

    public IndexReport index(LoadResult loaded, IndexProgress progress) throws IOException {
        throw new UnsupportedOperationException("not written yet");
    }
}
