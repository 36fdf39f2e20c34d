package io.agentassist.knowledge.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Splits an article into passages small enough to embed and to quote back to an agent, yet large enough to
 * answer a question on their own. A section heading always starts a new passage, because passages are
 * cited by section; small neighbouring paragraphs under one heading are merged up to the maximum size; a
 * paragraph longer than that is cut at sentence boundaries. The title is not repeated in passage text: the
 * index stores it separately, and repeating it would make every passage of a long article match the title.
 */
public final class Chunker {
    /** About what a small embedding model reads well (roughly 150-200 tokens) and an agent can scan. */
    public static final int DEFAULT_MAX_CHARS = 800;
    private static final int MIN_MAX_CHARS = 80;

    private final int maxChars;

    public Chunker() {
        this(DEFAULT_MAX_CHARS);
    }

    /** @param maxChars the size passages are merged up to and long paragraphs are cut down to */
    public Chunker(int maxChars) {
        if (maxChars < MIN_MAX_CHARS) {
            throw new IllegalArgumentException("maxChars must be at least " + MIN_MAX_CHARS + ", got " + maxChars);
        }
        this.maxChars = maxChars;
    }

    public int maxChars() {
        return maxChars;
    }

    /** The passages of an article in reading order, positions 0..n-1; none for an empty body. */
    public List<Chunk> chunk(Article article) {
        PassageSplitter splitter = new PassageSplitter(maxChars, localeOf(article));
        List<Chunk> chunks = new ArrayList<>();
        boolean firstSection = true;
        List<ArticleBody.Section> sections = ArticleBody.sections(article.body());
        for (ArticleBody.Section section : sections) {
            String heading = sameText(section.heading(), article.title()) ? "" : section.heading();
            List<String> paragraphs = section.paragraphs();
            boolean moreTextFollows = paragraphs.size() > 1 || sections.size() > 1;
            if (firstSection && moreTextFollows && section.heading().isEmpty()
                    && sameText(paragraphs.getFirst(), article.title())) {
                paragraphs = paragraphs.subList(1, paragraphs.size());
            }
            firstSection = false;
            for (String text : splitter.passages(paragraphs)) {
                int position = chunks.size();
                chunks.add(new Chunk(article.id(), Chunk.chunkId(article.id(), position), article.title(), heading,
                        position, text));
            }
        }
        return chunks;
    }

    private static Locale localeOf(Article article) {
        return article.locale().isBlank() ? Locale.ROOT : Locale.forLanguageTag(article.locale().replace('_', '-'));
    }

    /** Equal ignoring case, spacing and a trailing full stop or colon: "Refunds:" repeats the title "Refunds". */
    private static boolean sameText(String a, String b) {
        return !a.isBlank() && normalized(a).equals(normalized(b));
    }

    private static String normalized(String s) {
        return ArticleBody.collapseSpaces(s).replaceAll("[.:!?]+$", "").toLowerCase(Locale.ROOT);
    }
}
