package io.agentassist.app.demo;

import io.agentassist.core.approval.AgentApproval;
import io.agentassist.core.approval.ApprovalRefusedException;
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
import io.agentassist.core.persistence.KnowledgeGap;
import io.agentassist.core.review.DraftReview;
import io.agentassist.core.review.Rubric;
import io.agentassist.core.tickets.TicketStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.Random;

/**
 * Nearly four weeks of a small team's work for the demo, so that a new lead's review mode and dashboard are not empty:
 * replies from four agents (one of them the person at this machine, so the agent's coaching shows too) used as
 * is, lightly or heavily edited, or discarded, some with flags and feedback, three already reviewed with
 * coaching, and knowledge-gap questions. Everything goes through core's real desk — offer, edit, approve and
 * send, discard, feedback — as the window does it, so the rows are exactly what real use leaves behind.
 * Deterministic: the same history every time, dated back from {@code now}.
 */
public final class DemoHistory {
    /** The team lead whose reviews are already in the history. */
    public static final String LEAD = "Morgan Lee";
    static final List<String> COLLEAGUES = List.of("Priya Shah", "Tom Becker", "Lena Park");
    static final int DAYS = 26;

    private record Scenario(String subject, Channel channel, String question, String draft, String light,
                            String heavy, List<Citation> citations, List<Flag> flags) {
    }

    private static Citation cite(int marker, String id, String title) {
        return new Citation(marker, id, id + "#0", title, "", 0.8);
    }

    private static final Citation REFUND = cite(1, "returns-refund-timing", "When will I get my refund?");
    private static final Citation RETURN = cite(1, "returns-start-a-return", "How to start a return");
    private static final Citation LATE = cite(1, "shipping-late-delivery", "Where is my order? Late or delayed deliveries");
    private static final Citation TRACK = cite(2, "shipping-track-your-order", "How to track your order");
    private static final Citation TWICE = cite(1, "billing-charged-twice", "Charged twice for an order or for Fernway Plus");
    private static final Citation PASSWORD = cite(1, "account-security-reset-password", "Reset your password");
    private static final Citation CANCEL = cite(1, "orders-cancel-an-order", "Cancelling an order");
    private static final Citation WARRANTY = cite(1, "warranty-repairs-make-a-warranty-claim",
            "How to make a warranty claim for a faulty item");

