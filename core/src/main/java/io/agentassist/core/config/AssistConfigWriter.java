package io.agentassist.core.config;

import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Saves settings into the config file {@link AssistConfigLoader} reads, the way a person would edit it: the keys
 * it is given are changed where they stand, every other line — comments, blank lines, keys it does not know,
 * their spelling and order — stays as it was, and keys the file did not have are added at its end. A value of
 * {@code ""} removes its key.
 *
 * <p>The new text is written to a temporary file beside the old one, forced to disk and moved over it, so a
 * crash or a failed write leaves the previous file whole. The file may hold an API key: on POSIX file systems
 * it is readable by its owner only ({@code 600}). A config file that is a symbolic link (to a dotfiles folder,
 * say) stays one: the file it points to is replaced. Values are escaped as Java properties, so a multi-line
 * signature is written as continued lines and read back exactly.
 */
public final class AssistConfigWriter {

    private static final Logger LOG = LoggerFactory.getLogger(AssistConfigWriter.class);
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
    private static final Pattern LINE = Pattern.compile("([^\r\n]*)(\r\n|\n|\r|$)");
    private static final String CONTINUATION_INDENT = "    ";
    static final String HEADER = """
            # Agent Assist settings (Java properties, UTF-8). The Settings window writes this file and keeps
            # your comments and any keys it does not know. Environment variables such as ASSIST_LLM_BASE_URL,
            # ASSIST_LLM_API_KEY, ASSIST_LLM_MODEL, ASSIST_AGENT_NAME and ASSIST_DATABASE_URL override it.
            """;

    private final Path file;

    public AssistConfigWriter(Path file) {
        this.file = file.toAbsolutePath().normalize();
    }

    public Path file() {
        return file;
    }

    /**
     * Sets each key to its value, or removes it when the value is {@code ""}, and saves the file.
     *
     * @throws IOException naming the file when it cannot be read as UTF-8 text or written; the file is then as
     *     it was
     */
    public void update(Map<String, String> values) throws IOException {
        Map<String, String> changes = new LinkedHashMap<>();
        values.forEach((key, value) -> {
            if (key == null || key.isBlank()) {
                throw new IllegalArgumentException("a config key must not be blank");
            }
            changes.put(key, Objects.requireNonNullElse(value, ""));
        });
        Path target = target();
        Files.createDirectories(target.getParent());
        String old = Files.exists(target) ? readUtf8(target) : null;
        String text = updated(old, changes);
        ByteBuffer bytes = encode(text, target);
        replace(target, bytes);
        LOG.info("saved {} ({} changed: {})", target, changes.size(), changes.keySet());
    }

    /** The file to replace: the one a symbolic link points to, so the link survives. */
    private Path target() throws IOException {
        if (Files.isSymbolicLink(file)) {
            Path linked = Files.readSymbolicLink(file);
            return file.resolveSibling(linked).toAbsolutePath().normalize();
        }
        return file;
    }

    /** The file's new text: {@code old} (null when there is no file) with the changes made. */
    static String updated(String old, Map<String, String> changes) {
        String newline = old != null && old.contains("\r\n") ? "\r\n" : "\n";
        List<String> lines = new ArrayList<>();
        Set<String> written = new HashSet<>();
        if (old == null) {
            HEADER.lines().forEach(lines::add);
        } else {
            for (Entry entry : entries(old)) {
                String key = entry.key();
                if (key == null || !changes.containsKey(key)) {
                    lines.addAll(entry.lines());
                } else if (written.add(key) && !changes.get(key).isEmpty()) {
                    // the first occurrence takes the new value; later repeats (which would win) go
                    lines.add(line(key, changes.get(key), newline));
                }
            }
        }
        changes.forEach((key, value) -> {
            if (!written.contains(key) && !value.isEmpty()) {
                lines.add(line(key, value, newline));
            }
        });
        StringBuilder text = new StringBuilder();
        for (String line : lines) {
            text.append(line).append(newline);
        }
        return text.toString();
    }

    /** One logical line of a properties file: its physical lines, and its key when it has one. */
    private record Entry(List<String> lines, String key) {
    }

