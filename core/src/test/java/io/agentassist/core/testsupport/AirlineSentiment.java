package io.agentassist.core.testsupport;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads the Twitter US Airline Sentiment development half ({@code airline-sentiment/dev.csv}): real
 * customer tweets labelled negative, neutral or positive. Columns: tweet_id, airline_sentiment,
 * airline_sentiment_confidence, negativereason, airline, text. Tweets may hold commas, quotes and line
 * breaks, so the file is read as RFC 4180 CSV.
 */
public final class AirlineSentiment {

    public static final String DATASET = "airline-sentiment";

    /** One labelled tweet. */
    public record Tweet(String id, String sentiment, double confidence, String negativeReason, String airline,
                        String text) {
        public boolean negative() {
            return sentiment.equals("negative");
        }
    }

    private AirlineSentiment() {
    }

    /** The development tweets, in file order; skips the calling test when the dataset is absent. */
    public static List<Tweet> dev() throws IOException {
        return read(SharedDatasets.require(DATASET).resolve("dev.csv"));
    }

    public static List<Tweet> read(Path csv) throws IOException {
        List<List<String>> rows = Csv.parse(Files.readString(csv, StandardCharsets.UTF_8));
        if (rows.isEmpty()) {
            throw new IOException(csv + " is empty");
        }
        List<String> header = rows.getFirst();
        Map<String, Integer> column = Map.of(
                "tweet_id", header.indexOf("tweet_id"),
                "airline_sentiment", header.indexOf("airline_sentiment"),
                "airline_sentiment_confidence", header.indexOf("airline_sentiment_confidence"),
                "negativereason", header.indexOf("negativereason"),
                "airline", header.indexOf("airline"),
                "text", header.indexOf("text"));
        for (var entry : column.entrySet()) {
            if (entry.getValue() < 0) {
                throw new IOException(csv + " has no column " + entry.getKey() + "; header: " + header);
            }
        }
        List<Tweet> tweets = new ArrayList<>();
        for (List<String> row : rows.subList(1, rows.size())) {
            if (row.size() == 1 && row.getFirst().isBlank()) {
                continue;
            }
            if (row.size() != header.size()) {
                throw new IOException(csv + ": a row has " + row.size() + " fields, expected " + header.size() + ": " + row);
            }
            tweets.add(new Tweet(row.get(column.get("tweet_id")), row.get(column.get("airline_sentiment")),
                    Double.parseDouble(row.get(column.get("airline_sentiment_confidence"))),
                    row.get(column.get("negativereason")), row.get(column.get("airline")),
                    row.get(column.get("text"))));
        }
        return tweets;
    }

    /** A small RFC 4180 reader: quoted fields may contain commas, doubled quotes and line breaks. */
    public static final class Csv {
        private Csv() {
        }

        /** The rows of {@code content}; a leading byte order mark is skipped. */
        public static List<List<String>> parse(String content) {
            List<List<String>> rows = new ArrayList<>();
            List<String> row = new ArrayList<>();
            StringBuilder field = new StringBuilder();
            boolean quoted = false;
            int i = content.startsWith("\uFEFF") ? 1 : 0;
            for (; i < content.length(); i++) {
                char c = content.charAt(i);
                if (quoted) {
                    if (c == '"' && i + 1 < content.length() && content.charAt(i + 1) == '"') {
                        field.append('"');
                        i++;
                    } else if (c == '"') {
                        quoted = false;
                    } else {
                        field.append(c);
                    }
                } else if (c == '"') {
                    quoted = true;
                } else if (c == ',') {
                    row.add(field.toString());
                    field.setLength(0);
                } else if (c == '\n' || c == '\r') {
                    if (c == '\r' && i + 1 < content.length() && content.charAt(i + 1) == '\n') {
                        i++;
                    }
                    row.add(field.toString());
                    field.setLength(0);
                    rows.add(row);
                    row = new ArrayList<>();
                } else {
                    field.append(c);
                }
            }
            if (field.length() > 0 || !row.isEmpty()) {
                row.add(field.toString());
                rows.add(row);
            }
            return rows;
        }
    }
}
