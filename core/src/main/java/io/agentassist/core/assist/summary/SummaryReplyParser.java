package io.agentassist.core.assist.summary;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agentassist.core.model.CaseSummary;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads the JSON case summary a model returns ({@code prompts/summary-v1}). Models wrap JSON in code fences
 * or add a sentence around it; the first JSON object is taken. A reply without the required fields is
 * rejected with a reason, so the caller can fall back to the offline summary instead of showing half a one.
 */
public final class SummaryReplyParser {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> SENTIMENTS = Set.of("negative", "neutral", "positive");

    private SummaryReplyParser() {
    }

    public static CaseSummary parse(String reply) {
        int start = reply.indexOf('{');
        int end = reply.lastIndexOf('}');
        if (start < 0 || end <= start) {
            throw new IllegalArgumentException("the model's summary is not a JSON object");
        }
        JsonNode node;
        try {
            node = JSON.readTree(reply.substring(start, end + 1));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("the model's summary is not valid JSON: " + e.getOriginalMessage(), e);
        }
        String intent = text(node, "intent");
        if (intent.isBlank()) {
            throw new IllegalArgumentException("the model's summary has no \"intent\"");
        }
        String sentiment = text(node, "sentiment").toLowerCase(Locale.ROOT);
        return new CaseSummary(intent, text(node, "what_happened"), list(node, "tried_or_promised"),
                list(node, "open_questions"), text(node, "next_step"),
                SENTIMENTS.contains(sentiment) ? sentiment : "neutral", "llm");
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isTextual() ? value.asText().strip() : "";
    }

    private static List<String> list(JsonNode node, String field) {
        List<String> items = new ArrayList<>();
        JsonNode value = node.path(field);
        if (value.isArray()) {
            value.forEach(item -> {
                if (item.isTextual() && !item.asText().isBlank()) {
                    items.add(item.asText().strip());
                }
            });
        } else if (value.isTextual() && !value.asText().isBlank()) {
            items.add(value.asText().strip());
        }
        return items;
    }
}
