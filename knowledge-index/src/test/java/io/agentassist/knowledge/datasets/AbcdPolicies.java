package io.agentassist.knowledge.datasets;

import io.agentassist.core.testsupport.SharedDatasets;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.agentassist.knowledge.ingest.Article;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns the ABCD agent policy manual ({@code abcd-policies/guidelines.json}: flows, each with subflows that
 * hold instructions and actions) into one article per subflow, and writes those as JSON Lines so tests
 * exercise the product's JSON Lines reader on real policy text. Test code only: the product reads
 * knowledge files and knows nothing of this dataset.
 */
public final class AbcdPolicies {
    private static final ObjectMapper JSON = new ObjectMapper();

    private AbcdPolicies() {
    }

    public static Path guidelines() {
        return SharedDatasets.require("abcd-policies").resolve("guidelines.json");
    }

    /** One article per subflow, in the manual's order; ids look like {@code abcd:product_defect:initiate_refund}. */
    public static List<Article> articles(Path guidelinesJson) throws IOException {
        JsonNode flows = JSON.readTree(guidelinesJson.toFile());
        List<Article> articles = new ArrayList<>();
        for (var flow : flows.properties()) {
            String flowName = flow.getKey();
            String flowDescription = flow.getValue().path("description").asText("");
            for (var subflow : flow.getValue().path("subflows").properties()) {
                String subflowName = subflow.getKey();
                Map<String, String> metadata = new LinkedHashMap<>();
                metadata.put("flow", flowName);
                metadata.put("subflow", subflowName);
                metadata.put("flow_description", flowDescription);
                articles.add(new Article("abcd:" + slug(flowName) + ":" + slug(subflowName),
                        flowName + ": " + subflowName, body(subflow.getValue()), "", "en", List.of(flowName),
                        metadata, guidelinesJson.toString()));
            }
        }
        return articles;
    }

    /**
     * The subflow as an agent would read it: the first instruction (what the case is about), the actions as
     * numbered steps with their details as sub-items, then the remaining instructions (usually the wrap-up).
     */
    static String body(JsonNode subflow) {
        List<String> instructions = new ArrayList<>();
        subflow.path("instructions").forEach(i -> instructions.add(i.asText().strip().replaceAll("\\s+", " ")));
        StringBuilder steps = new StringBuilder();
        int number = 1;
        for (JsonNode action : subflow.path("actions")) {
            String text = action.path("text").asText("").strip().replaceAll("\\s+", " ");
            String button = action.path("button").asText("");
            if (!button.isBlank() && !button.equals("N/A") && !text.contains("[" + button + "]")) {
                text = text + " [" + button + "]";
            }
            steps.append(steps.isEmpty() ? "" : "\n").append(number++).append(". ").append(text);
            for (JsonNode detail : action.path("subtext")) {
                steps.append("\n- ").append(detail.asText().strip().replaceAll("\\s+", " "));
            }
        }
        List<String> paragraphs = new ArrayList<>();
        if (!instructions.isEmpty()) {
            paragraphs.add(instructions.getFirst());
        }
        if (!steps.isEmpty()) {
            paragraphs.add(steps.toString());
        }
        paragraphs.addAll(instructions.subList(Math.min(1, instructions.size()), instructions.size()));
        return String.join("\n\n", paragraphs);
    }

    /** Writes articles in the format the product's JSON Lines reader takes, one object per line. */
    public static Path writeJsonLines(List<Article> articles, Path target) throws IOException {
        try (Writer out = Files.newBufferedWriter(target, StandardCharsets.UTF_8)) {
            for (Article article : articles) {
                ObjectNode line = JSON.createObjectNode();
                line.put("id", article.id());
                line.put("title", article.title());
                line.put("body", article.body());
                if (!article.url().isEmpty()) {
                    line.put("url", article.url());
                }
                if (!article.locale().isEmpty()) {
                    line.put("locale", article.locale());
                }
                article.tags().forEach(line.putArray("tags")::add);
                ObjectNode metadata = line.putObject("metadata");
                article.metadata().entrySet().stream().sorted(Map.Entry.comparingByKey())
                        .forEach(e -> metadata.put(e.getKey(), e.getValue()));
                out.write(JSON.writeValueAsString(line));
                out.write('\n');
            }
        }
        return target;
    }

    private static String slug(String name) {
        return name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("^_|_$", "");
    }
}
