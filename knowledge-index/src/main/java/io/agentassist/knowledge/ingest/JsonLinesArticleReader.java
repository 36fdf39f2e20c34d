package io.agentassist.knowledge.ingest;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads {@code .jsonl} exports, one article per line:
 * {@code {"id", "title", "body", "url"?, "locale"?, "tags"?: [string], "metadata"?: {string: string}}}.
 * This is the format for knowledge kept in a database or CMS: export it, then index it. A bad line is
 * skipped as {@code path:line} with its reason and the other lines still load, because one broken record
 * should not hide a whole export. {@code body} may carry {@code ## headings} as described in
 * {@link ArticleBody}.
 */
final class JsonLinesArticleReader implements ArticleReader {
    /** Trailing text after the object ({@code {...} junk}) makes the line bad rather than being ignored. */
    private final ObjectMapper json = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    @Override
    public Set<String> extensions() {
        return Set.of("jsonl");
    }

    @Override
    public LoadResult read(SourceFile file) throws IOException {
        byte[] bytes = Files.readAllBytes(file.path());
        List<Article> articles = new ArrayList<>();
        List<SkippedSource> skipped = new ArrayList<>();
        Map<String, Integer> lineOfId = new HashMap<>();
        String path = file.path().toString();
        int lineNo = 0;
        int start = 0;
        while (start < bytes.length) {
            int end = indexOf(bytes, (byte) '\n', start);
            lineNo++;
            try {
                String line = Utf8Text.decode(Arrays.copyOfRange(bytes, start, end)).strip();
                if (!line.isEmpty()) {
                    Article article = article(json.readTree(line), file);
                    Integer first = lineOfId.putIfAbsent(article.id(), lineNo);
                    if (first != null) {
                        skipped.add(SkippedSource.line(path, lineNo, "duplicate id \"" + article.id() + "\", already read from "
                                + file.path() + ":" + first));
                    } else {
                        articles.add(article);
                    }
                }
            } catch (Utf8Text.InvalidUtf8Exception e) {
                skipped.add(SkippedSource.line(path, lineNo, e.getMessage()));
            } catch (JacksonException e) {
                skipped.add(SkippedSource.line(path, lineNo, "invalid JSON: " + e.getOriginalMessage()));
            } catch (BadRecordException e) {
                skipped.add(SkippedSource.line(path, lineNo, e.getMessage()));
            }
            start = end + 1;
        }
        return new LoadResult(articles, skipped);
    }

    private static Article article(JsonNode record, SourceFile file) throws BadRecordException {
        if (!record.isObject()) {
            throw new BadRecordException("not a JSON object");
        }
        String id = text(record, "id", true);
        String body = text(record, "body", true);
        if (id.isBlank()) {
            throw new BadRecordException("missing \"id\"");
        }
        if (body.isBlank()) {
            throw new BadRecordException("no body text (\"body\" is missing or empty)");
        }
        String title = text(record, "title", false);
        return new Article(id.strip(), title.isBlank() ? id.strip() : title, body, text(record, "url", false),
                text(record, "locale", false), tags(record), metadata(record), file.path().toString());
    }

    private static String text(JsonNode record, String field, boolean required) throws BadRecordException {
        JsonNode value = record.get(field);
        if (value == null || value.isNull()) {
            return "";
        }
        if (!value.isTextual()) {
            throw new BadRecordException("\"" + field + "\" must be a string");
        }
        return required ? value.textValue() : value.textValue().strip();
    }

    private static List<String> tags(JsonNode record) throws BadRecordException {
        JsonNode tags = record.get("tags");
        if (tags == null || tags.isNull()) {
            return List.of();
        }
        if (!tags.isArray()) {
            throw new BadRecordException("\"tags\" must be an array of strings");
        }
        List<String> values = new ArrayList<>();
        for (JsonNode tag : tags) {
            if (!tag.isTextual()) {
                throw new BadRecordException("\"tags\" must be an array of strings");
            }
            if (!tag.textValue().isBlank()) {
                values.add(tag.textValue().strip());
            }
        }
        return values;
    }

    /** String values; numbers and booleans are taken as their text, nested values are refused. */
    private static Map<String, String> metadata(JsonNode record) throws BadRecordException {
        JsonNode metadata = record.get("metadata");
        if (metadata == null || metadata.isNull()) {
            return Map.of();
        }
        if (!metadata.isObject()) {
            throw new BadRecordException("\"metadata\" must be an object of strings");
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (var entry : metadata.properties()) {
            JsonNode value = entry.getValue();
            if (value.isContainerNode()) {
                throw new BadRecordException("metadata \"" + entry.getKey() + "\" must be a string");
            }
            if (!value.isNull()) {
                values.put(entry.getKey(), value.asText());
            }
        }
        return values;
    }

    private static int indexOf(byte[] bytes, byte b, int from) {
        for (int i = from; i < bytes.length; i++) {
            if (bytes[i] == b) {
                return i;
            }
        }
        return bytes.length;
    }

    /** A line that is valid JSON but not an article record. */
    private static final class BadRecordException extends Exception {
        BadRecordException(String message) {
            super(message);
        }
    }
}
