package io.agentassist.core.outbound;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.agentassist.core.approval.ApprovedReply;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The delivery target of the embedded set-up, where no mail server or helpdesk is connected: each reply is
 * written to the outbox folder as {@code <idempotency-key>.json} (for whatever sends it on, or for the agent to
 * copy), then appended to its ticket as an agent message through {@link TicketAppender}.
 *
 * <p>Idempotent, as {@link Delivery} requires. The file is written to a temporary name and moved into place
 * atomically, so {@code <key>.json} either does not exist or is complete: if it exists, this reply was written
 * before and is not written again. The ticket appender is idempotent by message id. Whatever step a crash
 * interrupted, delivering again completes the missing steps and repeats none. The file's content depends only
 * on the reply, so even two processes racing on one folder produce the same file.
 */
public final class FolderAndTicketDelivery implements Delivery {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Path folder;
    private final TicketAppender tickets;

    public FolderAndTicketDelivery(Path folder, TicketAppender tickets) {
        this.folder = Objects.requireNonNull(folder, "folder").toAbsolutePath();
        this.tickets = Objects.requireNonNull(tickets, "tickets");
    }

    @Override
    public void deliver(ApprovedReply reply) throws IOException {
        Path target = folder.resolve(fileName(reply));
        if (!Files.exists(target)) {
            write(reply, target);
        }
        tickets.append(reply);
    }

    /** {@code <idempotency-key>.json}: the name says which approval a file holds. */
    public static String fileName(ApprovedReply reply) {
        return reply.idempotencyKey() + ".json";
    }

    private void write(ApprovedReply reply, Path target) throws IOException {
        Files.createDirectories(folder);
        String tempPrefix = "." + reply.idempotencyKey() + ".";
        deleteLeftovers(tempPrefix);
        // Hidden and not *.json, so nothing that picks up replies from the folder takes a half-written one.
        Path temp = Files.createTempFile(folder, tempPrefix, ".tmp");
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer bytes = ByteBuffer.wrap(json(reply));
                while (bytes.hasRemaining()) {
                    channel.write(bytes);
                }
                channel.force(true);
            }
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
        syncFolder();
    }

    /** Temporary files of this reply from an attempt that crashed before its move. */
    private void deleteLeftovers(String tempPrefix) throws IOException {
        try (DirectoryStream<Path> leftovers = Files.newDirectoryStream(folder,
                entry -> entry.getFileName().toString().startsWith(tempPrefix)
                        && entry.getFileName().toString().endsWith(".tmp"))) {
            for (Path leftover : leftovers) {
                Files.deleteIfExists(leftover);
            }
        }
    }

    /** Makes the rename itself durable before the dispatcher records the delivery. */
    private void syncFolder() {
        try (FileChannel directory = FileChannel.open(folder, StandardOpenOption.READ)) {
            directory.force(true);
        } catch (IOException e) {
            // Some platforms (Windows) cannot open a directory; the move is still atomic there.
        }
    }

    private static byte[] json(ApprovedReply reply) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("idempotencyKey", reply.idempotencyKey().toString());
        fields.put("ticketId", reply.ticketId());
        fields.put("draftId", reply.draftId().orElse(null));
        fields.put("agent", reply.agent());
        fields.put("approvedAt", reply.approvedAt().toString());
        fields.put("text", reply.text());
        try {
            return (JSON.writeValueAsString(fields) + "\n").getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
