package io.agentassist.knowledge.ingest;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads {@code .txt} files. Such files often start with a title line ("Refund policy"), so a short first
 * line that does not read as a sentence and has text after it becomes the title; otherwise the file name
 * is the title and the whole text is the body. A one-sentence answer therefore keeps its only sentence.
 */
final class PlainTextArticleReader implements ArticleReader {
    /** Longer than this, a first line is prose rather than a title. */
    static final int MAX_TITLE_CHARS = 100;
    private static final Pattern LIST_ITEM = Pattern.compile("(?m)^\\s*(?:[-*\u2022]|\\d{1,3}[.)])\\s");

    @Override
    public Set<String> extensions() {
        return Set.of("txt");
    }

    @Override
    public LoadResult read(SourceFile file) throws IOException {
        String text = file.readText().replace("\r\n", "\n").replace('\r', '\n').strip();
        if (text.isEmpty()) {
            return LoadResult.skippedFile(file.path().toString(), "no body text");
        }
        int firstLineEnd = text.indexOf('\n');
        String firstLine = firstLineEnd < 0 ? text : text.substring(0, firstLineEnd).strip();
        String rest = firstLineEnd < 0 ? "" : text.substring(firstLineEnd + 1).strip();
        boolean firstLineIsTitle = !rest.isEmpty() && firstLine.length() <= MAX_TITLE_CHARS
                && !firstLine.matches(".*[.!?;,]$");
        String title = firstLineIsTitle ? firstLine.replaceFirst("^#{1,6}\\s+", "") : file.baseName();
        String body = paragraphs(firstLineIsTitle ? rest : text);
        return LoadResult.of(new Article(file.derivedId(), title, body, "", "", List.of(), Map.of(),
                file.path().toString()));
    }

    /**
     * Keeps the file's paragraphs. Hard-wrapped prose is joined into one line so a long paragraph is later
     * cut at sentences, not at the wrap; a paragraph with list items keeps its lines.
     */
    private static String paragraphs(String text) {
        ArticleBody.Builder body = new ArticleBody.Builder();
        for (String paragraph : text.split("\\n[ \\t]*\\n")) {
            body.paragraph(LIST_ITEM.matcher(paragraph).find() ? paragraph : paragraph.replace('\n', ' '));
        }
        return body.build();
    }
}
