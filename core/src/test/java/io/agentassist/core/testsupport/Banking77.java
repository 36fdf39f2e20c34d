package io.agentassist.core.testsupport;

import io.agentassist.core.testsupport.AirlineSentiment.Csv;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the Banking77 training split ({@code banking77/train.csv}): 10,003 real customer questions to a bank,
 * each labelled with one of 77 intents ("card_arrival", "lost_or_stolen_card", …). Columns: text, category.
 */
public final class Banking77 {

    public static final String DATASET = "banking77";

    /** One labelled question. */
    public record Query(String text, String category) {
    }

    private Banking77() {
    }

    /** Every training question in file order; skips the calling test when the dataset is absent. */
    public static List<Query> train() throws IOException {
        return read(SharedDatasets.require(DATASET).resolve("train.csv"));
    }

    /** The first {@code perCategory} questions of each category, in file order: a fixed, balanced sample. */
    public static List<Query> firstOfEachCategory(List<Query> queries, int perCategory) {
        Map<String, Integer> taken = new LinkedHashMap<>();
        List<Query> sample = new ArrayList<>();
        for (Query query : queries) {
            int already = taken.getOrDefault(query.category(), 0);
            if (already < perCategory) {
                sample.add(query);
                taken.put(query.category(), already + 1);
            }
        }
        return sample;
    }

    static List<Query> read(Path csv) throws IOException {
        List<List<String>> rows = Csv.parse(Files.readString(csv, StandardCharsets.UTF_8));
        if (rows.isEmpty() || !rows.getFirst().equals(List.of("text", "category"))) {
            throw new IOException(csv + ": expected the header text,category");
        }
        List<Query> queries = new ArrayList<>();
        for (List<String> row : rows.subList(1, rows.size())) {
            if (row.size() == 1 && row.getFirst().isBlank()) {
                continue;
            }
            if (row.size() != 2) {
                throw new IOException(csv + ": a row has " + row.size() + " fields, expected 2: " + row);
            }
            queries.add(new Query(row.get(0), row.get(1)));
        }
        return queries;
    }
}
