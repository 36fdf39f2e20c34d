package io.agentassist.knowledge.ingest;

import java.net.URISyntaxException;
import java.nio.file.Path;

/** The small hand-written files under {@code src/test/resources/ingest}. */
final class Fixtures {
    private Fixtures() {
    }

    static Path folder(String name) {
        try {
            return Path.of(Fixtures.class.getResource("/ingest/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A fixture file as a reader sees it when found under its fixture folder. */
    static SourceFile file(String folder, String relativePath) {
        Path root = folder(folder);
        return SourceFile.under(root, root.resolve(relativePath));
    }
}
