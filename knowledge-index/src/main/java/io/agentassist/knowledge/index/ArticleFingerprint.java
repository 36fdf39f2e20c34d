package io.agentassist.knowledge.index;

import io.agentassist.knowledge.ingest.Article;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.TreeMap;

/** A content hash of everything about an article that ends up in the index, to skip unchanged articles. */
final class ArticleFingerprint {
    private ArticleFingerprint() {
    }

    static String of(Article article) {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
        StringBuilder text = new StringBuilder()
                .append(IndexFormat.VERSION).append('\u0000')
                .append(article.id()).append('\u0000')
                .append(article.title()).append('\u0000')
                .append(article.body()).append('\u0000')
                .append(article.url()).append('\u0000')
                .append(article.locale()).append('\u0000')
                .append(String.join("\u0001", article.tags())).append('\u0000')
                .append(new TreeMap<>(article.metadata())).append('\u0000')
                .append(article.source());
        return HexFormat.of().formatHex(digest.digest(text.toString().getBytes(StandardCharsets.UTF_8)));
    }
}
