package io.agentassist.knowledge.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * A file to read and the id its article gets when the content names none: the path below the source
 * folder, without extension, lower case, with {@code /} separators ({@code privacy/how-to-delete}), so ids
 * stay the same across runs and machines.
 */
record SourceFile(Path path, String derivedId) {

    /** The file {@code file} found under the source folder {@code root}. */
    static SourceFile under(Path root, Path file) {
        Path relative = root.relativize(file);
        StringBuilder id = new StringBuilder();
        for (Path segment : relative) {
            if (!id.isEmpty()) {
                id.append('/');
            }
            id.append(segment.toString());
        }
        return new SourceFile(file, withoutExtension(id.toString()).toLowerCase(Locale.ROOT));
    }

    /** A file that was named on its own: its id is its file name. */
    static SourceFile alone(Path file) {
        Path absolute = file.toAbsolutePath();
        return new SourceFile(file, under(absolute.getParent(), absolute).derivedId());
    }

    String fileName() {
        return path.getFileName().toString();
    }

    /** The file name without its extension: the title of last resort. */
    String baseName() {
        return withoutExtension(fileName());
    }

    /** Lower-case extension without the dot; empty when there is none. */
    String extension() {
        return extensionOf(fileName());
    }

    /** The whole file as text; the bytes must be UTF-8 (a byte-order mark is dropped). */
    String readText() throws IOException {
        return Utf8Text.decode(Files.readAllBytes(path));
    }

    static String extensionOf(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot <= 0 ? "" : fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    private static String withoutExtension(String name) {
        int slash = name.lastIndexOf('/');
        int dot = name.lastIndexOf('.');
        return dot > slash + 1 ? name.substring(0, dot) : name;
    }
}