    private static final List<Scenario> SCENARIOS = List.of(
            new Scenario("Refund not received yet", Channel.EMAIL,
                    "I sent my boots back ten days ago. When will the refund reach my card?",
                    "Hi,\n\nThank you for your message. Once your return reaches our warehouse we check it within 2 "
                            + "working days and then refund the original payment method [1]. Card refunds usually "
                            + "show within 5 to 10 working days, depending on your bank.\n\nKind regards",
                    "Hi,\n\nThank you for your message. Your boots reached our warehouse on Monday, and we check "
                            + "returns within 2 working days before refunding the original payment method [1]. Card "
                            + "refunds usually show within 5 to 10 working days, depending on your bank.\n\nKind regards",
                    "Hi,\n\nI have checked your return: the boots arrived on Monday and the refund was issued today. "
                            + "Your bank may take up to 10 working days to show it [1]. I will keep an eye on it for "
                            + "you.\n\nKind regards",
                    List.of(REFUND), List.of()),
            new Scenario("How do I return a jacket?", Channel.CHAT,
                    "The jacket is too small. How do I send it back?",
                    "You can start a return from Orders in your account: choose the item, pick a reason and print "
                            + "the free return label [1]. Returns are accepted within 30 days of delivery.",
                    "You can start a return from Orders in your account: choose the jacket, pick \"too small\" and "
                            + "print the free return label [1]. Returns are accepted within 30 days of delivery.",
                    "If you would rather have the next size up, an exchange is quicker than a return: choose "
                            + "Exchange in Orders and we send the new size as soon as yours is scanned [1].",
                    List.of(RETURN), List.of()),
            new Scenario("Parcel is late", Channel.EMAIL,
                    "My order was due on Friday and the tracking has not moved since. This is the second time!",
                    "Hi,\n\nI'm sorry your parcel is late. Most delays clear within 2 working days [1]; you can "
                            + "follow it with the tracking link in your confirmation e-mail [2]. We will refund the "
                            + "delivery cost today.\n\nKind regards",
                    "Hi,\n\nI'm sorry your parcel is late, and that this has happened twice. Most delays clear "
                            + "within 2 working days [1]; you can follow it with the tracking link in your "
                            + "confirmation e-mail [2].\n\nKind regards",
                    "Hi,\n\nI'm really sorry: two late parcels in a row is not the service we want to give. I have "
                            + "asked the carrier to trace it. If it has not moved by Wednesday, reply here and I will "
                            + "send a replacement straight away [1].\n\nKind regards",
                    List.of(LATE, TRACK), List.of(Flag.blocking(FlagKind.COMMITMENT, "promises a refund of the delivery cost"),
                            Flag.info(FlagKind.FRUSTRATION, "the customer is writing for the second time"))),
            new Scenario("Charged twice", Channel.EMAIL,
                    "I was charged twice for the same order. Please fix this.",
                    "Hi,\n\nA second charge is usually a pending authorisation that your bank releases within 5 "
                            + "working days [1]. If it is still there after that, send us a screenshot of both "
                            + "charges.\n\nKind regards",
                    "Hi,\n\nSorry for the worry. A second charge is usually a pending authorisation that your bank "
                            + "releases within 5 working days [1]. If it is still there after that, send us a "
                            + "screenshot of both charges.\n\nKind regards",
                    "Hi,\n\nI have checked your order: only one payment was taken. The second line is an "
                            + "authorisation your bank releases within 5 working days [1], so you do not need to do "
                            + "anything.\n\nKind regards",
                    List.of(TWICE), List.of()),
            new Scenario("Password reset", Channel.CHAT,
                    "I can't log in, the reset e-mail never arrives.",
                    "Choose \"Forgot password\" on the sign-in page and enter your e-mail address; the link is valid "
                            + "for 1 hour [1]. Check your spam folder if it does not arrive within a few minutes.",
                    "Choose \"Forgot password\" on the sign-in page and enter the e-mail address of your account; "
                            + "the link is valid for 1 hour [1]. Check your spam folder if it does not arrive within "
                            + "a few minutes.",
                    "I can see the reset e-mails bounced: your account still has your old work address. I have "
                            + "sent the link to the address you are writing from; it is valid for 1 hour [1].",
                    List.of(PASSWORD), List.of()),
            new Scenario("Cancel my order", Channel.CHAT,
                    "Can I still cancel the order I placed this morning?",
                    "Orders can be cancelled in your account until they are packed, usually within 1 hour [1]. "
                            + "After that, you can return them for free when they arrive.",
                    "Orders can be cancelled in your account until they are packed, usually within 1 hour of "
                            + "ordering [1]. After that, you can return them for free when they arrive.",
                    "Your order was already packed, so it can no longer be cancelled; when it arrives, you can "
                            + "return it for free and we refund you in full [1].",
                    List.of(CANCEL), List.of(Flag.blocking(FlagKind.UNCITED_CLAIM, "the second sentence cites nothing"))),
            new Scenario("Zip broke after two months", Channel.EMAIL,
                    "The zip of my rain jacket broke after two months. Is that covered?",
                    "Hi,\n\nYes, a zip that breaks in normal use is covered by our 2-year warranty [1]. Start a "
                            + "claim from Orders with a photo of the zip and we will repair or replace the "
                            + "jacket.\n\nKind regards",
                    "Hi,\n\nYes, a zip that breaks in normal use is covered by our 2-year warranty [1]. Start a "
                            + "claim from Orders with a photo of the zip, and we will repair or replace the jacket "
                            + "free of charge.\n\nKind regards",
                    "Hi,\n\nI'm sorry about the zip. That is covered: please reply with a photo and your order "
                            + "number and I will start the warranty claim for you [1], so you do not have to send "
                            + "anything until we tell you where.\n\nKind regards",
                    List.of(WARRANTY), List.of()));

    private record Gap(String subject, String question, String reply) {
    }

    private static final List<Gap> GAPS = List.of(
            new Gap("Gift card balance", "How can I check the balance of my gift card?",
                    "Hi,\n\nYou can see the balance of a gift card at checkout: enter its code and the remaining "
                            + "amount is shown before you pay. Gift cards are valid for 3 years.\n\nKind regards"),
            new Gap("Gift card", "Where do I see how much is left on a gift card?", null),
            new Gap("Gift card", "Can I check my gift card balance online?", null),
            new Gap("Store pickup", "Can I pick up my online order in a store?",
                    "Hi,\n\nNot yet: online orders are delivered to your address or a parcel locker. You can "
                            + "return online orders in any Fernway store, though.\n\nKind regards"),
            new Gap("Pick up in store", "Can I pick up my order in one of your stores?", null),
            new Gap("Re-proofing", "How do I re-waterproof my jacket after washing?", null),
            new Gap("Waterproofing", "What should I use to reproof a waterproof jacket?", null));

