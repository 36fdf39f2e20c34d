package io.agentassist.core.tickets;

import io.agentassist.core.model.Author;
import io.agentassist.core.model.Channel;
import io.agentassist.core.model.Customer;
import io.agentassist.core.model.Message;
import io.agentassist.core.model.Ticket;
import io.agentassist.core.model.TicketStatus;
import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads one {@code .eml} file (RFC 822 / MIME, as mail clients save it) into a ticket with one customer message.
 *
 * <p>The body is the first text/plain part that is not an attachment, else the first text/html part as text;
 * quoted history is removed (see {@link QuotedReply}) and attachment names are listed under the text. The message
 * id is the Message-ID, so the same mail is stored once however often it is imported.
 *
 * <p>Threading: the ticket is the one the store already has for any of References, In-Reply-To or the mail's
 * own Message-ID (root first); otherwise a new ticket whose id is the thread root's Message-ID (the first of
 * References, else In-Reply-To, else the mail's own). A mail without a Message-ID gets ids derived from its
 * content.
 */
public final class EmlTicketReader {

    private static final Pattern ANGLE_ID = Pattern.compile("<([^<>\\s]+)>");
    private static final Pattern REPLY_PREFIX = Pattern.compile(
            "(?iu)^\\s*((re|aw|antw|sv|vs|fw|fwd|wg|tr|rv)(\\[\\d+])?\\s*:\\s*)+");

    private final EmailThreads threads;
    private final Session session = Session.getInstance(new Properties());

    public EmlTicketReader(EmailThreads threads) {
        this.threads = Objects.requireNonNull(threads, "threads");
    }

    public Ticket read(Path file) throws IOException {
        MimeMessage mail;
        try (InputStream in = Files.newInputStream(file)) {
            mail = new MimeMessage(session, in);
        } catch (MessagingException e) {
            throw new TicketFileException(file, "is not a readable e-mail: " + e.getMessage(), e);
        }
        try {
            return ticket(file, mail);
        } catch (MessagingException e) {
            throw new TicketFileException(file, "is not a readable e-mail: " + e.getMessage(), e);
        }
    }

    private Ticket ticket(Path file, MimeMessage mail) throws MessagingException, IOException {
        InternetAddress from = sender(file, mail);
        Instant at = sentAt(file, mail);
        String subject = Objects.requireNonNullElse(mail.getSubject(), "").strip();
        Body body = new Body();
        body.collect(mail);
        String text = body.text();
        if (text.isEmpty()) {
            throw new TicketFileException(file, "has no text (neither a text/plain nor a text/html part with content)");
        }

        List<String> references = ids(mail.getHeader("References", " "));
        List<String> inReplyTo = ids(mail.getHeader("In-Reply-To", " "));
        List<String> own = ids(mail.getHeader("Message-ID", " "));
        String messageId = own.isEmpty()
                ? StableIds.of("eml-", from.getAddress(), at.toString(), subject, text)
                : own.getFirst();
        LinkedHashSet<String> thread = new LinkedHashSet<>(references);
        thread.addAll(inReplyTo);
        thread.add(messageId);
        List<String> threadIds = List.copyOf(thread);
        String ticketId = threads.ticketIdFor(threadIds).orElse(threadIds.getFirst());

        Customer customer = new Customer(Objects.requireNonNullElse(from.getPersonal(), ""), from.getAddress(),
                language(mail));
        return new Ticket(ticketId, REPLY_PREFIX.matcher(subject).replaceFirst(""), Channel.EMAIL, customer,
                TicketStatus.OPEN, List.of(new Message(messageId, Author.CUSTOMER, text, at)));
    }

    private static InternetAddress sender(Path file, MimeMessage mail) throws MessagingException {
        Address[] from;
        try {
            from = mail.getFrom();
        } catch (MessagingException e) {
            throw new TicketFileException(file, "has an unreadable From header: " + e.getMessage(), e);
        }
        if (from == null || from.length == 0 || !(from[0] instanceof InternetAddress address)
                || address.getAddress() == null || !address.getAddress().contains("@")) {
            throw new TicketFileException(file, "has no sender: the From header is missing or has no address");
        }
        return address;
    }

    /** The Date header; a mail without one (rare, hand-made) gets the time the file was written. */
    private static Instant sentAt(Path file, MimeMessage mail) throws MessagingException, IOException {
        Date sent = mail.getSentDate();
        return sent != null ? sent.toInstant() : Files.getLastModifiedTime(file).toInstant();
    }

    private static String language(MimeMessage mail) throws MessagingException {
        String[] languages = mail.getContentLanguage();
        return languages == null || languages.length == 0 ? "" : languages[0].strip();
    }

    /** Message-IDs of a header in order, without angle brackets; a bare id without brackets is taken as is. */
    static List<String> ids(String header) {
        if (header == null || header.isBlank()) {
            return List.of();
        }
        List<String> ids = new ArrayList<>();
        Matcher m = ANGLE_ID.matcher(header);
        while (m.find()) {
            ids.add(m.group(1));
        }
        if (ids.isEmpty() && !header.strip().contains(" ")) {
            ids.add(header.strip());
        }
        return ids;
    }

    /** Walks the MIME tree once, remembering the first plain and HTML text and the attachment names. */
    private static final class Body {
        private String plain;
        private String html;
        private final List<String> attachments = new ArrayList<>();

        void collect(Part part) throws MessagingException, IOException {
            String disposition = part.getDisposition();
            if (Part.ATTACHMENT.equalsIgnoreCase(disposition)
                    || (part.getFileName() != null && !part.isMimeType("text/*") && !part.isMimeType("multipart/*"))) {
                attachments.add(Objects.requireNonNullElse(part.getFileName(), "unnamed " + baseType(part)));
                return;
            }
            if (part.isMimeType("multipart/*") && part.getContent() instanceof Multipart multipart) {
                for (int i = 0; i < multipart.getCount(); i++) {
                    BodyPart child = multipart.getBodyPart(i);
                    collect(child);
                }
            } else if (part.isMimeType("text/plain") && plain == null) {
                plain = content(part);
            } else if (part.isMimeType("text/html") && html == null) {
                html = content(part);
            } else if (part.isMimeType("message/rfc822")) {
                attachments.add("forwarded e-mail");
            }
        }

        String text() {
            String text = plain != null && !plain.isBlank() ? plain : html != null ? HtmlText.toText(html) : "";
            text = QuotedReply.strip(text);
            if (!attachments.isEmpty()) {
                text = (text + "\n\n[attachments: " + String.join(", ", attachments) + "]").strip();
            }
            return text;
        }

        /** The decoded text; a charset Java does not know is read as UTF-8 rather than failing the mail. */
        private static String content(Part part) throws MessagingException, IOException {
            try {
                Object content = part.getContent();
                if (content instanceof String text) {
                    return text;
                }
            } catch (UnsupportedEncodingException e) {
                // fall through to the raw bytes
            }
            try (InputStream in = part.getInputStream()) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        }

        private static String baseType(Part part) throws MessagingException {
            String type = part.getContentType();
            return type == null ? "attachment" : type.split(";")[0].strip().toLowerCase(Locale.ROOT);
        }
    }
}
