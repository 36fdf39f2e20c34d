package io.agentassist.knowledge.eval;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads an evaluation set in JSON Lines, one item a line:
 * <pre>{"id":"q1","conversation":[{"role":"customer","text":"..."}],"relevant":["article-id"]}</pre>
 * JSON Lines rather than one big JSON document so that a bad item can be reported by its line number and
 * sets can be built by appending. The reader is strict: an eval set that silently drops items gives
 * numbers nobody can compare, so every problem stops the run with {@link EvalSetException}.
 */
public final class EvalSetReader {

    /** A repeated key in a hand-edited line is a mistake, not "last one wins". */
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private EvalSetReader() {
    }

    /** The items in file order; blank lines are skipped. */
    public static List<EvalItem> read(Path file) throws IOException {
        List<EvalItem> items = new ArrayList<>();
        Map<String, Integer> lineOfId = new HashMap<>();
        int lineNumber = 0;
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            while ((line = nextLine(reader, file, lineNumber + 1)) != null) {
                lineNumber++;
                if (lineNumber == 1 && line.startsWith("\uFEFF")) {
                    line = line.substring(1); // editors on Windows like to start UTF-8 files with a BOM
                }
                if (line.isBlank()) {
                    continue;
                }
                EvalItem item = parseLine(line, file, lineNumber);
                Integer firstLine = lineOfId.putIfAbsent(item.id(), lineNumber);
                if (firstLine != null) {
                    // reports and regressions name items by id, so two items with one id cannot be told apart
                    throw new EvalSetException(file, lineNumber,
                            "duplicate \"id\" \"" + item.id() + "\" (first used on line " + firstLine + ")");
                }
                items.add(item);
            }
        }
        if (items.isEmpty()) {
            throw new EvalSetException(file, lineNumber == 0
                    ? "the file is empty: expected one eval item per line"
                    : "the file has only blank lines: expected one eval item per line");
        }
        return List.copyOf(items);
    }

    private static String nextLine(BufferedReader reader, Path file, int lineNumber) throws IOException {
        try {
            return reader.readLine();
        } catch (CharacterCodingException e) {
            throw new EvalSetException(file, lineNumber, "not valid UTF-8 text");
        }
    }

    private static EvalItem parseLine(String line, Path file, int lineNumber) {
        JsonNode node;
        try (JsonParser parser = JSON.createParser(line)) {
            node = JSON.readTree(parser);
            if (parser.nextToken() != null) {
                throw new EvalSetException(file, lineNumber, "more than one JSON value at column "
                        + parser.currentTokenLocation().getColumnNr() + ": put each item on its own line");
            }
        } catch (JacksonException e) {
            int column = e.getLocation() == null ? -1 : e.getLocation().getColumnNr();
            throw new EvalSetException(file, lineNumber,
                    "invalid JSON" + (column > 0 ? " at column " + column : "") + ": " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e); // the parser reads a String in memory; this cannot happen
        }
        try {
            return EvalItemParser.parse(node);
        } catch (EvalItemParser.InvalidItem e) {
            throw new EvalSetException(file, lineNumber, e.getMessage());
        }
    }
}
