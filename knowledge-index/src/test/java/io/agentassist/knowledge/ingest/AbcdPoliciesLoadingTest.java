package io.agentassist.knowledge.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.agentassist.knowledge.datasets.AbcdPolicies;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real ABCD policy manual, converted to JSON Lines and read back through the product's loader. */
class AbcdPoliciesLoadingTest {

    @TempDir
    Path dir;

    private LoadResult loadThroughJsonLines() throws IOException {
        List<Article> converted = AbcdPolicies.articles(AbcdPolicies.guidelines());
        Path jsonl = AbcdPolicies.writeJsonLines(converted, dir.resolve("abcd-policies.jsonl"));
        return new KnowledgeSourceLoader().load(List.of(jsonl));
    }

    @Test
    void everySubflowOfTheManualLoadsAsOneArticle() throws IOException {
        LoadResult result = loadThroughJsonLines();

        assertThat(result.skipped()).isEmpty();
        assertThat(result.articles()).hasSize(55);
        assertThat(result.articles()).extracting(Article::id).doesNotHaveDuplicates()
                .allSatisfy(id -> assertThat(id).matches("abcd:[a-z0-9_]+:[a-z0-9_]+"))
                .contains("abcd:product_defect:initiate_refund", "abcd:account_access:reset_two_factor_auth");
        assertThat(result.articles()).allSatisfy(a -> {
            assertThat(a.body()).isNotBlank();
            assertThat(a.title()).isNotBlank();
            assertThat(a.metadata()).containsKeys("flow", "subflow");
        });
    }

    @Test
    void everyPolicyArticleChunksIntoAtLeastOnePassage() throws IOException {
        Chunker chunker = new Chunker();

        for (Article article : loadThroughJsonLines().articles()) {
            List<Chunk> chunks = chunker.chunk(article);
            assertThat(chunks).as(article.id()).isNotEmpty();
            assertThat(chunks).allSatisfy(c -> assertThat(c.text().length()).isLessThanOrEqualTo(Chunker.DEFAULT_MAX_CHARS));
        }
    }

    @Test
    void aPolicyArticleReadsAsInstructionsThenNumberedSteps() throws IOException {
        Article refund = loadThroughJsonLines().articles().getFirst();

        assertThat(refund.id()).isEqualTo("abcd:product_defect:initiate_refund");
        assertThat(refund.title()).isEqualTo("Product Defect: Initiate Refund");
        assertThat(refund.metadata()).containsEntry("flow", "Product Defect").containsEntry("subflow", "Initiate Refund");
        assertThat(refund.body())
                .startsWith("Start by asking for the refund reason. Then, to complete the refund, perform the following "
                        + "actions\n\n1. All chats in this flow start by asking the customer for their full name or "
                        + "Account ID using [Pull up Account].")
                .contains("\n- Email Address\n", "\n2. To confirm that their purchase is valid with [Validate Purchase]:")
                .endsWith("As always, wrap up by nicely asking if the customer needs any further assistance.");
    }
}
