package io.agentassist.knowledge.ingest;

import java.io.IOException;
import java.util.Set;

/**
 * Reads one file format into articles. One small class per format keeps each format's quirks (front
 * matter, HTML chrome, JSON lines) away from the others and from the folder walking in
 * {@link KnowledgeSourceLoader}.
 */
interface ArticleReader {

    /** File extensions this reader handles, lower case, without the dot. */
    Set<String> extensions();

    /**
     * Reads one file. Content that cannot be used (bad front matter, a bad JSON line, no body) comes back
     * as skipped entries so the rest of the file or folder still loads; an {@link IOException} (including
     * {@link Utf8Text.InvalidUtf8Exception}) means the whole file could not be read.
     */
    LoadResult read(SourceFile file) throws IOException;
}
