package io.agentassist.core.review;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * The folder drafted articles are saved into for review. It must not be, or lie inside, a knowledge folder:
 * a file there would be indexed and offered to agents before anyone read it. A draft is written once; an
 * existing file is never overwritten, since it may hold a reviewer's edits.
 */
public final class ArticleDraftFolder {
    private final Path folder;

    /**
     * @throws IllegalArgumentException when {@code folder} is one of {@code knowledgeFolders} or inside one
     */
    public ArticleDraftFolder(Path folder, Collection<Path> knowledgeFolders) {
        this.folder = canonical(Objects.requireNonNull(folder, "folder"));
        for (Path knowledge : List.copyOf(knowledgeFolders)) {
            Path canonicalKnowledge = canonical(knowledge);
            if (this.folder.startsWith(canonicalKnowledge)) {
                throw new IllegalArgumentException("the drafts folder " + folder + " is inside the knowledge folder "
                        + knowledge + ", so a draft would be indexed before anyone reviewed it; choose a folder "
                        + "outside the knowledge folders");
            }
        }
    }

    public Path folder() {
        return folder;
    }

    /**
     * Writes the article as {@code <folder>/<fileName>} in UTF-8, creating the folder if needed.
     *
     * @return the file written
     * @throws FileAlreadyExistsException when that file exists; it is left as it was
     */
    public Path save(GapArticle article) throws IOException {
        Files.createDirectories(folder);
        Path file = folder.resolve(article.fileName());
        if (!file.normalize().getParent().equals(folder)) {
            throw new IllegalArgumentException("article file name \"" + article.fileName() + "\" leaves the folder");
        }
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW,
                StandardOpenOption.WRITE)) {
            out.write(article.markdown());
        } catch (FileAlreadyExistsException e) {
            throw new FileAlreadyExistsException(file.toString(), null,
                    "a draft with this name already exists and was not overwritten; move it away first");
        }
        return file;
    }

    /** Absolute, normalised, with symbolic links of the part that exists resolved. */
    static Path canonical(Path path) {
        Path absolute = path.toAbsolutePath().normalize();
        Path existing = absolute;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            return absolute;
        }
        try {
            return existing.toRealPath().resolve(existing.relativize(absolute)).normalize();
        } catch (IOException e) {
            return absolute;
        }
    }
}
