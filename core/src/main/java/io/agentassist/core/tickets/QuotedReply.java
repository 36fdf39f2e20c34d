package io.agentassist.core.tickets;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Removes the quoted history from a reply, so a message holds only what the customer wrote this time (the earlier
 * messages are in the ticket already, and quoting them again would feed the same text to the assistant twice).
 *
 * <p>Removed: lines starting with {@code >}; an attribution line ("On … wrote:", also German, French, Spanish,
 * possibly wrapped over two lines) when only quoted lines or nothing follow it; and everything from an
 * Outlook-style "-----Original Message-----" or "From: … / Sent: …" header block on. An attribution-like
 * sentence followed by the customer's own text ("On Monday I wrote: …") is kept.
 */
final class QuotedReply {

    private static final Pattern ATTRIBUTION = Pattern.compile(
            "(?iu)^\\s*(on\\s.{1,300}\\swrote"
                    + "|am\\s.{1,300}\\sschrieb.{0,200}"
                    + "|le\\s.{1,300}\\sa\\s+écrit"
                    + "|el\\s.{1,300}\\sescribió)\\s*:\\s*$");
    private static final Pattern ORIGINAL_MESSAGE = Pattern.compile(
            "(?i)^\\s*-{2,}\\s*(original message|ursprüngliche nachricht|message d'origine|mensaje original)\\s*-{2,}\\s*$");
    private static final Pattern HEADER_FROM = Pattern.compile("(?i)^\\s*\\*?(from|von|de)\\s*:\\*?\\s+\\S.*$");
    private static final Pattern HEADER_SENT = Pattern.compile(
            "(?i)^\\s*\\*?(sent|date|gesendet|datum|envoyé|enviado)\\s*:\\*?\\s+\\S.*$");

    private QuotedReply() {
    }

    static String strip(String text) {
        String[] lines = text.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1);
        List<String> kept = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (ORIGINAL_MESSAGE.matcher(line).matches() || isHeaderBlock(lines, i)) {
                break;
            }
            if (isQuoted(line)) {
                continue;
            }
            int attributionLines = attributionAt(lines, i);
            if (attributionLines > 0 && onlyQuotesFollow(lines, i + attributionLines)) {
                i += attributionLines - 1;
                continue;
            }
            kept.add(line);
        }
        return tidy(kept);
    }

    private static boolean isQuoted(String line) {
        return line.stripLeading().startsWith(">");
    }

    /** 1 or 2 when an attribution starts at line {@code i} (2: wrapped onto the next line), else 0. */
    private static int attributionAt(String[] lines, int i) {
        if (ATTRIBUTION.matcher(lines[i]).matches()) {
            return 1;
        }
        if (i + 1 < lines.length && !lines[i].isBlank()
                && ATTRIBUTION.matcher(lines[i].strip() + " " + lines[i + 1].strip()).matches()) {
            return 2;
        }
        return 0;
    }

    private static boolean onlyQuotesFollow(String[] lines, int from) {
        for (int i = from; i < lines.length; i++) {
            if (!lines[i].isBlank()) {
                return isQuoted(lines[i]);
            }
        }
        return true;
    }

    private static boolean isHeaderBlock(String[] lines, int i) {
        return HEADER_FROM.matcher(lines[i]).matches() && i + 1 < lines.length
                && HEADER_SENT.matcher(lines[i + 1]).matches();
    }

    /** Drops trailing spaces, blank lines at both ends and runs of more than one blank line. */
    private static String tidy(List<String> lines) {
        StringBuilder out = new StringBuilder();
        int blanks = 0;
        for (String line : lines) {
            String trimmed = line.stripTrailing();
            if (trimmed.isEmpty()) {
                blanks++;
                continue;
            }
            if (!out.isEmpty()) {
                out.append(blanks > 0 ? "\n\n" : "\n");
            }
            blanks = 0;
            out.append(trimmed);
        }
        return out.toString();
    }
}
