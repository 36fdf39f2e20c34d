package io.agentassist.core.review;

import io.agentassist.core.approval.TestClock;
import io.agentassist.core.approval.AgentApproval;
import io.agentassist.core.approval.ApprovalRefusedException;
import io.agentassist.core.approval.EditAudit;
import io.agentassist.core.desk.ReplyDesk;
import io.agentassist.core.model.Author;
import io.agentassist.core.model.Channel;
import io.agentassist.core.model.Citation;
import io.agentassist.core.model.Customer;
import io.agentassist.core.model.Draft;
import io.agentassist.core.model.DraftState;
import io.agentassist.core.model.Feedback;
import io.agentassist.core.model.Flag;
import io.agentassist.core.model.FlagKind;
import io.agentassist.core.model.Message;
import io.agentassist.core.model.Ticket;
import io.agentassist.core.model.TicketStatus;
import io.agentassist.core.persistence.Database;
import io.agentassist.core.persistence.JdbcKnowledgeGapLog;
import io.agentassist.core.persistence.JdbcReviewStore;
import io.agentassist.core.persistence.JdbcTicketStore;
import io.agentassist.core.persistence.KnowledgeGap;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/**
 * A week of a small team's work, written through the real desks (offer, edit, approve and send through the
 * outbox, discard, supersede, feedback) so the rows look exactly like production's, for the review tests
 * (core's and the command line's). The figures the tests expect are worked out by hand from the table below.
 *
 * <p>Every suggestion is the 40-character {@link #AI_TEXT}; a reply with k of its twenty zeros changed to
 * nines is k substitutions away, so its edit ratio is exactly k / 40.
 *
 * <pre>
 * draft agent ticket channel suggested (UTC)   approved+sent (UTC)  ratio  bucket    flags                          citations feedback (latest last)
 * D1    ana   T-1    email   03-02 09:00:00    09:01:00 (60 s)      0      AS_IS     -                              A, B      helpful
 * D2    ana   T-2    chat    03-02 10:00:00    10:02:00 (120 s)     4/40   LIGHT     UNCITED_CLAIM                  A         -
 * D3    ben   T-3    email   03-03 11:00:00    11:05:00 (300 s)     20/40  HEAVY     COMMITMENT, UNCITED_CLAIM x2   C         not helpful
 * D4    ben   T-4    chat    03-04 12:00:00    12:00:30 (30 s)      0      AS_IS     -                              A, C      helpful, then not helpful
 * D5    chloe T-5    email   03-05 13:00:00    13:03:00 (180 s)     8/40   LIGHT     FRUSTRATION                    B         -
 * D6    chloe T-6    email   03-07 14:00:00    14:10:00 (600 s)     10/40  HEAVY     NO_KNOWLEDGE                   -         helpful
 * D7    ana   T-7    chat    03-08 22:00:00    22:01:30 (90 s)      2/40   LIGHT     -                              A         -
 * D8    ben   T-8    email   03-08 23:20:00    23:25:00 (300 s)     0      AS_IS     -                              -         -      (03-09 in Berlin)
 * D9    ana   T-9    chat    03-03 14:58:00    discarded 15:00:00          DISCARDED COMMITMENT                     -         not helpful
 * D10   chloe T-10   email   03-06 15:55:00    discarded 16:00:00          DISCARDED NO_KNOWLEDGE                   -         -
 * D11   ben   T-11   chat    03-04 09:00:00    superseded 09:05:00         (none)
 * D12   ana   T-12   email   03-05 09:00:00    approved 09:02:00, never delivered (none)
 * D13   ana   T-13   email   03-01 22:00:00    22:59:00 (3540 s)    18/40  HEAVY     -                              -         -      (03-01 in Berlin)
 * A = returns/damaged-items "Damaged items", B = returns/how-to-return "How to return an item",
 * C = shipping/delays "Delivery delays". All dates 2026.
 *
 * Reviews: D1 by lena 3/3/3/3 (03-09 10:00), again 5/5/4/5 "Spot on." (03-09 11:00); D3 by lena 2/3/4/3
 * with a coaching comment holding a quote, a comma and a line break (03-09 10:30).
 *
 * Knowledge gaps (February, outside the week): G-1 twice, G-2, G-3 ask where a new card is; G-4, G-5 about the
 * exchange rate; G-6 about changing a PIN. Replies were sent on G-1 (by ana) and G-3 (by ben) on 02-21.
 * </pre>
 */
