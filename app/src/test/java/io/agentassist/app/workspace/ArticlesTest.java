package io.agentassist.app.workspace;

import static io.agentassist.app.workspace.WorkspaceFixture.PARCEL;
import static io.agentassist.app.workspace.WorkspaceFixture.REFUND;
import static org.assertj.core.api.Assertions.assertThat;

import io.agentassist.app.knowledge.KnowledgeBase;
import io.agentassist.app.tasks.SameThreadTaskRunner;
import io.agentassist.app.workspace.ArticlesViewModel.OpenArticle;
import io.agentassist.core.knowledge.KnowledgeArticle;
import io.agentassist.core.knowledge.KnowledgeHit;
import io.agentassist.core.model.Citation;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The articles beside the conversation: following it, searching by hand, and opening what a citation names. */
class ArticlesTest {
    private static final KnowledgeBase knowledge = WorkspaceFixture.sharedKnowledge();

    @TempDir
    Path data;
    WorkspaceFixture fixture;
    final SameThreadTaskRunner runner = SameThreadTaskRunner.confinedToThisThread();
    WorkspaceViewModel workspace;

    @BeforeEach
    void openTheRefundTicket() {
        fixture = WorkspaceFixture.builder(data, knowledge).open();
        workspace = fixture.viewModel(runner);
        workspace.open(REFUND);
    }

    @AfterEach
    void closeTheFixture() {
        fixture.close();
    }

    private List<String> articleIds() {
        return workspace.articles().hits().stream().map(KnowledgeHit::articleId).toList();
    }

    @Test
    void aSearchByHandShowsItsResultsAndABlankQueryGoesBackToTheConversation() {
        assertThat(articleIds()).first().isEqualTo("billing/refunds");

        workspace.searchArticles("  reset password link ");

        assertThat(workspace.articles().manualQueryProperty().get()).isEqualTo("reset password link");
        assertThat(articleIds()).first().isEqualTo("account/reset-password");
        assertThat(workspace.articles().statusProperty().get())
                .isEqualTo(workspace.articles().hits().size() + " results for \u201Creset password link\u201D");
        assertThat(workspace.articles().loadingProperty().get()).isFalse();

        workspace.searchArticles("   ");

        assertThat(workspace.articles().manualQueryProperty().get()).isEmpty();
        assertThat(articleIds()).first().isEqualTo("billing/refunds");
        assertThat(workspace.articles().statusProperty().get()).isEqualTo("Fits the conversation");
        assertThat(runner.ran()).filteredOn(name -> name.equals("articles for " + REFUND)).hasSize(3);
    }

    @Test
    void openingAnotherTicketForgetsTheSearchByHand() {
        workspace.searchArticles("reset password");

        workspace.open(PARCEL);

        assertThat(workspace.articles().manualQueryProperty().get()).isEmpty();
        assertThat(articleIds()).first().isEqualTo("shipping/tracking");
        assertThat(runner.ran()).endsWith("articles for " + PARCEL, "summarise " + PARCEL, "suggest a reply for " + PARCEL);
    }

    @Test
    void aCitationOpensItsArticleWithTheCitedPassageHighlighted() {
        Citation citation = workspace.suggestion().citations().getFirst();

        workspace.openCitation(citation);

        assertThat(workspace.articles().openArticle()).hasValueSatisfying(open -> {
            assertThat(open.article().articleId()).isEqualTo(citation.articleId()).isEqualTo("billing/refunds");
            assertThat(open.article().title()).isEqualTo("Refunds to your card");
            assertThat(open.highlightedChunkId()).isEqualTo(citation.chunkId());
            assertThat(open.article().passages()).extracting(KnowledgeArticle.Passage::chunkId)
                    .contains(citation.chunkId());
        });
        assertThat(runner.ran()).endsWith("open article billing/refunds");

        workspace.articles().closeArticle();

        assertThat(workspace.articles().openArticle()).isEmpty();
    }

    @Test
    void aSearchResultOpensItsArticleAtThatPassage() {
        KnowledgeHit hit = workspace.articles().hits().get(1);

        workspace.openHit(hit);

        assertThat(workspace.articles().openArticle()).map(OpenArticle::highlightedChunkId).contains(hit.chunkId());
        assertThat(workspace.passageForReply(hit)).isEqualTo(hit.text().strip()).isNotBlank();
        assertThat(runner.ran()).endsWith("open article " + hit.articleId());
    }

    @Test
    void anArticleNoLongerInTheIndexSaysSo() {
        workspace.openCitation(new Citation(1, "billing/withdrawn", "billing/withdrawn#0", "Withdrawn", "", 0.5));

        assertThat(workspace.articles().openArticle()).isEmpty();
        assertThat(workspace.articles().statusProperty().get())
                .isEqualTo("Article billing/withdrawn is not in the index any more.");
        assertThat(workspace.articles().hits()).as("the list stays").isNotEmpty();
        assertThat(runner.ran()).endsWith("open article billing/withdrawn");
    }
}
