package io.agentassist.knowledge.eval;

import com.fasterxml.jackson.databind.JsonNode;
import io.agentassist.core.conversation.Conversation;
import io.agentassist.core.conversation.Speaker;
import io.agentassist.core.conversation.Turn;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Turns one parsed JSON object into an {@link EvalItem}, checking every field. It knows nothing of files or
 * line numbers ({@link EvalSetReader} adds those), so each check only has to say what is wrong with the
 * object, in words that point at the field.
 */
final class EvalItemParser {

    private EvalItemParser() {
    }

    /** What is wrong with one item; the reader turns it into an {@link EvalSetException}. */
    static final class InvalidItem extends RuntimeException {
        InvalidItem(String problem) {
            super(problem, null, false, false);
        }
    }

    static EvalItem parse(JsonNode node) {
        if (!node.isObject()) {
            throw new InvalidItem("expected a JSON object, found " + describe(node));
        }
        String id = requiredText(node, "id");
        Conversation conversation = conversation(node.get("conversation"));
        Set<String> relevant = relevant(node.get("relevant"));
        return new EvalItem(id, conversation, relevant);
    }

    private static String requiredText(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw new InvalidItem("missing \"" + field + "\"");
        }
        if (!value.isTextual()) {
            throw new InvalidItem("\"" + field + "\" must be a string, found " + describe(value));
        }
        if (value.textValue().isBlank()) {
            throw new InvalidItem("\"" + field + "\" is blank");
        }
        return value.textValue();
    }

    private static Conversation conversation(JsonNode value) {
        if (value == null || value.isNull()) {
            throw new InvalidItem("missing \"conversation\"");
        }
        if (!value.isArray()) {
            throw new InvalidItem("\"conversation\" must be an array of turns, found " + describe(value));
        }
        if (value.isEmpty()) {
            throw new InvalidItem("empty \"conversation\": it needs at least one customer turn");
        }
        List<Turn> turns = new ArrayList<>(value.size());
        for (int i = 0; i < value.size(); i++) {
            turns.add(turn(value.get(i), i + 1));
        }
        Conversation conversation = new Conversation(turns);
        if (conversation.latestCustomerTurn().isEmpty()) {
            // retrieval answers the newest customer question; without one there is nothing to search for
            throw new InvalidItem("\"conversation\" has no customer turn");
        }
        return conversation;
    }

    /** {@code position} counts from 1, as a person reading the line would count the turns. */
    private static Turn turn(JsonNode node, int position) {
        String where = "\"conversation\" turn " + position;
        if (!node.isObject()) {
            throw new InvalidItem(where + " must be an object with \"role\" and \"text\", found " + describe(node));
        }
        Speaker speaker;
        try {
            speaker = Speaker.parse(turnText(node, "role", where));
        } catch (IllegalArgumentException e) {
            throw new InvalidItem(where + ": " + e.getMessage());
        }
        return new Turn(speaker, turnText(node, "text", where));
    }

    private static String turnText(JsonNode node, String field, String where) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw new InvalidItem(where + " is missing \"" + field + "\"");
        }
        if (!value.isTextual()) {
            throw new InvalidItem(where + ": \"" + field + "\" must be a string, found " + describe(value));
        }
        if (value.textValue().isBlank()) {
            throw new InvalidItem(where + " has a blank \"" + field + "\"");
        }
        return value.textValue();
    }

    private static Set<String> relevant(JsonNode value) {
        if (value == null || value.isNull()) {
            throw new InvalidItem("missing \"relevant\"");
        }
        if (!value.isArray()) {
            throw new InvalidItem("\"relevant\" must be an array of article ids, found " + describe(value));
        }
        if (value.isEmpty()) {
            throw new InvalidItem("empty \"relevant\": list at least one article id that answers the question");
        }
        Set<String> ids = new LinkedHashSet<>();
        for (int i = 0; i < value.size(); i++) {
            JsonNode id = value.get(i);
            if (!id.isTextual() || id.textValue().isBlank()) {
                throw new InvalidItem("\"relevant\" entry " + (i + 1) + " must be a non-blank article id, found "
                        + describe(id));
            }
            ids.add(id.textValue());
        }
        return ids;
    }

    private static String describe(JsonNode node) {
        return switch (node.getNodeType()) {
            case STRING -> node.textValue().isBlank() ? "a blank string" : "a string";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            case ARRAY -> "an array";
            case OBJECT -> "an object";
            case NULL, MISSING -> "null";
            default -> node.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
        };
    }
}
