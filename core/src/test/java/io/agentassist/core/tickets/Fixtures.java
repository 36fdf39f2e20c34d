package io.agentassist.core.tickets;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** The ticket files under {@code src/test/resources/tickets}, copied where a test needs them. */
final class Fixtures {

    private Fixtures() {
    }

    /** Copies {@code tickets/<name>} to {@code folder/<as>}. */
    static Path copy(String name, Path folder, String as) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/tickets/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture tickets/" + name);
            }
            Files.createDirectories(folder);
            Path target = folder.resolve(as);
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path copy(String name, Path folder) {
        return copy(name, folder, Path.of(name).getFileName().toString());
    }
}