public final class ReviewSeed {
    public static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    public static final LocalDate MONDAY = LocalDate.of(2026, 3, 2);
    public static final LocalDate SUNDAY = LocalDate.of(2026, 3, 8);
    public static final String AI_TEXT = "Your reference is: 00000000000000000000.";
    public static final String COACHING_D3 = "Check the \"30 days\" rule,\nthen answer.";

    static final Citation A = new Citation(1, "returns/damaged-items", "returns/damaged-items#0", "Damaged items",
            "https://help.example/returns/damaged-items", 0.9);
    static final Citation B = new Citation(2, "returns/how-to-return", "returns/how-to-return#1", "How to return an item",
            "https://help.example/returns/how-to-return", 0.8);
    static final Citation C = new Citation(1, "shipping/delays", "shipping/delays#0", "Delivery delays",
            "https://help.example/shipping/delays", 0.7);

    private ReviewSeed() {
    }

    /** The reply with {@code k} of the suggestion's zeros changed: k / 40 away from it. */
    public static String edited(int k) {
        return AI_TEXT.replaceFirst("0{" + k + "}", "9".repeat(k));
    }

    /** Seeds {@code database} (fresh, migrated); {@code workDir} receives the delivered reply files. */
    public static void seed(Database database, Path workDir) {
        if (AI_TEXT.codePointCount(0, AI_TEXT.length()) != 40) {
            throw new AssertionError("the seed's suggestion must be 40 characters");
        }
        TestClock clock = new TestClock(Instant.parse("2026-01-01T00:00:00Z"));
        JdbcTicketStore tickets = new JdbcTicketStore(database);
        ReplyDesk desk = ReplyDesk.onEmbeddedDefaults(database, workDir.resolve("outbox"), clock, Runnable::run);
        ReplyDesk neverDelivers = ReplyDesk.onEmbeddedDefaults(database, workDir.resolve("outbox"), clock, task -> { });

        ticket(tickets, "T-1", Channel.EMAIL, "Maria Lopez", "03-02T08:59:00");
        ticket(tickets, "T-2", Channel.CHAT, "Tom Baker", "03-02T09:59:00");
        ticket(tickets, "T-3", Channel.EMAIL, "Lopez, Maria", "03-03T10:59:00");
        ticket(tickets, "T-4", Channel.CHAT, "Jana Nováková", "03-04T11:59:00");
        ticket(tickets, "T-5", Channel.EMAIL, "=HYPERLINK(\"http://x.example\")", "03-05T12:59:00");
        ticket(tickets, "T-6", Channel.EMAIL, "Ali Khan", "03-07T13:59:00");
        ticket(tickets, "T-7", Channel.CHAT, "Eve Adams", "03-08T21:59:00");
        ticket(tickets, "T-8", Channel.EMAIL, "Max Mustermann", "03-08T23:19:00");
        ticket(tickets, "T-9", Channel.CHAT, "Ann Lee", "03-03T14:57:00");
        ticket(tickets, "T-10", Channel.EMAIL, "Bo Chen", "03-06T15:54:00");
        ticket(tickets, "T-11", Channel.CHAT, "Cy Dunn", "03-04T08:59:00");
        ticket(tickets, "T-12", Channel.EMAIL, "Di Egan", "03-05T08:59:00");
        ticket(tickets, "T-13", Channel.EMAIL, "Fay Gold", "03-01T21:59:00");

        sent(desk, clock, "D1", "T-1", "ana", "03-02T09:00:00", "03-02T09:01:00", 0, List.of(), List.of(A, B));
        sent(desk, clock, "D2", "T-2", "ana", "03-02T10:00:00", "03-02T10:02:00", 4,
                List.of(Flag.blocking(FlagKind.UNCITED_CLAIM, "sentence 1 cites nothing")), List.of(A));
        sent(desk, clock, "D3", "T-3", "ben", "03-03T11:00:00", "03-03T11:05:00", 20,
                List.of(Flag.blocking(FlagKind.COMMITMENT, "promises a refund"),
                        Flag.blocking(FlagKind.UNCITED_CLAIM, "sentence 1 cites nothing"),
                        Flag.blocking(FlagKind.UNCITED_CLAIM, "sentence 2 cites nothing")), List.of(C));
        sent(desk, clock, "D4", "T-4", "ben", "03-04T12:00:00", "03-04T12:00:30", 0, List.of(), List.of(A, C));
        sent(desk, clock, "D5", "T-5", "chloe", "03-05T13:00:00", "03-05T13:03:00", 8,
                List.of(Flag.info(FlagKind.FRUSTRATION, "the customer is angry")), List.of(B));
        sent(desk, clock, "D6", "T-6", "chloe", "03-07T14:00:00", "03-07T14:10:00", 10,
                List.of(Flag.info(FlagKind.NO_KNOWLEDGE, "nothing found")), List.of());
        sent(desk, clock, "D7", "T-7", "ana", "03-08T22:00:00", "03-08T22:01:30", 2, List.of(), List.of(A));
        sent(desk, clock, "D8", "T-8", "ben", "03-08T23:20:00", "03-08T23:25:00", 0, List.of(), List.of());
        sent(desk, clock, "D13", "T-13", "ana", "03-01T22:00:00", "03-01T22:59:00", 18, List.of(), List.of());

        offer(desk, "D9", "T-9", "ana", "03-03T14:58:00", List.of(Flag.blocking(FlagKind.COMMITMENT, "promises")));
        clock.set(at("03-03T15:00:00"));
        desk.discard("D9");
        offer(desk, "D10", "T-10", "chloe", "03-06T15:55:00", List.of(Flag.info(FlagKind.NO_KNOWLEDGE, "nothing")));
        clock.set(at("03-06T16:00:00"));
        desk.discard("D10");
        offer(desk, "D11", "T-11", "ben", "03-04T09:00:00", List.of());
        clock.set(at("03-04T09:05:00"));
        desk.customerWroteAgain("T-11");

        desk.feedback(new Feedback("D1", "ana", true, "", at("03-02T09:01:10")));
        desk.feedback(new Feedback("D3", "ben", false, "wrong policy", at("03-03T11:05:10")));
        desk.feedback(new Feedback("D4", "ben", true, "", at("03-04T12:00:40")));
        desk.feedback(new Feedback("D4", "ben", false, "on second thought, no", at("03-04T12:01:40")));
        desk.feedback(new Feedback("D6", "chloe", true, "", at("03-07T14:10:10")));
        desk.feedback(new Feedback("D9", "ana", false, "promised too much", at("03-03T15:00:10")));

        JdbcReviewStore reviews = new JdbcReviewStore(database);
        reviews.saveReview(new DraftReview("D1", "lena", new Rubric(3, 3, 3, 3), "", at("03-09T10:00:00")));
        reviews.saveReview(new DraftReview("D3", "lena", new Rubric(2, 3, 4, 3), COACHING_D3, at("03-09T10:30:00")));
        reviews.saveReview(new DraftReview("D1", "lena", new Rubric(5, 5, 4, 5), "Spot on.", at("03-09T11:00:00")));

        seedKnowledgeGaps(database, tickets, desk, clock);

        // Last: a later delivery by the other desk would deliver D12's queued reply too.
        Draft d12 = offer(neverDelivers, "D12", "T-12", "ana", "03-05T09:00:00", List.of());
        clock.set(at("03-05T09:02:00"));
        approve(neverDelivers, d12, AI_TEXT);
    }

