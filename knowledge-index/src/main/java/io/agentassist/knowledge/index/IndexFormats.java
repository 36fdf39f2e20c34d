package io.agentassist.knowledge.index;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

/** Reads the format stamp of an open index, for searchers that must embed queries with the same model. */
public final class IndexFormats {
    private IndexFormats() {
    }

    /**
     * The embedding model an existing index was built with, so updating it keeps that model unless another
     * is asked for; empty when there is no index there, or its model is not one this version knows.
     */
    public static Optional<EmbeddingModelChoice> embeddingModelOf(Path indexDir) throws IOException {
        if (!Files.isDirectory(indexDir)) {
            return Optional.empty();
        }
        try (Directory directory = FSDirectory.open(indexDir)) {
            if (!DirectoryReader.indexExists(directory)) {
                return Optional.empty();
            }
            try (DirectoryReader reader = DirectoryReader.open(directory)) {
                return IndexFormat.fromUserData(reader.getIndexCommit().getUserData())
                        .flatMap(format -> Arrays.stream(EmbeddingModelChoice.values())
                                .filter(choice -> choice.id().equals(format.embeddingModel()))
                                .findFirst());
            }
        }
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
