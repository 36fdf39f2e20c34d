package io.agentassist.knowledge.index;

import java.io.IOException;
import java.nio.file.Path;
import org.apache.lucene.index.DirectoryReader;

/** Reads the format stamp of an open index, for searchers that must embed queries with the same model. */
public final class IndexFormats {
    private IndexFormats() {
    }

    /** The stamp of the reader's commit; fails with a message that tells the admin what to run. */
    public static IndexFormat read(DirectoryReader reader, Path indexDir) throws IOException {
        IndexFormat format = IndexFormat.fromUserData(reader.getIndexCommit().getUserData())
                .orElseThrow(() -> new KnowledgeIndexUnavailableException("the index at " + indexDir
                        + " was written by an older version: run `assist kb index` to rebuild it"));
        if (format.version() != IndexFormat.VERSION) {
            throw new KnowledgeIndexUnavailableException("the index at " + indexDir + " has format version "
                    + format.version() + ", this version reads " + IndexFormat.VERSION
                    + ": run `assist kb index` to rebuild it");
        }
        return format;
    }
}
