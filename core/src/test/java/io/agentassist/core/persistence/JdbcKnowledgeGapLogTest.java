package io.agentassist.core.persistence;

import static io.agentassist.core.persistence.JdbcTicketStoreTest.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

@ParameterizedClass(name = "{0}")
@EnumSource(Backend.class)
class JdbcKnowledgeGapLogTest {

    @Parameter
    Backend backend;

    @TempDir
    Path tempDir;

    Database database;
    JdbcKnowledgeGapLog gaps;

    @BeforeEach
    void openFreshDatabase() {
        database = backend.openFresh(tempDir);
        gaps = new JdbcKnowledgeGapLog(database);
    }

    @AfterEach
    void closeDatabase() {
        database.close();
    }

    @Test
    void recordedGapsAreListedNewestFirstAndRepeatsAreKept() {
        KnowledgeGap first = new KnowledgeGap("T-1", "Can I pay with Klarna?", T0);
        KnowledgeGap again = new KnowledgeGap("T-2", "Can I pay with Klarna?", T0.plusSeconds(60));
        KnowledgeGap other = new KnowledgeGap("T-3", "Do you ship to Iceland?", T0.plusSeconds(30));

        gaps.record(first);
        gaps.record(again);
        gaps.record(other);

        assertThat(gaps.list()).containsExactly(again, other, first);
    }

    @Test
    void sinceListsOnlyGapsFromThatMomentOn() {
        gaps.record(new KnowledgeGap("T-1", "old", T0));
        gaps.record(new KnowledgeGap("T-2", "at the moment", T0.plusSeconds(60)));
        gaps.record(new KnowledgeGap("T-3", "later", T0.plusSeconds(61)));

        assertThat(gaps.since(T0.plusSeconds(60))).extracting(KnowledgeGap::question)
                .containsExactly("later", "at the moment");
    }

    @Test
    void aGapWithoutATicketIdIsRefused() {
        assertThatThrownBy(() -> gaps.record(new KnowledgeGap(" ", "q", T0)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(gaps.list()).isEmpty();
    }
}