    private static void seedKnowledgeGaps(Database database, JdbcTicketStore tickets, ReplyDesk desk,
                                          TestClock clock) {
        JdbcKnowledgeGapLog gaps = new JdbcKnowledgeGapLog(database);
        ticket(tickets, "G-1", Channel.EMAIL, "Jana Nováková", "02-16T09:00:00");
        ticket(tickets, "G-2", Channel.CHAT, "Tom Baker", "02-17T09:00:00");
        ticket(tickets, "G-3", Channel.EMAIL, "Tom Baker", "02-18T09:00:00");
        gaps.record(new KnowledgeGap("G-1", "My new card still hasn't arrived, it's been two weeks.", at("02-16T09:00:05")));
        gaps.record(new KnowledgeGap("G-1", "My new card still hasn't arrived, it's been two weeks.", at("02-16T09:30:05")));
        gaps.record(new KnowledgeGap("G-2", "My card has not arrived yet, I ordered it 10 days ago", at("02-17T09:00:05")));
        gaps.record(new KnowledgeGap("G-3", "When will my new card arrive?", at("02-18T09:00:05")));
        gaps.record(new KnowledgeGap("G-4", "What exchange rate do you use for payments in dollars?", at("02-19T09:00:05")));
        gaps.record(new KnowledgeGap("G-5", "Which exchange rate applies when I pay in USD?", at("02-20T09:00:05")));
        gaps.record(new KnowledgeGap("G-6", "Can I change the PIN of my card at an ATM?", at("02-20T10:00:05")));

        Draft g1 = offer(desk, "DG-1", "G-1", "ana", "02-21T09:00:00", List.of());
        clock.set(at("02-21T09:04:00"));
        approve(desk, g1, "Hi Jana,\n\nNew cards arrive within 7 working days of the order [1]. If yours has not "
                + "arrived after 10 working days, we send a replacement free of charge.\n\nBest regards,\nAna");
        Draft g3 = offer(desk, "DG-3", "G-3", "ben", "02-21T10:00:00", List.of());
        clock.set(at("02-21T10:03:00"));
        approve(desk, g3, "Hello Tom, new cards arrive within 7 working days of the order. Call us on "
                + "+44 20 7946 0958 if it has not arrived by then.\nKind regards, Ben");
    }

