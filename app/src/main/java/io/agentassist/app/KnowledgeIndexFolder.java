package io.agentassist.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** What is at the folder a knowledge index is expected in, checked before anything tries to open it. */
public enum KnowledgeIndexFolder {
    /** Nothing there, or an empty folder: no index has been built. */
    ABSENT,
    /** Something is there but this user may not read it. */
    UNREADABLE,
    /** A path that is a file, not a folder. */
    NOT_A_FOLDER,
    /** A folder with files in it: an index, as far as the app can tell without opening it. */
    PRESENT;

    public static KnowledgeIndexFolder check(Path dir) {
        if (!Files.exists(dir)) {
            return ABSENT;
        }
        if (!Files.isDirectory(dir)) {
            return NOT_A_FOLDER;
        }
        if (!Files.isReadable(dir) || !Files.isExecutable(dir)) {
            return UNREADABLE;
        }
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.findAny().isPresent() ? PRESENT : ABSENT;
        } catch (IOException e) {
            return UNREADABLE;
        }
    }
}
