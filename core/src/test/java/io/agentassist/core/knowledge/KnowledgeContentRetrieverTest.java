package io.agentassist.core.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.ImageContent;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.rag.AugmentationRequest;
import dev.langchain4j.rag.AugmentationResult;
import dev.langchain4j.rag.DefaultRetrievalAugmentor;
import dev.langchain4j.rag.content.Content;
import dev.langchain4j.rag.content.ContentMetadata;
import dev.langchain4j.rag.query.Metadata;
import dev.langchain4j.rag.query.Query;
import io.agentassist.core.conversation.Turn;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KnowledgeContentRetrieverTest {

    private static final KnowledgeHit PARKING = new KnowledgeHit("alpha-faq", "alpha-faq#3", "Hotel Alpha FAQ",
            "Parking", "<b>Parking</b> is free", "Parking is free for guests, in the garage behind the hotel.",
            "https://kb.example/alpha-faq#parking", 0.031, Map.of("category", "hotel", "locale", "en"));

    @Test
    void eachHitBecomesContentWithItsPassageAndSource() {
        KnowledgeContentRetriever retriever = new KnowledgeContentRetriever(new FakeSearch(PARKING), 3);

        List<Content> contents = retriever.retrieve(Query.from("Is parking free?"));

        assertThat(contents).hasSize(1);
        Content content = contents.getFirst();
        assertThat(content.textSegment().text()).isEqualTo(PARKING.text());
        assertThat(content.textSegment().metadata().toMap()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "article_id", "alpha-faq",
                "chunk_id", "alpha-faq#3",
                "title", "Hotel Alpha FAQ",
                "section", "Parking",
                "url", "https://kb.example/alpha-faq#parking",
                "score", 0.031,
                "category", "hotel",
                "locale", "en"));
        assertThat(content.metadata()).containsEntry(ContentMetadata.SCORE, 0.031);
    }

    @Test
    void emptySectionAndUrlAreCarriedAsEmptyText() {
        KnowledgeHit hit = new KnowledgeHit("a", "a#0", "A", null, "", "Passage.", null, 1.0, Map.of());

        Content content = new KnowledgeContentRetriever(new FakeSearch(hit), 1).retrieve(Query.from("q")).getFirst();

        assertThat(content.textSegment().metadata().getString(KnowledgeContentRetriever.SECTION)).isEmpty();
        assertThat(content.textSegment().metadata().getString(KnowledgeContentRetriever.URL)).isEmpty();
    }

    @Test
    void hitMetadataCannotPoseAsTheHitsOwnFields() {
        KnowledgeHit hit = new KnowledgeHit("real-id", "real-id#0", "Real title", "", "", "Passage.", "", 0.5,
                Map.of("title", "spoofed", "article_id", "spoofed", "score", "spoofed"));

        Content content = new KnowledgeContentRetriever(new FakeSearch(hit), 1).retrieve(Query.from("q")).getFirst();

        assertThat(content.textSegment().metadata().getString("title")).isEqualTo("Real title");
        assertThat(content.textSegment().metadata().getString("article_id")).isEqualTo("real-id");
        assertThat(content.textSegment().metadata().getDouble("score")).isEqualTo(0.5);
    }

    @Test
    void contentsKeepTheOrderTheSearchRanked() {
        FakeSearch search = new FakeSearch(hit("c", 0.2), hit("a", 0.9), hit("b", 0.5));

        List<Content> contents = new KnowledgeContentRetriever(search, 3).retrieve(Query.from("q"));

        assertThat(contents).extracting(c -> c.textSegment().metadata().getString("article_id"))
                .containsExactly("c", "a", "b");
    }

    @Test
    void hitWithoutPassageTextIsLeftOut() {
        FakeSearch search = new FakeSearch(hit("a", 0.9), new KnowledgeHit("blank", "blank#0", "Blank", "", "", " ",
                "", 0.8, Map.of()), hit("b", 0.5));

        List<Content> contents = new KnowledgeContentRetriever(search, 3).retrieve(Query.from("q"));

        assertThat(contents).extracting(c -> c.textSegment().metadata().getString("article_id"))
                .containsExactly("a", "b");
    }

    @Test
    void searchesInHybridModeForMaxResults() {
        FakeSearch search = new FakeSearch();

        new KnowledgeContentRetriever(search, 4).retrieve(Query.from("Is parking free?"));

        KnowledgeQuery query = search.onlyQuery();
        assertThat(query.mode()).isEqualTo(SearchMode.HYBRID);
        assertThat(query.limit()).isEqualTo(4);
        assertThat(query.filters()).isEmpty();
    }

    @Test
    void queryWithoutChatMemoryIsASingleCustomerTurn() {
        FakeSearch search = new FakeSearch();
        KnowledgeContentRetriever retriever = new KnowledgeContentRetriever(search, 1);

        retriever.retrieve(Query.from("Is parking free?"));
        retriever.retrieve(Query.from("Is parking free?",
                Metadata.from(UserMessage.from("Is parking free?"), "memory-1", List.of())));

        assertThat(search.queries).extracting(q -> q.conversation().turns())
                .containsOnly(List.of(Turn.customer("Is parking free?")));
    }

    @Test
    void conversationIsRebuiltFromChatMemoryEndingWithTheQuery() {
        ToolExecutionRequest lookup = ToolExecutionRequest.builder().id("1").name("lookup").arguments("{}").build();
        List<ChatMessage> memory = List.of(
                SystemMessage.from("You are a helpful hotel agent."),
                UserMessage.from("I booked Hotel Alpha for Friday"),
                AiMessage.from(lookup),
                ToolExecutionResultMessage.from(lookup, "booking 42"),
                AiMessage.from("Thanks, I found your booking."),
                UserMessage.from(ImageContent.from("https://example.com/receipt.png")));
        FakeSearch search = new FakeSearch();

        new KnowledgeContentRetriever(search, 1).retrieve(Query.from("Is parking free there?",
                Metadata.from(UserMessage.from("Is parking free there?"), "memory-1", memory)));

        assertThat(search.onlyQuery().conversation().turns()).containsExactly(
                Turn.customer("I booked Hotel Alpha for Friday"),
                Turn.agent("Thanks, I found your booking."),
                Turn.customer("Is parking free there?"));
    }

    @Test
    void queryAlreadyLastInChatMemoryIsNotRepeated() {
        List<ChatMessage> memory = List.of(
                UserMessage.from("I booked Hotel Alpha"),
                AiMessage.from("How can I help?"),
                UserMessage.from("Is parking free?"));
        FakeSearch search = new FakeSearch();

        new KnowledgeContentRetriever(search, 1).retrieve(Query.from("Is parking free?",
                Metadata.from(UserMessage.from("Is parking free?"), "memory-1", memory)));

        assertThat(search.onlyQuery().conversation().turns()).containsExactly(
                Turn.customer("I booked Hotel Alpha"),
                Turn.agent("How can I help?"),
                Turn.customer("Is parking free?"));
    }

    @Test
    void servesADefaultRetrievalAugmentor() {
        FakeSearch search = new FakeSearch(PARKING);
        DefaultRetrievalAugmentor augmentor = DefaultRetrievalAugmentor.builder()
                .contentRetriever(new KnowledgeContentRetriever(search, 3))
                .build();
        UserMessage question = UserMessage.from("Is parking free there?");
        List<ChatMessage> memory = List.of(UserMessage.from("I booked Hotel Alpha"), AiMessage.from("Sure."));

        AugmentationResult result = augmentor.augment(
                new AugmentationRequest(question, Metadata.from(question, "memory-1", memory)));

        assertThat(result.contents()).extracting(c -> c.textSegment().metadata().getString("article_id"))
                .containsExactly("alpha-faq");
        assertThat(((UserMessage) result.chatMessage()).singleText())
                .contains("Is parking free there?")
                .contains(PARKING.text());
        assertThat(search.onlyQuery().conversation().turns()).hasSize(3);
    }

    @Test
    void maxResultsBelowOneIsRejected() {
        assertThatThrownBy(() -> new KnowledgeContentRetriever(new FakeSearch(), 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("maxResults");
    }

    private static KnowledgeHit hit(String articleId, double score) {
        return new KnowledgeHit(articleId, articleId + "#0", "Title " + articleId, "", "", "Passage of " + articleId,
                "", score, Map.of());
    }

    /** Returns the same hits for every query, in the given order, and records what it was asked. */
    private static final class FakeSearch implements KnowledgeSearch {
        private final List<KnowledgeHit> hits;
        private final List<KnowledgeQuery> queries = new ArrayList<>();

        FakeSearch(KnowledgeHit... hits) {
            this.hits = List.of(hits);
        }

        @Override
        public List<KnowledgeHit> search(KnowledgeQuery query) {
            queries.add(query);
            return hits;
        }

        KnowledgeQuery onlyQuery() {
            assertThat(queries).hasSize(1);
            return queries.getFirst();
        }
    }
}
