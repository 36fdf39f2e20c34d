package io.agentassist.knowledge.datasets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.agentassist.core.conversation.Conversation;
import io.agentassist.core.conversation.Speaker;
import io.agentassist.core.conversation.Turn;
import io.agentassist.knowledge.eval.EvalItem;
import io.agentassist.knowledge.ingest.Article;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Converts DSTC11 Track 5 (development split) into our formats: one article per knowledge snippet and one
 * eval item per turn that needs knowledge. Tooling for measurement only — the product never depends on it.
 * <ul>
 *   <li>FAQ: id {@code {domain}:{entity_id}:faq:{doc_id}}, body {@code Q: question\nA: answer};</li>
 *   <li>review sentence: id {@code {domain}:{entity_id}:review:{doc_id}:{sent_id}}, body the sentence;</li>
 *   <li>title = entity name; metadata domain, entity (the name), entity_id, type.</li>
 * </ul>
 * Run {@code main(datasetDir, outDir)} to write {@code knowledge.jsonl} and {@code eval.jsonl}.
 */
public final class Dstc11 {
    private static final ObjectMapper JSON = new ObjectMapper();

    private Dstc11() {
    }

    public static List<Article> articles(Path datasetDir) throws IOException {
        JsonNode knowledge = JSON.readTree(datasetDir.resolve("knowledge.json").toFile());
        List<Article> articles = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> domains = knowledge.fields(); domains.hasNext(); ) {
            Map.Entry<String, JsonNode> domain = domains.next();
            for (Iterator<Map.Entry<String, JsonNode>> entities = domain.getValue().fields(); entities.hasNext(); ) {
                Map.Entry<String, JsonNode> entity = entities.next();
                String name = entity.getValue().path("name").asText();
                String prefix = domain.getKey() + ":" + entity.getKey();
                Map<String, String> base = Map.of("domain", domain.getKey(), "entity", name, "entity_id", entity.getKey());
                for (Iterator<Map.Entry<String, JsonNode>> faqs = entity.getValue().path("faqs").fields(); faqs.hasNext(); ) {
                    Map.Entry<String, JsonNode> faq = faqs.next();
                    String body = "Q: " + faq.getValue().path("question").asText() + "\nA: " + faq.getValue().path("answer").asText();
                    articles.add(article(prefix + ":faq:" + faq.getKey(), name, body, base, "faq"));
                }
                for (Iterator<Map.Entry<String, JsonNode>> reviews = entity.getValue().path("reviews").fields(); reviews.hasNext(); ) {
                    Map.Entry<String, JsonNode> review = reviews.next();
                    for (Iterator<Map.Entry<String, JsonNode>> sentences = review.getValue().path("sentences").fields(); sentences.hasNext(); ) {
                        Map.Entry<String, JsonNode> sentence = sentences.next();
                        articles.add(article(prefix + ":review:" + review.getKey() + ":" + sentence.getKey(), name,
                                sentence.getValue().asText(), base, "review"));
                    }
                }
            }
        }
        return articles;
    }

    private static Article article(String id, String title, String body, Map<String, String> base, String type) {
        Map<String, String> metadata = new java.util.TreeMap<>(base);
        metadata.put("type", type);
        return new Article(id, title, body, "", "en", List.of(), metadata, "");
    }

    /** The turns labelled {@code "target": true}; relevant = the gold snippet ids. */
    public static List<EvalItem> evalItems(Path datasetDir) throws IOException {
        JsonNode logs = JSON.readTree(datasetDir.resolve("dev-logs.json").toFile());
        JsonNode labels = JSON.readTree(datasetDir.resolve("dev-labels.json").toFile());
        List<EvalItem> items = new ArrayList<>();
        for (int i = 0; i < labels.size(); i++) {
            JsonNode label = labels.get(i);
            if (!label.path("target").asBoolean(false)) {
                continue;
            }
            List<Turn> turns = new ArrayList<>();
            for (JsonNode turn : logs.get(i)) {
                turns.add(new Turn(Speaker.parse(turn.path("speaker").asText()), turn.path("text").asText()));
            }
            Set<String> relevant = new LinkedHashSet<>();
            for (JsonNode snippet : label.path("knowledge")) {
                String prefix = snippet.path("domain").asText() + ":" + snippet.path("entity_id").asText() + ":"
                        + snippet.path("doc_type").asText() + ":" + snippet.path("doc_id").asText();
                relevant.add(snippet.has("sent_id") ? prefix + ":" + snippet.path("sent_id").asText() : prefix);
            }
            items.add(new EvalItem("dev-" + i, new Conversation(turns), relevant));
        }
        return items;
    }

    /** Writes {@code knowledge.jsonl} and {@code eval.jsonl} into {@code outDir}. */
    public static void writeJsonLines(Path datasetDir, Path outDir) throws IOException {
        Files.createDirectories(outDir);
        try (BufferedWriter out = Files.newBufferedWriter(outDir.resolve("knowledge.jsonl"), StandardCharsets.UTF_8)) {
            for (Article article : articles(datasetDir)) {
                ObjectNode node = JSON.createObjectNode();
                node.put("id", article.id());
                node.put("title", article.title());
                node.put("body", article.body());
                ObjectNode metadata = node.putObject("metadata");
                article.metadata().forEach(metadata::put);
                out.write(JSON.writeValueAsString(node));
                out.newLine();
            }
        }
        try (BufferedWriter out = Files.newBufferedWriter(outDir.resolve("eval.jsonl"), StandardCharsets.UTF_8)) {
            for (EvalItem item : evalItems(datasetDir)) {
                ObjectNode node = JSON.createObjectNode();
                node.put("id", item.id());
                ArrayNode conversation = node.putArray("conversation");
                for (Turn turn : item.conversation().turns()) {
                    conversation.addObject()
                            .put("role", turn.speaker() == Speaker.CUSTOMER ? "customer" : "agent")
                            .put("text", turn.text());
                }
                ArrayNode relevant = node.putArray("relevant");
                item.relevant().forEach(relevant::add);
                out.write(JSON.writeValueAsString(node));
                out.newLine();
            }
        }
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: Dstc11 <dstc11-track5 dataset dir> <output dir>");
            System.exit(2);
        }
        writeJsonLines(Path.of(args[0]), Path.of(args[1]));
        System.out.println("wrote " + Path.of(args[1]).resolve("knowledge.jsonl") + " and " + Path.of(args[1]).resolve("eval.jsonl"));
    }
}
