package io.agentassist.app.workspace;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The reply an agent is typing, kept on disk so it survives a crash or a restart: one small JSON file per
 * ticket under {@code unsent/}. Writes are coalesced (the newest text of a ticket wins) and happen on one
 * background thread a moment after the last keystroke, each file replaced atomically, so a crash mid-write
 * leaves the previous version rather than half a file.
 *
 * <p>The database keeps the audit trail of drafts; this journal keeps the agent's work, including replies
 * written without a suggestion, and does not depend on which database is configured.
 */
public final class UnsentReplies implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(UnsentReplies.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    static final long DEFAULT_DELAY_MILLIS = 300;

    private final Path folder;
    private final long delayMillis;
    private final Map<String, Optional<UnsentReply>> pending = new LinkedHashMap<>();
    private final ScheduledExecutorService writer;
    /** Whether a write is scheduled that has not started yet; guarded by this. */
    private boolean scheduled;

    /** What the agent had typed for a ticket, from which suggestion (none when written from scratch). */
    public record UnsentReply(String ticketId, Optional<String> draftId, String text, Instant savedAt) {
        public UnsentReply {
            Objects.requireNonNull(ticketId, "ticketId");
            draftId = draftId == null ? Optional.empty() : draftId;
            text = Objects.requireNonNullElse(text, "");
            Objects.requireNonNull(savedAt, "savedAt");
        }
    }

    /** A journal in {@code folder} that writes {@code delayMillis} after the last change; 0 writes at once. */
    public UnsentReplies(Path folder, long delayMillis) {
        this.folder = folder;
        this.delayMillis = delayMillis;
        this.writer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "assist-unsent-replies");
            thread.setDaemon(true);
            return thread;
        });
    }

    public UnsentReplies(Path folder) {
        this(folder, DEFAULT_DELAY_MILLIS);
    }

    /** Remembers the text; returns at once. Blank text forgets the ticket's entry. */
    public void remember(UnsentReply reply) {
        schedule(reply.ticketId(), reply.text().isBlank() ? Optional.empty() : Optional.of(reply));
    }

    /** Forgets the ticket's unsent reply, e.g. after it was sent. */
    public void forget(String ticketId) {
        schedule(ticketId, Optional.empty());
    }

    /** The newest remembered reply of a ticket, including one not yet written to disk. */
    public synchronized Optional<UnsentReply> find(String ticketId) {
        if (pending.containsKey(ticketId)) {
            return pending.get(ticketId);
        }
        Path file = fileOf(ticketId);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(JSON.readValue(file.toFile(), Stored.class).toReply());
        } catch (IOException | RuntimeException e) {
            LOG.warn("Unsent reply {} cannot be read and is left in place: {}", file, e.toString());
            return Optional.empty();
        }
    }

    /** Writes everything pending now; call before the application exits. */
    public void flush() {
        Map<String, Optional<UnsentReply>> toWrite;
        synchronized (this) {
            scheduled = false;
            toWrite = new LinkedHashMap<>(pending);
        }
        toWrite.forEach(this::write);
        synchronized (this) {
            // Only what was written: text typed meanwhile stays pending for the next write.
            toWrite.forEach(pending::remove);
        }
    }

    @Override
    public void close() {
        flush();
        writer.shutdown();
    }

    private void schedule(String ticketId, Optional<UnsentReply> reply) {
        boolean schedule;
        synchronized (this) {
            pending.put(ticketId, reply);
            schedule = !scheduled;
            scheduled = true;
        }
        if (delayMillis == 0) {
            flush();
        } else if (schedule) {
            writer.schedule(this::flushQuietly, delayMillis, TimeUnit.MILLISECONDS);
        }
    }

    private void flushQuietly() {
        try {
            flush();
        } catch (RuntimeException e) {
            LOG.error("Unsent replies could not be saved to {}: {}", folder, e.toString());
        }
    }

    private void write(String ticketId, Optional<UnsentReply> reply) {
        Path file = fileOf(ticketId);
        try {
            if (reply.isEmpty()) {
                Files.deleteIfExists(file);
                return;
            }
            Files.createDirectories(folder);
            Path temp = folder.resolve(file.getFileName() + ".tmp");
            Files.writeString(temp, JSON.writeValueAsString(Stored.of(reply.get())), StandardCharsets.UTF_8);
            try {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not save the unsent reply of " + ticketId + " to " + file, e);
        }
    }

    /** Ticket ids come from files and e-mail; hex keeps any of them a safe file name. */
    private Path fileOf(String ticketId) {
        return folder.resolve(HexFormat.of().formatHex(ticketId.getBytes(StandardCharsets.UTF_8)) + ".json");
    }

    /** The file's shape; plain strings so the format is easy to read and stable. */
    record Stored(String ticketId, String draftId, String text, String savedAt) {
        static Stored of(UnsentReply reply) {
            return new Stored(reply.ticketId(), reply.draftId().orElse(null), reply.text(), reply.savedAt().toString());
        }

        UnsentReply toReply() {
            return new UnsentReply(ticketId, Optional.ofNullable(draftId), text, Instant.parse(savedAt));
        }
    }
}
