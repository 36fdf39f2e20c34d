package io.agentassist.knowledge.ingest;

import java.nio.file.Path;
import java.util.List;

/** PLACEHOLDER — being written (ingest helper). Reads files and folders of articles. */
public final class KnowledgeSourceLoader {
    public LoadResult load(List<Path> sources) {
        throw new UnsupportedOperationException("not written yet");
    }
}
