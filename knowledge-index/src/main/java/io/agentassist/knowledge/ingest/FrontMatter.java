package io.agentassist.knowledge.ingest;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The top-level fields of a Markdown file's YAML front matter, in file order. A field is either a scalar
 * ({@code title: Refunds}) or a sequence ({@code tags: [a, b]} or {@code - a} lines); nested mappings are
 * not kept, as nothing in an article uses them.
 */
record FrontMatter(Map<String, Field> fields) {
    static final FrontMatter NONE = new FrontMatter(Map.of());

    FrontMatter {
        fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }

    /** One field's values; {@code sequence} tells a list from a single scalar. */
    record Field(List<String> values, boolean sequence) {
        Field {
            values = List.copyOf(values);
        }

        static Field scalar(String value) {
            return new Field(List.of(value), false);
        }
    }

    /** The scalar value of {@code key}, stripped; empty when absent, blank or a sequence. */
    String scalar(String key) {
        Field field = fields.get(key);
        return field == null || field.sequence() ? "" : field.values().getFirst().strip();
    }

    /** The values of {@code key}: a sequence's items, or a scalar split at commas ({@code tags: a, b}). */
    List<String> list(String key) {
        Field field = fields.get(key);
        if (field == null) {
            return List.of();
        }
        List<String> values = field.sequence() ? field.values() : List.of(field.values().getFirst().split(","));
        return values.stream().map(String::strip).filter(v -> !v.isEmpty()).toList();
    }

    /** Every non-blank scalar field, in file order. */
    Map<String, String> scalars() {
        Map<String, String> scalars = new LinkedHashMap<>();
        fields.forEach((key, field) -> {
            String value = scalar(key);
            if (!value.isEmpty()) {
                scalars.put(key, value);
            }
        });
        return scalars;
    }
}
