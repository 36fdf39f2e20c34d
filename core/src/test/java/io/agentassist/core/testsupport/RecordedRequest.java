package io.agentassist.core.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One request {@link FakeOpenAiServer} received, as it came over the wire. Assert on {@link #json()}, never on
 * the body text: LangChain4j pretty-prints its JSON and the field order is not ours to promise.
 *
 * @param method  {@code POST}, {@code GET}, ...
 * @param path    the request path, e.g. {@code /v1/chat/completions}
 * @param headers header values by lower-case header name
 * @param body    the raw body
 * @param json    the body parsed with Jackson; {@link MissingNode} when it is not JSON
 */
public record RecordedRequest(String method, String path, Map<String, List<String>> headers, String body,
        JsonNode json) {

    public RecordedRequest {
        headers = Map.copyOf(headers);
    }

    /** The first value of a header, looked up case-insensitively. */
    public Optional<String> header(String name) {
        List<String> values = headers.getOrDefault(name.toLowerCase(Locale.ROOT), List.of());
        return values.stream().findFirst();
    }

    /** True when the body asked for a streamed answer ({@code "stream": true}). */
    public boolean streaming() {
        return json.path("stream").asBoolean(false);
    }
}