    private DemoHistory() {
    }

    /**
     * Writes the history into {@code database}; {@code you} is the name this machine approves as, one of the four
     * agents. Delivered replies go to {@code outbox}, away from the real one.
     */
    public static void seed(Database database, TicketStore tickets, Path outbox, String you, Instant now) {
        String agentYou = you == null || you.isBlank() ? "You" : you.strip();
        List<String> agents = List.of(agentYou, COLLEAGUES.get(0), COLLEAGUES.get(1), COLLEAGUES.get(2));
        SettableClock clock = new SettableClock(now);
        ReplyDesk desk = ReplyDesk.onEmbeddedDefaults(database, outbox, clock, Runnable::run);
        JdbcReviewStore reviews = new JdbcReviewStore(database);
        Random random = new Random(20261124L);
        Instant start = now.truncatedTo(ChronoUnit.DAYS).minus(Duration.ofDays(DAYS));
        int number = 1;
        for (int day = 0; day < DAYS; day++) {
            Instant date = start.plus(Duration.ofDays(day));
            int weekday = date.atZone(ZoneOffset.UTC).getDayOfWeek().getValue();
            int replies = weekday >= 6 ? 1 : 2 + random.nextInt(2);
            for (int i = 0; i < replies; i++) {
                String agent = agents.get(random.nextInt(agents.size()));
                Scenario scenario = SCENARIOS.get(random.nextInt(SCENARIOS.size()));
                Instant suggested = date.plus(Duration.ofMinutes(8 * 60 + random.nextInt(9 * 60)));
                int roll = random.nextInt(100);
                String id = String.format("FW-%04d", 900 + number++);
                String ticket = ticket(tickets, id, scenario.subject(), scenario.channel(), scenario.question(),
                        suggested.minus(Duration.ofMinutes(3)));
                Draft draft = offer(desk, clock, "demo-" + id, ticket, agent, scenario.draft(), scenario.citations(),
                        scenario.flags(), suggested);
                if (roll < 10) {
                    clock.set(suggested.plusSeconds(40 + random.nextInt(200)));
                    desk.discard(draft.id());
                    feedback(desk, clock, draft, agent, false, "Wrong or outdated facts");
                    tickets.setStatus(ticket, TicketStatus.SOLVED);
                    continue;
                }
                String text = roll < 55 ? scenario.draft() : roll < 84 ? scenario.light() : scenario.heavy();
                long seconds = roll < 55 ? 25 + random.nextInt(90) : roll < 84 ? 60 + random.nextInt(180)
                        : 180 + random.nextInt(600);
                send(desk, clock, draft, text, suggested.plusSeconds(seconds));
                if (random.nextInt(4) == 0) {
                    boolean helpful = roll < 84;
                    feedback(desk, clock, draft, agent, helpful, helpful ? "helpful" : "Did not answer the question");
                }
                tickets.setStatus(ticket, TicketStatus.SOLVED);
            }
        }
        reviewed(desk, clock, reviews, tickets, agentYou, SCENARIOS.get(2), "FW-0890", now.minus(Duration.ofDays(2)),
                SCENARIOS.get(2).heavy(), new Rubric(4, 5, 5, 4),
                "Good call not to promise the delivery refund the suggestion offered: that needs a manager. Next "
                        + "time, cite the tracking article too, so the customer can follow the parcel.",
                TicketStatus.PENDING);
        reviewed(desk, clock, reviews, tickets, COLLEAGUES.get(0), SCENARIOS.get(3), "FW-0891",
                now.minus(Duration.ofDays(5)), SCENARIOS.get(3).draft(), new Rubric(4, 4, 3, 4),
                "Accurate, but a worried customer deserves one sentence of empathy before the explanation.",
                TicketStatus.SOLVED);
        reviewed(desk, clock, reviews, tickets, COLLEAGUES.get(1), SCENARIOS.get(5), "FW-0892",
                now.minus(Duration.ofDays(9)), SCENARIOS.get(5).light(), new Rubric(3, 2, 4, 4),
                "The suggestion's second sentence was flagged as uncited and went out unchanged. Check the "
                        + "cancellation article: the window is until packing, not a fixed hour.",
                TicketStatus.SOLVED);
        gaps(database, desk, clock, tickets, agents, now);
    }

