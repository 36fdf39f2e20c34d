package io.agentassist.core.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Real grounded replies from DSTC11 Track 5 ({@code ../shared/datasets/dstc11-track5}, development split):
 * for every turn that needed knowledge, the human agent's reply, the gold knowledge snippets it was written
 * from (FAQ question and answer, or a review sentence), and the conversation so far.
 */
public final class Dstc11Replies {

    public static final String DATASET = "dstc11-track5";

    /** One reply with the snippets it is grounded in and the customer's side of the conversation. */
    public record Reply(String response, List<String> snippets, String conversation) {
        public Reply {
            snippets = List.copyOf(snippets);
        }
    }

    private Dstc11Replies() {
    }

    /** Every knowledge-seeking turn's gold reply; skips the calling test when the dataset is absent. */
    public static List<Reply> dev() throws IOException {
        Path dir = SharedDatasets.require(DATASET);
        ObjectMapper json = new ObjectMapper();
        JsonNode labels = json.readTree(dir.resolve("dev-labels.json").toFile());
        JsonNode logs = json.readTree(dir.resolve("dev-logs.json").toFile());
        JsonNode knowledge = json.readTree(dir.resolve("knowledge.json").toFile());
        List<Reply> replies = new ArrayList<>();
        for (int i = 0; i < labels.size(); i++) {
            JsonNode label = labels.get(i);
            if (!label.path("target").asBoolean()) {
                continue;
            }
            List<String> snippets = new ArrayList<>();
            for (JsonNode ref : label.path("knowledge")) {
                JsonNode entity = knowledge.path(ref.path("domain").asText()).path(ref.path("entity_id").asText());
                String doc = ref.path("doc_id").asText();
                if (ref.path("doc_type").asText().equals("faq")) {
                    JsonNode faq = entity.path("faqs").path(doc);
                    snippets.add(faq.path("question").asText() + " " + faq.path("answer").asText());
                } else {
                    snippets.add(entity.path("reviews").path(doc).path("sentences").path(ref.path("sent_id").asText()).asText());
                }
            }
            StringBuilder conversation = new StringBuilder();
            for (JsonNode turn : logs.get(i)) {
                conversation.append(turn.path("text").asText()).append('\n');
            }
            replies.add(new Reply(label.path("response").asText(), snippets, conversation.toString()));
        }
        return replies;
    }
}
