package io.agentassist.knowledge.search;

import static org.assertj.core.api.Assertions.assertThat;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.rag.AugmentationRequest;
import dev.langchain4j.rag.AugmentationResult;
import dev.langchain4j.rag.DefaultRetrievalAugmentor;
import dev.langchain4j.rag.content.Content;
import dev.langchain4j.rag.content.retriever.ContentRetriever;
import dev.langchain4j.rag.query.Metadata;
import dev.langchain4j.rag.query.Query;
import io.agentassist.core.knowledge.KnowledgeContentRetriever;
import io.agentassist.knowledge.fixtures.FixtureKnowledge;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Core's LangChain4j {@link ContentRetriever} over the real Lucene index: the index feeds LangChain4j prompts. */
class KnowledgeContentRetrieverOverLuceneTest {
    private static LuceneKnowledgeSearch search;

    @TempDir
    static Path indexDir;

    @BeforeAll
    static void indexTheFixture() throws IOException {
        var embedder = FixtureKnowledge.embedder();
        FixtureKnowledge.indexInto(indexDir, embedder);
        search = LuceneKnowledgeSearch.open(indexDir, embedder);
    }

    @AfterAll
    static void close() throws IOException {
        search.close();
    }

    private static List<String> metadata(List<Content> contents, String key) {
        return contents.stream().map(c -> c.textSegment().metadata().getString(key)).toList();
    }

    @Test
    void retrievedContentsNameTheArticlesTheyCameFrom() {
        ContentRetriever retriever = new KnowledgeContentRetriever(search, 3);

        List<Content> contents = retriever.retrieve(Query.from("Is there parking at Hobsons House?"));

        assertThat(contents).hasSize(3);
        assertThat(metadata(contents, KnowledgeContentRetriever.ARTICLE_ID)).containsOnly("hobsons-house");
        Content parking = contents.getFirst();
        assertThat(parking.textSegment().text()).isEqualTo("Free parking is available for guests in the courtyard "
                + "behind the house. Spaces cannot be reserved in advance.");
        assertThat(parking.textSegment().metadata().toMap())
                .containsEntry(KnowledgeContentRetriever.CHUNK_ID, "hobsons-house#0")
                .containsEntry(KnowledgeContentRetriever.TITLE, "Hobsons House")
                .containsEntry(KnowledgeContentRetriever.SECTION, "Parking")
                .containsEntry(KnowledgeContentRetriever.URL, "https://kb.example/hobsons-house")
                .containsEntry("entity", "Hobsons House")
                .containsKey(KnowledgeContentRetriever.SCORE);
    }

    @Test
    void chatMemoryGivesTheFollowUpItsFocus() {
        ContentRetriever retriever = new KnowledgeContentRetriever(search, 2);
        UserMessage question = UserMessage.from("Do they allow dogs?");
        List<ChatMessage> memory = List.of(
                UserMessage.from("Is Hobsons House near the river?"),
                AiMessage.from("It is. The Acorn Guest House is a little closer, though."));

        List<Content> contents = retriever.retrieve(Query.from(question.singleText(),
                Metadata.from(question, "conversation-1", memory)));

        assertThat(metadata(contents, KnowledgeContentRetriever.CHUNK_ID)).first().isEqualTo("acorn-guest-house#2");
        assertThat(metadata(contents, KnowledgeContentRetriever.ARTICLE_ID)).containsOnly("acorn-guest-house");
    }

    @Test
    void aDefaultRetrievalAugmentorPutsTheIndexedPassagesIntoThePrompt() {
        DefaultRetrievalAugmentor augmentor = DefaultRetrievalAugmentor.builder()
                .contentRetriever(new KnowledgeContentRetriever(search, 2))
                .build();
        UserMessage question = UserMessage.from("My parcel arrived broken, can I get my money back?");

        AugmentationResult result = augmentor.augment(
                new AugmentationRequest(question, Metadata.from(question, "conversation-2", List.of())));

        assertThat(metadata(result.contents(), KnowledgeContentRetriever.ARTICLE_ID)).first().isEqualTo("help/refunds");
        assertThat(((UserMessage) result.chatMessage()).singleText())
                .contains("My parcel arrived broken")
                .contains("If an item arrives damaged, send us a photo within 14 days and we refund it in full.");
    }
}