    /** Splits the text as {@link Properties#load} does: comments, blank lines, and key lines with continuations. */
    private static List<Entry> entries(String text) {
        List<String> physical = new ArrayList<>();
        Matcher matcher = LINE.matcher(text);
        while (matcher.find()) {
            if (matcher.group(1).isEmpty() && matcher.group(2).isEmpty()) {
                break; // the empty match at the very end
            }
            physical.add(matcher.group(1));
        }
        List<Entry> entries = new ArrayList<>();
        for (int i = 0; i < physical.size(); i++) {
            String first = physical.get(i);
            String content = first.stripLeading();
            if (content.isEmpty() || content.startsWith("#") || content.startsWith("!")) {
                entries.add(new Entry(List.of(first), null));
                continue;
            }
            List<String> lines = new ArrayList<>(List.of(first));
            while (continues(physical.get(i)) && i + 1 < physical.size()) {
                i++;
                lines.add(physical.get(i));
            }
            entries.add(new Entry(lines, keyOf(lines)));
        }
        return entries;
    }

    /** A line ending in an odd number of backslashes goes on on the next line. */
    private static boolean continues(String line) {
        int backslashes = 0;
        for (int i = line.length() - 1; i >= 0 && line.charAt(i) == '\\'; i--) {
            backslashes++;
        }
        return backslashes % 2 == 1;
    }

    /** The key exactly as {@link Properties} reads it, escapes and all. */
    private static String keyOf(List<String> lines) {
        Properties one = new Properties();
        try {
            one.load(new StringReader(String.join("\n", lines)));
        } catch (IOException | IllegalArgumentException malformed) {
            return null; // kept as it is; the loader reports it
        }
        return one.stringPropertyNames().stream().findFirst().orElse(null);
    }

    private static String line(String key, String value, String newline) {
        return escape(key, true, newline) + " = " + escape(value, false, newline);
    }

    /**
     * Escapes for a properties file. In a value, a newline becomes {@code \n} and the text goes on on a
     * continued line, so a signature stays readable in the file; white space, {@code #} and {@code !} at the
     * start of such a line are escaped so they are kept.
     */
    static String escape(String text, boolean key, String newline) {
        StringBuilder out = new StringBuilder(text.length() + 8);
        boolean lineStart = true;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\n' -> {
                    out.append("\\n");
                    if (!key && i + 1 < text.length()) {
                        out.append('\\').append(newline).append(CONTINUATION_INDENT);
                        lineStart = true;
                        continue;
                    }
                }
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\f' -> out.append("\\f");
                case ' ' -> out.append(lineStart || key ? "\\ " : " ");
                case '#', '!' -> out.append(lineStart || key ? "\\" + c : String.valueOf(c));
                case '=', ':' -> out.append(key ? "\\" + c : String.valueOf(c));
                default -> {
                    if (c < 0x20 || c == 0x7f) {
                        out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
            lineStart = lineStart && (c == ' ' || c == '\t' || c == '\f');
        }
        return out.toString();
    }

    private static String readUtf8(Path target) throws IOException {
        byte[] bytes = Files.readAllBytes(target);
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new IOException(target + " is not UTF-8 text, so it was not changed; save it as UTF-8 first", e);
        }
    }

    private static ByteBuffer encode(String text, Path target) throws IOException {
        try {
            return StandardCharsets.UTF_8.newEncoder().encode(CharBuffer.wrap(text));
        } catch (CharacterCodingException e) {
            throw new IOException("cannot write " + target + ": a value holds a broken character (an unpaired "
                    + "surrogate); the file was not changed", e);
        }
    }

    private static void replace(Path target, ByteBuffer bytes) throws IOException {
        Path temp = createTemp(target);
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                while (bytes.hasRemaining()) {
                    channel.write(bytes);
                }
                channel.force(true);
            }
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(temp);
            throw e;
        }
        ownerOnly(target);
    }

    private static Path createTemp(Path target) throws IOException {
        Path dir = target.getParent();
        String prefix = "." + target.getFileName() + ".";
        boolean posix = Files.getFileStore(dir).supportsFileAttributeView("posix");
        FileAttribute<?>[] attributes = posix
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_ONLY)}
                : new FileAttribute<?>[0];
        return Files.createTempFile(dir, prefix, ".tmp", attributes);
    }

    private static void ownerOnly(Path target) throws IOException {
        try {
            Files.setPosixFilePermissions(target, OWNER_ONLY);
        } catch (UnsupportedOperationException notPosix) {
            // Windows: the file inherits the user profile folder's access list
        }
    }
}