    private static void ticket(JdbcTicketStore tickets, String id, Channel channel, String customer, String firstMessage) {
        String email = id.toLowerCase(java.util.Locale.ROOT) + "@example.com";
        tickets.save(new Ticket(id, "Question " + id, channel, new Customer(customer, email, "en"), TicketStatus.OPEN,
                List.of(new Message(id + "-m1", Author.CUSTOMER, "Hello, about my order.", at(firstMessage)))));
    }

    private static void sent(ReplyDesk desk, TestClock clock, String id, String ticket, String agent,
                             String suggested, String approved, int zerosChanged, List<Flag> flags,
                             List<Citation> citations) {
        Draft draft = new Draft(id, ticket, DraftState.SUGGESTED, AI_TEXT, AI_TEXT, citations, flags, "llm",
                "gpt-test", "reply-v1", at(suggested), Optional.empty(), Optional.empty(), Optional.empty(), agent);
        desk.offer(draft);
        String finalText = edited(zerosChanged);
        if (zerosChanged > 0) {
            clock.set(at(suggested).plusSeconds(20));
            desk.edit(id, finalText);
        }
        double ratio = EditAudit.between(AI_TEXT, finalText).ratio();
        if (ratio != zerosChanged / 40.0) {
            throw new AssertionError(id + ": edit ratio " + ratio + ", expected " + zerosChanged + "/40");
        }
        clock.set(at(approved));
        approve(desk, draft, finalText);
    }

    private static Draft offer(ReplyDesk desk, String id, String ticket, String agent, String suggested, List<Flag> flags) {
        String text = id.startsWith("DG-") ? "I will check and get back to you." : AI_TEXT;
        Draft draft = new Draft(id, ticket, DraftState.SUGGESTED, text, text, List.of(), flags, "llm", "gpt-test",
                "reply-v1", at(suggested), Optional.empty(), Optional.empty(), Optional.empty(), agent);
        desk.offer(draft);
        return draft;
    }

    private static void approve(ReplyDesk desk, Draft draft, String finalText) {
        try {
            if (!finalText.equals(draft.aiText())) {
                desk.edit(draft.id(), finalText);
            }
            desk.approveAndSend(AgentApproval.ofDraft(draft.agent(), draft.ticketId(), draft, finalText,
                    draft.flags().stream().filter(Flag::blocking).toList()));
        } catch (ApprovalRefusedException e) {
            throw new AssertionError("seed approval of " + draft.id() + " refused: " + e.getMessage(), e);
        }
    }

    /** "03-02T09:00:00" in 2026, UTC. */
    public static Instant at(String monthDayTime) {
        return Instant.parse("2026-" + monthDayTime + "Z");
    }

    /** Days of the seeded week as a filter in Berlin time. */
    public static ReviewFilter week() {
        return ReviewFilter.all().between(MONDAY, SUNDAY, BERLIN);
    }
}