    private static void reviewed(ReplyDesk desk, SettableClock clock, JdbcReviewStore reviews, TicketStore tickets,
                                 String agent, Scenario scenario, String id, Instant suggested, String text,
                                 Rubric rubric, String coaching, TicketStatus status) {
        String ticket = ticket(tickets, id, scenario.subject(), scenario.channel(), scenario.question(),
                suggested.minus(Duration.ofMinutes(4)));
        Draft draft = offer(desk, clock, "demo-" + id, ticket, agent, scenario.draft(), scenario.citations(),
                scenario.flags(), suggested);
        send(desk, clock, draft, text, suggested.plus(Duration.ofMinutes(3)));
        tickets.setStatus(ticket, status);
        reviews.saveReview(new DraftReview(draft.id(), LEAD, rubric, coaching,
                suggested.plus(Duration.ofHours(20)).truncatedTo(ChronoUnit.MICROS)));
    }

    private static void gaps(Database database, ReplyDesk desk, SettableClock clock, TicketStore tickets,
                             List<String> agents, Instant now) {
        JdbcKnowledgeGapLog log = new JdbcKnowledgeGapLog(database);
        for (int i = 0; i < GAPS.size(); i++) {
            Gap gap = GAPS.get(i);
            Instant asked = now.minus(Duration.ofDays(20 - 3L * i)).minus(Duration.ofHours(3));
            String id = String.format("FW-%04d", 880 + i);
            String ticket = ticket(tickets, id, gap.subject(), Channel.EMAIL, gap.question(), asked);
            log.record(new KnowledgeGap(ticket, gap.question(), asked.plusSeconds(5)));
            if (gap.reply() != null) {
                String agent = agents.get(1 + i % 3);
                Draft draft = offer(desk, clock, "demo-" + id, ticket, agent, "I will check this and get back to you.",
                        List.of(), List.of(Flag.info(FlagKind.NO_KNOWLEDGE, "no article answers this")),
                        asked.plusSeconds(10));
                send(desk, clock, draft, gap.reply(), asked.plus(Duration.ofMinutes(7)));
            }
            tickets.setStatus(ticket, TicketStatus.SOLVED);
        }
    }

    private static String ticket(TicketStore tickets, String id, String subject, Channel channel, String question,
                                 Instant at) {
        String first = CUSTOMERS.get(Math.floorMod(id.hashCode(), CUSTOMERS.size()));
        String email = first.toLowerCase(java.util.Locale.ROOT).replace(' ', '.') + "@example.com";
        tickets.importTicket(new Ticket(id, subject, channel, new Customer(first, email, "en"), TicketStatus.OPEN,
                List.of(new Message(id + "-m1", Author.CUSTOMER, question, at))));
        return id;
    }

    private static final List<String> CUSTOMERS = List.of("Aisha Khan", "Ben Carter", "Chloe Dubois", "Daniel Kim",
            "Elena Rossi", "Finn Murphy", "Grace Liu", "Hugo Martin", "Ines Silva", "Jonas Weber", "Kate Novak",
            "Liam O'Brien");

    private static Draft offer(ReplyDesk desk, SettableClock clock, String id, String ticket, String agent,
                               String text, List<Citation> citations, List<Flag> flags, Instant suggested) {
        clock.set(suggested);
        Draft draft = new Draft(id, ticket, DraftState.SUGGESTED, text, text, citations, flags, "llm",
                "demo-model", "reply-v1", suggested, Optional.empty(), Optional.empty(), Optional.empty(), agent);
        desk.offer(draft);
        return draft;
    }

    private static void send(ReplyDesk desk, SettableClock clock, Draft draft, String text, Instant approved) {
        try {
            if (!text.equals(draft.aiText())) {
                clock.set(draft.suggestedAt().plusSeconds(15));
                desk.edit(draft.id(), text);
            }
            clock.set(approved);
            desk.approveAndSend(AgentApproval.ofDraft(draft.agent(), draft.ticketId(), draft, text,
                    draft.flags().stream().filter(Flag::blocking).toList()));
        } catch (ApprovalRefusedException e) {
            throw new IllegalStateException("demo approval of " + draft.id() + " refused: " + e.getMessage(), e);
        }
    }

    private static void feedback(ReplyDesk desk, SettableClock clock, Draft draft, String agent, boolean helpful,
                                 String reason) {
        desk.feedback(new Feedback(draft.id(), agent, helpful, reason, clock.instant().plusSeconds(5)));
    }

    private static final class SettableClock extends Clock {
        private volatile Instant now;

        SettableClock(Instant now) {
            this.now = now;
        }

        void set(Instant instant) {
            now = instant;
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
