package io.agentassist.knowledge.ingest;

import java.io.IOException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Finds the files to read below one source folder, in sorted order so that ids, duplicate handling and
 * results are the same on every machine. Hidden files and folders (version-control folders, editor
 * files) and files of other types are passed over silently: a knowledge folder is allowed to hold images
 * and notes. Symbolic links are followed (a knowledge base is often linked in from elsewhere); a link loop or
 * a folder that cannot be listed becomes a skipped source instead of failing the load.
 */
final class SourceWalker {
    private final Set<String> extensions;

    /** @param extensions the lower-case extensions some reader handles */
    SourceWalker(Set<String> extensions) {
        this.extensions = Set.copyOf(extensions);
    }

    /** The readable files below {@code root} and the folders that could not be read. */
    record Found(List<SourceFile> files, List<SkippedSource> skipped) {
    }

    Found walk(Path root) {
        Collector collector = new Collector(root);
        try {
            Files.walkFileTree(root, EnumSet.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE, collector);
        } catch (IOException e) {
            collector.skipped.add(new SkippedSource(root.toString(), "cannot be read: " + describe(e)));
        }
        collector.files.sort(Comparator.comparing(SourceFile::derivedId).thenComparing(f -> f.path().toString()));
        return new Found(collector.files, collector.skipped);
    }

    private final class Collector extends SimpleFileVisitor<Path> {
        private final Path root;
        private final List<SourceFile> files = new ArrayList<>();
        private final List<SkippedSource> skipped = new ArrayList<>();

        Collector(Path root) {
            this.root = root;
        }

        @Override
        public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
            return !dir.equals(root) && isHidden(dir) ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
            if (attrs.isRegularFile() && !isHidden(file)
                    && extensions.contains(SourceFile.extensionOf(file.getFileName().toString()))) {
                files.add(SourceFile.under(root, file));
            }
            return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFileFailed(Path file, IOException e) {
            skipped.add(new SkippedSource(file.toString(), "cannot be read: " + describe(e)));
            return FileVisitResult.CONTINUE;
        }
    }

    private static boolean isHidden(Path path) {
        Path name = path.getFileName();
        return name != null && name.toString().startsWith(".");
    }

    static String describe(IOException e) {
        String kind = e.getClass().getSimpleName().replaceAll("Exception$", "");
        return e.getMessage() == null ? kind : kind + " (" + e.getMessage() + ")";
    }
}
