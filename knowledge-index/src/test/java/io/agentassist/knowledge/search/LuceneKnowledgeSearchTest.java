package io.agentassist.knowledge.search;

import static io.agentassist.knowledge.fixtures.FixtureKnowledge.ACORN;
import static io.agentassist.knowledge.fixtures.FixtureKnowledge.GOLDEN_WOK;
import static io.agentassist.knowledge.fixtures.FixtureKnowledge.GONVILLE;
import static io.agentassist.knowledge.fixtures.FixtureKnowledge.HOBSONS;
import static io.agentassist.knowledge.fixtures.FixtureKnowledge.LENSFIELD;
import static io.agentassist.knowledge.fixtures.FixtureKnowledge.PAYMENT_METHOD;
import static io.agentassist.knowledge.fixtures.FixtureKnowledge.REFUNDS;
import static io.agentassist.knowledge.fixtures.FixtureKnowledge.agentFirst;
import static io.agentassist.knowledge.fixtures.FixtureKnowledge.customerFirst;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.agentassist.core.conversation.Conversation;
import io.agentassist.core.conversation.Turn;
import io.agentassist.core.knowledge.KnowledgeHit;
import io.agentassist.core.knowledge.KnowledgeQuery;
import io.agentassist.core.knowledge.SearchMode;
import io.agentassist.knowledge.fixtures.FixtureKnowledge;
import io.agentassist.knowledge.index.EmbeddingModelChoice;
import io.agentassist.knowledge.index.IndexProgress;
import io.agentassist.knowledge.index.KnowledgeIndexUnavailableException;
import io.agentassist.knowledge.index.KnowledgeIndexer;
import io.agentassist.knowledge.index.TextEmbedder;
import io.agentassist.knowledge.ingest.Article;
import io.agentassist.knowledge.ingest.Chunker;
import io.agentassist.knowledge.ingest.LoadResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class LuceneKnowledgeSearchTest {
    private static TextEmbedder embedder;
    private static LuceneKnowledgeSearch search;

    @TempDir
    static Path indexDir;

    @TempDir
    Path scratch;

    @BeforeAll
    static void indexTheFixture() throws IOException {
        embedder = FixtureKnowledge.embedder();
        FixtureKnowledge.indexInto(indexDir, embedder);
        search = LuceneKnowledgeSearch.open(indexDir, embedder);
    }

    @AfterAll
    static void close() throws IOException {
        search.close();
    }

    private static List<KnowledgeHit> hybrid(Conversation conversation, int limit) {
        return search.search(KnowledgeQuery.of(conversation, limit));
    }

    private static List<KnowledgeHit> search(SearchMode mode, String text, int limit, Map<String, String> filters) {
        return search.search(new KnowledgeQuery(Conversation.ofCustomerText(text), mode, limit, filters));
    }

    private static List<String> chunkIds(List<KnowledgeHit> hits) {
        return hits.stream().map(KnowledgeHit::chunkId).toList();
    }

    @Test
    void hybridWithAFocusReturnsThatPlacesPassagesFirstRankedByMeaning() {
        Conversation conversation = agentFirst("Hobsons House has a double room free on Friday.", "Is there parking?");

        List<KnowledgeHit> hits = hybrid(conversation, 7);

        assertThat(hits).hasSize(7);
        assertThat(hits.getFirst().chunkId()).isEqualTo("hobsons-house#0");
        assertThat(hits.getFirst().section()).isEqualTo("Parking");
        assertThat(hits.subList(0, 5)).extracting(KnowledgeHit::articleId).containsOnly(HOBSONS);
        assertThat(hits.subList(5, 7)).extracting(KnowledgeHit::articleId).doesNotContain(HOBSONS);
    }

    @Test
    void followUpQuestionNamingNothingIsAnsweredFromThePlaceNamedBefore() {
        Conversation conversation = customerFirst(
                "I need a guesthouse in the west for Friday.",
                "Hobsons House has a double room free on Friday.",
                "Are their bathrooms clean?");

        assertThat(chunkIds(hybrid(conversation, 1))).containsExactly("hobsons-house#1");
    }

    @Test
    void theMostRecentlyNamedPlaceDecidesWhichPassagesComeFirst() {
        Conversation conversation = customerFirst(
                "Is Hobsons House near the river?",
                "It is. The Acorn Guest House is a little closer, though.",
                "Can I bring my dog?");

        List<KnowledgeHit> hits = hybrid(conversation, 4);

        assertThat(hits.getFirst().chunkId()).isEqualTo("acorn-guest-house#2");
        assertThat(hits).extracting(KnowledgeHit::articleId).containsOnly(ACORN);
    }

    @Test
    void followUpIsAnsweredFromTheNamedPlaceEvenWhenAnotherPlacesPassageMatchesItsWordsBetter() {
        Conversation conversation = agentFirst("Hobsons House has a double room free on Friday.",
                "Is breakfast included in the room rate?");

        // Worth House's passage says "breakfast is included in the room rate" word for word
        assertThat(chunkIds(search(SearchMode.BM25, "Is breakfast included in the room rate?", 1, Map.of())))
                .containsExactly("worth-house#2");
        assertThat(chunkIds(hybrid(conversation, 1))).containsExactly("hobsons-house#2");
    }

    @Test
    void twoPlacesNamedTogetherBothComeFirst() {
        Conversation conversation = customerFirst(
                "I'm choosing between the Gonville and the Lensfield.",
                "Both have rooms on those dates.",
                "Which one has the nicer bathrooms?");

        List<KnowledgeHit> hits = hybrid(conversation, 9);

        assertThat(chunkIds(hits.subList(0, 2))).containsExactlyInAnyOrder("gonville-hotel#1", "lensfield-hotel#1");
        assertThat(hits.subList(0, 8)).extracting(KnowledgeHit::articleId).containsOnly(GONVILLE, LENSFIELD);
        assertThat(hits.get(8).articleId()).isNotIn(GONVILLE, LENSFIELD);
    }

    @Test
    void hybridWithoutAFocusFindsTheAnswerByWordsAndMeaning() {
        List<KnowledgeHit> hits = search(SearchMode.HYBRID, "My parcel arrived broken, can I get my money back?", 3, Map.of());

        assertThat(hits.getFirst().chunkId()).isEqualTo("help/refunds#1");
    }

    @Test
    void bm25RanksByTheCustomersWords() {
        List<KnowledgeHit> hits = search(SearchMode.BM25, "Is the breakfast vegetarian?", 3, Map.of());

        assertThat(hits.getFirst().chunkId()).isEqualTo("hobsons-house#2");
        assertThat(hits).hasSize(3);
    }

    @Test
    void denseRanksByMeaningWithoutSharedWords() {
        List<KnowledgeHit> hits = search(SearchMode.DENSE, "Where can I exercise in the middle of the night?", 3, Map.of());

        assertThat(hits.getFirst().chunkId()).isEqualTo("gonville-hotel#2");
        assertThat(hits).hasSize(3);
    }

    @Test
    void metadataFilterKeepsOnlyRestaurants() {
        Conversation conversation = agentFirst("Hobsons House has a double room free on Friday.", "Is there parking?");

        List<KnowledgeHit> hits = search.search(new KnowledgeQuery(conversation, SearchMode.HYBRID, 5,
                Map.of("domain", "restaurant")));

        assertThat(hits).isNotEmpty().allSatisfy(hit -> assertThat(hit.metadata()).containsEntry("domain", "restaurant"));
        assertThat(hits.getFirst().chunkId()).isEqualTo("golden-wok#1");
    }

    @ParameterizedTest
    @EnumSource(SearchMode.class)
    void tagFilterKeepsOnlyBillingArticlesInEveryMode(SearchMode mode) {
        List<KnowledgeHit> hits = search(mode, "My payment failed, can I change my card or get a refund?", 10, Map.of("tag", "billing"));

        assertThat(hits).extracting(KnowledgeHit::articleId).containsOnly(REFUNDS, PAYMENT_METHOD);
        assertThat(hits).extracting(KnowledgeHit::chunkId).containsExactlyInAnyOrder(
                "help/refunds#0", "help/refunds#1", "help/update-payment-method#0", "help/update-payment-method#1");
    }

    @Test
    void allFiltersMustMatch() {
        List<KnowledgeHit> hits = search(SearchMode.BM25, "parking", 30, Map.of("domain", "hotel", "type", "hotel"));

        assertThat(hits).extracting(KnowledgeHit::articleId).containsOnly("gonville-hotel", "lensfield-hotel",
                "riverside-hotel", "castle-hotel", "station-hotel", "university-arms-hotel");
        assertThat(search(SearchMode.HYBRID, "parking", 5, Map.of("domain", "nowhere"))).isEmpty();
    }

    @Test
    void snippetsHighlightTheCustomersWordsInTheirOwnPassage() {
        List<KnowledgeHit> hits = search(SearchMode.BM25, "Is the breakfast vegetarian?", 5, Map.of());

        assertThat(hits.getFirst().snippet()).contains("<b>breakfast</b>", "<b>vegetarian</b>");
        assertThat(hits).allSatisfy(hit -> {
            String plain = hit.snippet().replace("<b>", "").replace("</b>", "");
            assertThat(hit.text()).as(hit.chunkId()).contains(plain.strip());
        });
        assertThat(hits).filteredOn(hit -> hit.text().toLowerCase().contains("breakfast"))
                .allSatisfy(hit -> assertThat(hit.snippet()).containsIgnoringCase("<b>breakfast</b>"));
    }

    @Test
    void stemmedWordsAreHighlightedAsWritten() {
        KnowledgeHit hit = search(SearchMode.BM25, "Are dogs allowed?", 1, Map.of()).getFirst();

        assertThat(hit.chunkId()).isEqualTo("acorn-guest-house#2");
        assertThat(hit.snippet()).isEqualTo("<b>Dogs</b> are welcome for a small fee; please tell us when you book.");
    }

    @ParameterizedTest
    @EnumSource(SearchMode.class)
    void sameQueryTwiceGivesTheSameIdsAndScores(SearchMode mode) {
        Conversation conversation = customerFirst("We are two adults with a car.", "Hobsons House or the Gonville?",
                "Where do we park and is breakfast included?");
        KnowledgeQuery query = new KnowledgeQuery(conversation, mode, 10, Map.of());

        List<KnowledgeHit> first = search.search(query);
        List<KnowledgeHit> second = search.search(query);

        assertThat(first).hasSize(10);
        assertThat(second).extracting(KnowledgeHit::chunkId).containsExactlyElementsOf(chunkIds(first));
        assertThat(second).extracting(KnowledgeHit::score)
                .containsExactlyElementsOf(first.stream().map(KnowledgeHit::score).toList());
        assertThat(first).extracting(KnowledgeHit::score).isSortedAccordingTo(Comparator.reverseOrder());
    }

    @Test
    void tiedScoresAreOrderedByChunkIdNotByIndexingOrder() throws IOException {
        String body = "Lost property is kept at reception for thirty days.";
        Article indexedFirst = FixtureKnowledge.help("twin-b", "Lost property", "general", body);
        Article indexedSecond = FixtureKnowledge.help("twin-a", "Lost property", "general", body);
        List<Article> articles = FixtureKnowledge.with(FixtureKnowledge.articles(), indexedFirst, indexedSecond);
        new KnowledgeIndexer(scratch, embedder, new Chunker()).index(new LoadResult(articles, List.of()), IndexProgress.NONE);

        try (LuceneKnowledgeSearch twins = LuceneKnowledgeSearch.open(scratch, embedder)) {
            for (SearchMode mode : SearchMode.values()) {
                List<KnowledgeHit> hits = twins.search(KnowledgeQuery.ofText("I lost my umbrella, is there lost property?",
                        mode, 2));
                assertThat(hits).as(mode.id()).extracting(KnowledgeHit::chunkId).containsExactly("twin-a#0", "twin-b#0");
                if (mode != SearchMode.HYBRID) { // fusion adds up ranks, so hybrid scores of a tie differ
                    assertThat(hits.get(0).score()).as(mode.id()).isEqualTo(hits.get(1).score());
                }
            }
        }
    }

    @Test
    void everyHitCarriesArticleChunkTitleSectionTextAndMetadata() {
        Conversation conversation = agentFirst("Hobsons House has a double room free on Friday.", "Is there parking?");

        List<KnowledgeHit> hits = hybrid(conversation, 10);

        assertThat(hits).hasSize(10).allSatisfy(hit -> {
            assertThat(hit.articleId()).isNotBlank();
            assertThat(hit.chunkId()).startsWith(hit.articleId() + "#");
            assertThat(hit.title()).isNotBlank();
            assertThat(hit.text()).isNotBlank();
            assertThat(hit.snippet()).isNotBlank();
            assertThat(hit.url()).endsWith(hit.articleId());
            assertThat(hit.metadata()).containsKeys("domain", "tag", "locale");
        });
        KnowledgeHit parking = hits.getFirst();
        assertThat(parking.title()).isEqualTo("Hobsons House");
        assertThat(parking.section()).isEqualTo("Parking");
        assertThat(parking.text()).isEqualTo("Free parking is available for guests in the courtyard behind the house. "
                + "Spaces cannot be reserved in advance.");
        assertThat(parking.url()).isEqualTo("https://kb.example/hobsons-house");
        assertThat(parking.metadata()).containsExactlyInAnyOrderEntriesOf(Map.of("domain", "hotel",
                "entity", "Hobsons House", "type", "guesthouse", "tag", "hotel", "locale", "en"));
    }

    @Test
    void limitCapsTheNumberOfHits() {
        assertThat(search(SearchMode.HYBRID, "parking", 3, Map.of())).hasSize(3);
        assertThat(search(SearchMode.BM25, "parking", 1, Map.of())).hasSize(1);
    }

    @ParameterizedTest
    @EnumSource(SearchMode.class)
    void emptyConversationReturnsNothing(SearchMode mode) {
        assertThat(search.search(new KnowledgeQuery(new Conversation(List.of()), mode, 5, Map.of()))).isEmpty();
        assertThat(search.search(new KnowledgeQuery(new Conversation(List.of(Turn.customer("  "), Turn.agent(""))),
                mode, 5, Map.of()))).isEmpty();
    }

    @Test
    void restaurantOfTheConversationIsFoundEvenWithATypo() {
        Conversation conversation = customerFirst("When does the Goldn Wok close tonight?");

        assertThat(hybrid(conversation, 1)).extracting(KnowledgeHit::articleId, KnowledgeHit::section)
                .containsExactly(tuple(GOLDEN_WOK, "Opening hours"));
    }

    @Test
    void openingAMissingIndexTellsTheAdminToRunTheIndexer() {
        Path missing = scratch.resolve("no-index-here");

        assertThatThrownBy(() -> LuceneKnowledgeSearch.open(missing, embedder))
                .isInstanceOf(KnowledgeIndexUnavailableException.class)
                .hasMessageContaining(missing.toString())
                .hasMessageContaining("run `assist kb index`");
    }

    @Test
    void openingAnEmptyFolderTellsTheAdminToRunTheIndexer() throws IOException {
        Path empty = Files.createDirectories(scratch.resolve("empty"));

        assertThatThrownBy(() -> LuceneKnowledgeSearch.open(empty))
                .isInstanceOf(KnowledgeIndexUnavailableException.class)
                .hasMessageContaining("run `assist kb index`");
    }

    @Test
    void openingWithAnotherModelThanTheIndexWasBuiltWithIsRefused() {
        TextEmbedder bge = TextEmbedder.load(EmbeddingModelChoice.BGE_SMALL);

        assertThatThrownBy(() -> LuceneKnowledgeSearch.open(indexDir, bge))
                .isInstanceOf(KnowledgeIndexUnavailableException.class)
                .hasMessageContaining("was embedded with all-minilm-l6-v2-q, not bge-small-en-v1.5-q");
    }

    @org.junit.jupiter.api.Test
    void hybridHitsCarryTheirSimilarityToTheNewestCustomerTurnAndOtherModesDoNot() throws java.io.IOException {
        var hybrid = search.search(io.agentassist.core.knowledge.KnowledgeQuery.ofText(
                "Is there parking at Hobsons House?", io.agentassist.core.knowledge.SearchMode.HYBRID, 5));
        var bm25 = search.search(io.agentassist.core.knowledge.KnowledgeQuery.ofText(
                "Is there parking at Hobsons House?", io.agentassist.core.knowledge.SearchMode.BM25, 5));

        org.assertj.core.api.Assertions.assertThat(hybrid).isNotEmpty().allSatisfy(hit ->
                org.assertj.core.api.Assertions.assertThat(hit.similarity()).isBetween(-1.0, 1.0));
        org.assertj.core.api.Assertions.assertThat(hybrid.getFirst().similarity()).isGreaterThan(0.3);
        org.assertj.core.api.Assertions.assertThat(bm25).noneMatch(io.agentassist.core.knowledge.KnowledgeHit::hasSimilarity);
    }

    @Test
    void anArticleIsReadBackWholeWithItsPassagesInReadingOrder() {
        var article = search.article(REFUNDS).orElseThrow();

        assertThat(article.title()).isEqualTo("How refunds work");
        assertThat(article.passages()).extracting(p -> p.section(), p -> p.text().contains("photo"))
                .containsExactly(tuple("", false), tuple("Damaged items", true));
        assertThat(article.passages()).extracting(p -> p.chunkId()).doesNotHaveDuplicates();
    }

    @Test
    void anUnknownArticleIsEmptyRatherThanAnError() {
        assertThat(search.article("help/no-such-article")).isEmpty();
    }
}
