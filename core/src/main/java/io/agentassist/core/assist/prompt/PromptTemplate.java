package io.agentassist.core.assist.prompt;

import io.agentassist.core.llm.ChatPrompt;
import io.agentassist.core.llm.PromptMessage;
import io.agentassist.core.llm.PromptRole;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A versioned prompt: {@code prompts/<id>-<version>/system.txt} and {@code user.txt} on the class path,
 * with {@code {{name}}} slots. Prompts live in files rather than code so a change to what we tell the model
 * is a reviewed diff with its own version, which the audit trail records for every draft. Filling fails on a
 * missing or unknown slot, so a template and its caller cannot drift apart silently.
 */
public final class PromptTemplate {
    private static final Pattern SLOT = Pattern.compile("\\{\\{([a-z_]+)}}");

    private final String id;
    private final String version;
    private final String system;
    private final String user;

    private PromptTemplate(String id, String version, String system, String user) {
        this.id = id;
        this.version = version;
        this.system = system;
        this.user = user;
    }

    public static PromptTemplate load(String id, String version) {
        String folder = "prompts/" + id + "-" + version + "/";
        return new PromptTemplate(id, version, read(folder + "system.txt"), read(folder + "user.txt"));
    }

    public String id() {
        return id;
    }

    /** The version recorded with every call, e.g. {@code reply-v1}. */
    public String version() {
        return id + "-" + version;
    }

    /** The slots both parts use, for tests and error messages. */
    public Set<String> slots() {
        Set<String> slots = new TreeSet<>();
        for (String text : List.of(system, user)) {
            Matcher matcher = SLOT.matcher(text);
            while (matcher.find()) {
                slots.add(matcher.group(1));
            }
        }
        return slots;
    }

    public ChatPrompt fill(Map<String, String> values, double temperature) {
        Set<String> unknown = new TreeSet<>(values.keySet());
        unknown.removeAll(slots());
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("prompt " + version() + " has no slot(s) " + unknown);
        }
        return new ChatPrompt(id, version(), List.of(
                new PromptMessage(PromptRole.SYSTEM, fill(system, values)),
                new PromptMessage(PromptRole.USER, fill(user, values))), temperature);
    }

    private String fill(String text, Map<String, String> values) {
        Matcher matcher = SLOT.matcher(text);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String value = values.get(matcher.group(1));
            if (value == null) {
                throw new IllegalArgumentException("prompt " + version() + " needs a value for {{" + matcher.group(1) + "}}");
            }
            matcher.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        matcher.appendTail(out);
        return out.toString().strip();
    }

    private static String read(String resource) {
        try (InputStream in = PromptTemplate.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("prompt file missing from the class path: " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read prompt " + resource, e);
        }
    }
}
