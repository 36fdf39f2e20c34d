package io.agentassist.core.review;

import static org.assertj.core.api.Assertions.assertThat;

import io.agentassist.core.model.Channel;
import io.agentassist.core.model.Customer;
import io.agentassist.core.model.Feedback;
import io.agentassist.core.model.Flag;
import io.agentassist.core.model.FlagKind;
import io.agentassist.core.testsupport.AirlineSentiment.Csv;
import java.io.StringWriter;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ReviewCsvTest {
    static final Instant SUGGESTED = Instant.parse("2026-03-03T11:00:00Z");

    static SentReply reply() {
        DraftReview review = new DraftReview("D3", "lena", new Rubric(2, 3, 4, 3),
                "Check the \"30 days\" rule,\nthen answer.", Instant.parse("2026-03-09T10:30:00Z"));
        return new SentReply("D3", "T-3", "Refund", Channel.EMAIL, new Customer("Lopez, Maria", "maria@example.com", "es"),
                "ben", "Hola Maria,\r\nsu reembolso llega en 14 días.", "Hola María, su reembolso llega en 30 días.",
                SUGGESTED, Optional.empty(), SUGGESTED.plusMillis(300_250), SUGGESTED.plusSeconds(301), 0.123456,
                List.of(), List.of(Flag.blocking(FlagKind.COMMITMENT, "a"), Flag.blocking(FlagKind.UNCITED_CLAIM, "b"),
                        Flag.blocking(FlagKind.COMMITMENT, "c")),
                List.of(new Feedback("D3", "ben", false, "", SUGGESTED)), Optional.of(review));
    }

    static SentReply unreviewed() {
        return new SentReply("D1", "T-1", "", Channel.CHAT, new Customer("=HYPERLINK(\"http://x.example\")", "", ""),
                "ana", "ok", "ok", SUGGESTED, Optional.empty(), SUGGESTED.plusSeconds(60), SUGGESTED.plusSeconds(60),
                0.0, List.of(), List.of(), List.of(), Optional.empty());
    }

    @Test
    void fieldsWithCommasQuotesAndLineBreaksAreQuotedAndReadBackExactly() throws Exception {
        StringWriter out = new StringWriter();
        new ReviewCsv(ZoneId.of("Europe/Berlin"), ReviewCsv.Flavour.PLAIN).write(List.of(reply(), unreviewed()), out);

        String csv = out.toString();
        assertThat(csv).startsWith(ReviewCsv.HEADER + "\r\n").endsWith("\r\n");
        assertThat(csv).contains("\"Lopez, Maria <maria@example.com>\"")
                .contains("\"Check the \"\"30 days\"\" rule,\nthen answer.\"")
                .contains("\"Hola Maria,\r\nsu reembolso llega en 14 días.\"");
        List<List<String>> rows = Csv.parse(csv);
        assertThat(rows).hasSize(3);
        assertThat(rows.getFirst()).hasSize(17);
        assertThat(rows.get(1)).containsExactly(
                "2026-03-03T12:05:01+01:00", "ben", "T-3", "email", "Lopez, Maria <maria@example.com>", "0.1235",
                "light", "300.25", "COMMITMENT UNCITED_CLAIM", "not_helpful", "2", "3", "4", "3",
                "Check the \"30 days\" rule,\nthen answer.", "Hola Maria,\r\nsu reembolso llega en 14 días.",
                "Hola María, su reembolso llega en 30 días.");
        assertThat(rows.get(2)).containsExactly("2026-03-03T12:01:00+01:00", "ana", "T-1", "chat",
                "=HYPERLINK(\"http://x.example\")", "0.0000", "as_is", "60", "", "none", "", "", "", "", "", "ok", "ok");
    }

    @Test
    void theSpreadsheetFlavourStartsWithAByteOrderMarkAndDefusesFormulas() throws Exception {
        StringWriter out = new StringWriter();
        new ReviewCsv(ZoneId.of("UTC"), ReviewCsv.Flavour.EXCEL).write(List.of(unreviewed()), out);

        assertThat(out.toString()).startsWith("\uFEFFsent_at,");
        assertThat(out.toString()).contains(",\"'=HYPERLINK(\"\"http://x.example\"\")\",")
                .contains("2026-03-03T11:01:00Z");
    }
}
