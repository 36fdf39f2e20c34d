package io.agentassist.knowledge.ingest;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A knowledge article as read from a source file, before chunking. {@code id} is stable across re-indexing:
 * the front-matter or JSON id when there is one, otherwise derived from the file's path below its source
 * folder. {@code metadata} holds string fields used for filtering and for recognising what a conversation
 * is about (for example {@code entity}, {@code product}, {@code category}, {@code locale}).
 */
public record Article(
        String id,
        String title,
        String body,
        String url,
        String locale,
        List<String> tags,
        Map<String, String> metadata,
        String source) {

    public Article {
        Objects.requireNonNull(id, "id");
        if (id.isBlank()) {
            throw new IllegalArgumentException("article id is blank");
        }
        title = title == null ? "" : title.strip();
        body = body == null ? "" : body;
        url = url == null ? "" : url;
        locale = locale == null ? "" : locale;
        tags = List.copyOf(tags);
        metadata = Map.copyOf(metadata);
        source = source == null ? "" : source;
    }
}
