package io.agentassist.core.review;

import io.agentassist.core.model.FlagKind;
import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The review table as CSV (RFC 4180): a header row, one row per sent reply, fields separated by commas,
 * records ended by CRLF, and a field quoted (its quotes doubled) when it holds a comma, a quote or a line
 * break. Write it to a UTF-8 stream.
 *
 * <p>Columns: {@value #HEADER}. Times are ISO-8601 with the offset of the filter's zone; the edit ratio has
 * four decimals; rubric scores and coaching are those of the newest review, empty when not reviewed.
 *
 * <p>{@link Flavour#EXCEL} is for opening the file by double-click in a spreadsheet: it starts with a UTF-8
 * byte order mark (without one, Excel reads UTF-8 as the local code page and garbles "Nováková"), and a field
 * starting with {@code = + - @}, tab or carriage return gets a leading apostrophe so that a customer name
 * such as {@code =HYPERLINK(…)} is shown as text, never run as a formula (OWASP "CSV injection"). The plain
 * flavour keeps every value exactly as stored, for scripts.
 */
public final class ReviewCsv {
    static final String HEADER = "sent_at,agent,ticket,channel,customer,edit_ratio,bucket,seconds_to_approve,flags,"
            + "rating,accuracy,policy_compliance,tone,completeness,coaching,ai_text,final_text";
    private static final String CRLF = "\r\n";

    /** Plain RFC 4180, or with the adjustments a spreadsheet needs. */
    public enum Flavour {
        PLAIN,
        EXCEL
    }

    private final ZoneId zone;
    private final Flavour flavour;

    public ReviewCsv(ZoneId zone, Flavour flavour) {
        this.zone = Objects.requireNonNull(zone, "zone");
        this.flavour = Objects.requireNonNull(flavour, "flavour");
    }

    public void write(List<SentReply> replies, Writer out) throws IOException {
        if (flavour == Flavour.EXCEL) {
            out.write('\uFEFF');
        }
        out.write(HEADER);
        out.write(CRLF);
        DateTimeFormatter time = DateTimeFormatter.ISO_OFFSET_DATE_TIME.withZone(zone);
        for (SentReply reply : replies) {
            List<String> fields = new ArrayList<>();
            fields.add(time.format(reply.sentAt()));
            fields.add(reply.agent());
            fields.add(reply.ticketId());
            fields.add(reply.channel().id());
            fields.add(customer(reply));
            fields.add(BigDecimal.valueOf(reply.editRatio()).setScale(4, RoundingMode.HALF_UP).toPlainString());
            fields.add(reply.bucket().id());
            fields.add(seconds(reply.timeToApprove()));
            fields.add(reply.flagKinds().stream().map(FlagKind::name).collect(Collectors.joining(" ")));
            fields.add(reply.rating().id());
            reply.latestReview().ifPresentOrElse(review -> {
                fields.add(Integer.toString(review.rubric().accuracy()));
                fields.add(Integer.toString(review.rubric().policyCompliance()));
                fields.add(Integer.toString(review.rubric().tone()));
                fields.add(Integer.toString(review.rubric().completeness()));
                fields.add(review.coaching());
            }, () -> fields.addAll(List.of("", "", "", "", "")));
            fields.add(reply.aiText());
            fields.add(reply.finalText());
            out.write(fields.stream().map(this::field).collect(Collectors.joining(",")));
            out.write(CRLF);
        }
        out.flush();
    }

    /** {@code Maria Lopez <maria@example.com>}, or whichever of the two is known. */
    private static String customer(SentReply reply) {
        String name = reply.customer().name();
        String email = reply.customer().email();
        if (name.isEmpty()) {
            return email;
        }
        return email.isEmpty() ? name : name + " <" + email + ">";
    }

    /** Whole seconds when exact, else milliseconds as decimals: {@code 90}, {@code 90.25}. */
    private static String seconds(Duration duration) {
        return BigDecimal.valueOf(duration.toMillis()).movePointLeft(3).stripTrailingZeros().toPlainString();
    }

    String field(String value) {
        String v = value == null ? "" : value;
        if (flavour == Flavour.EXCEL && !v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0) {
            v = "'" + v;
        }
        boolean quote = v.indexOf(',') >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0;
        return quote ? "\"" + v.replace("\"", "\"\"") + "\"" : v;
    }
}
