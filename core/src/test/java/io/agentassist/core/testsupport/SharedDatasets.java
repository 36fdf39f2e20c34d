package io.agentassist.core.testsupport;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/**
 * Finds the real public datasets in {@code ../shared/datasets} beside the repository, as knowledge-index's
 * tests do. They are never copied into the repository: a user's clone does not have them, so tests that
 * need them skip with a message there, while CI ({@code .ci/run}) refuses to start without them.
 */
public final class SharedDatasets {
    private SharedDatasets() {
    }

    /** The repository root: set by Surefire ({@code assist.repo.root}), else found by walking up to the Maven wrapper. */
    public static Path repositoryRoot() {
        String configured = System.getProperty("assist.repo.root");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured).toAbsolutePath().normalize();
        }
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("mvnw"))) {
            dir = dir.getParent();
        }
        return dir == null ? Path.of("").toAbsolutePath() : dir;
    }

    public static Path datasetsRoot() {
        return repositoryRoot().resolveSibling("shared").resolve("datasets");
    }

    /** The folder of one dataset; skips the calling test with a clear message when it is absent. */
    public static Path require(String name) {
        Path dir = datasetsRoot().resolve(name);
        Assumptions.assumeTrue(Files.isDirectory(dir),
                () -> "Skipped: real dataset " + dir + " is not present. These tests need ../shared/datasets "
                        + "beside the repository (CI always has it); a plain clone does not.");
        return dir;
    }
}
