package io.agentassist.core.persistence;

import java.nio.file.Path;

/** The databases every persistence test runs against: the embedded default and a real PostgreSQL. */
public enum Backend {
    H2 {
        @Override
        public Database openFresh(Path tempDir) {
            return Database.openEmbedded(tempDir.resolve("data"));
        }
    },
    POSTGRESQL {
        @Override
        public Database openFresh(Path tempDir) {
            return Database.open(EmbeddedPostgresServer.newDatabase());
        }
    };

    /** A new, migrated, empty database. */
    public abstract Database openFresh(Path tempDir);
}
