package io.agentassist.core.testsupport;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/**
 * Finds the real public datasets in {@code ../shared/datasets} beside the repository. They are never copied
 * into the repository, so a plain clone does not have them: tests that need them skip with a message there.
 */
public final class SharedDatasets {
    private SharedDatasets() {
    }

    /**
     * The folder of one dataset, found from the repository root Surefire passes as {@code assist.repo.root}
     * (else the working directory); skips the calling test with a clear message when it is absent.
     */
    public static Path require(String datasetName) {
        String root = System.getProperty("assist.repo.root", "");
        Path repository = Path.of(root.isBlank() ? "" : root).toAbsolutePath().normalize();
        Path dir = repository.resolveSibling("shared").resolve("datasets").resolve(datasetName);
        Assumptions.assumeTrue(Files.isDirectory(dir), () -> "Skipped: real dataset " + dir + " is not present."
                + " These tests need ../shared/datasets beside the repository; a plain clone does not have it.");
        return dir;
    }
}
