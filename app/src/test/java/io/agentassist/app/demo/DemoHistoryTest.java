package io.agentassist.app.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.agentassist.core.llm.OfflineModel;
import io.agentassist.core.model.TicketStatus;
import io.agentassist.core.persistence.Database;
import io.agentassist.core.persistence.JdbcReviewStore;
import io.agentassist.core.persistence.JdbcTicketStore;
import io.agentassist.core.review.GapArticleDrafter;
import io.agentassist.core.review.GapGrouping;
import io.agentassist.core.review.ReviewDesk;
import io.agentassist.core.review.ReviewFilter;
import io.agentassist.core.review.ReviewMetrics;
import io.agentassist.core.review.SentReply;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The demo's review history: a lead's first look is not empty, and the agent at this machine has coaching. */
class DemoHistoryTest {
    private static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");

    @TempDir
    Path data;

    @Test
    void threeWeeksOfFourAgentsWithEveryUseOfASuggestionReviewsAndKnowledgeGaps() {
        try (Database database = Database.openEmbedded(data.resolve("db"))) {
            JdbcTicketStore tickets = new JdbcTicketStore(database);
            DemoHistory.seed(database, tickets, data.resolve("history-outbox"), "sam", NOW);

            Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
            ReviewDesk desk = new ReviewDesk(new JdbcReviewStore(database), new GapGrouping(),
                    new GapArticleDrafter(new OfflineModel(), clock, ZoneOffset.UTC), clock);
            ReviewFilter weeks = ReviewFilter.all().between(LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 24),
                    ZoneOffset.UTC);
            var rows = desk.sentReplies(weeks);
            assertThat(rows.stream().map(SentReply::agent).distinct())
                    .containsExactlyInAnyOrder("sam", "Priya Shah", "Tom Becker", "Lena Park");
            ReviewMetrics metrics = desk.metrics(weeks);
            assertThat(metrics.usage().asIs()).isPositive();
            assertThat(metrics.usage().light()).isPositive();
            assertThat(metrics.usage().heavy()).isPositive();
            assertThat(metrics.usage().discarded()).isPositive();
            assertThat(metrics.flags()).isNotEmpty();
            assertThat(metrics.feedback().helpful() + metrics.feedback().notHelpful()).isPositive();
            assertThat(metrics.rubric().reviewed()).isEqualTo(3);
            assertThat(desk.gapGroups(weeks.dates())).hasSizeGreaterThanOrEqualTo(3)
                    .first().satisfies(group -> assertThat(group.count()).isGreaterThanOrEqualTo(2));

            var coaching = desk.coachingFor("sam");
            assertThat(coaching).singleElement().satisfies(c -> {
                assertThat(c.ticketId()).isEqualTo("FW-0890");
                assertThat(c.review().reviewer()).isEqualTo(DemoHistory.LEAD);
            });
            assertThat(tickets.find("FW-0890").orElseThrow().status()).as("in the agent's queue")
                    .isEqualTo(TicketStatus.PENDING);
            assertThat(tickets.find("FW-0901").orElseThrow().status()).as("history stays out of the queue")
                    .isEqualTo(TicketStatus.SOLVED);
        }
    }

    @Test
    void theHistoryIsSeededOnTheFirstInstallOnly() throws Exception {
        try (Database database = Database.openEmbedded(data.resolve("db"))) {
            JdbcTicketStore tickets = new JdbcTicketStore(database);
            DemoData demo = new DemoData(data);
            AtomicInteger seeded = new AtomicInteger();
            Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);

            demo.install(tickets, clock, now -> seeded.incrementAndGet());
            demo.install(tickets, clock, now -> seeded.incrementAndGet());

            assertThat(seeded).hasValue(1);
        }
    }
}
