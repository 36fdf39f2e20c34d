package io.agentassist.app.cli;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/** Checks for the files a command is given to read, so a typo is one clear line, not a stack trace. */
final class Sources {
    private Sources() {
    }

    /** The sources as absolute paths, each existing and readable. */
    static List<Path> checked(List<Path> sources) {
        return sources.stream().map(Sources::checked).toList();
    }

    static Path checked(Path source) {
        Path path = source.toAbsolutePath().normalize();
        if (!Files.exists(path)) {
            throw new CliError("source not found: " + source);
        }
        if (!Files.isReadable(path)) {
            throw new CliError("cannot read source " + source + ": permission denied");
        }
        return path;
    }

    /** An input file such as an eval set: exists, is a file, can be read. */
    static Path readableFile(Path file, String what) {
        Path path = file.toAbsolutePath().normalize();
        if (!Files.exists(path)) {
            throw new CliError(what + " not found: " + file);
        }
        if (!Files.isRegularFile(path)) {
            throw new CliError(what + " " + file + " is a folder, expected a file");
        }
        if (!Files.isReadable(path)) {
            throw new CliError("cannot read " + what + " " + file + ": permission denied");
        }
        return path;
    }

    static String describe(List<Path> sources) {
        return sources.stream().map(Path::toString).collect(Collectors.joining(", "));
    }

    /** Why an I/O operation failed, in words ("permission denied") rather than an exception name. */
    static String reason(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NoSuchFileException) {
            return "no such file or folder";
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
