package io.agentassist.knowledge.search;

import static io.agentassist.knowledge.fixtures.FixtureKnowledge.agentFirst;
import static io.agentassist.knowledge.fixtures.FixtureKnowledge.customerFirst;
import static org.assertj.core.api.Assertions.assertThat;

import io.agentassist.core.conversation.Conversation;
import io.agentassist.knowledge.fixtures.FixtureKnowledge;
import io.agentassist.knowledge.index.TextEmbedder;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConversationFocusTest {
    private final ConversationFocus focus = new ConversationFocus(new MentionFinder(
            NameCatalog.of(MentionFinderTest.NAMES), MentionFinderTest.COMMON_WORDS_ARE_NOT_DISTINCTIVE));

    @Test
    void questionNamingNothingIsAboutTheHotelTheAgentJustNamed() {
        Conversation conversation = customerFirst(
                "I need a guesthouse in the west for Friday.",
                "Hobsons House has a double room free on Friday.",
                "Are their bathrooms clean?");

        assertThat(focus.of(conversation)).containsExactly("hobsons house");
    }

    @Test
    void theMostRecentMentionWins() {
        Conversation conversation = customerFirst(
                "Is Hobsons House near the river?",
                "It is. The Acorn Guest House is a little closer, though.",
                "Do they allow dogs?");

        assertThat(focus.of(conversation)).containsExactly("acorn guest house");
    }

    @Test
    void theCustomersNewMentionReplacesTheAgentsEarlierOne() {
        Conversation conversation = agentFirst(
                "I can offer the Gonville Hotel or the Lensfield Hotel.",
                "What about Worth House instead, is there parking?");

        assertThat(focus.of(conversation)).containsExactly("worth house");
    }

    @Test
    void twoPlacesNamedTogetherAreBothTheFocus() {
        Conversation conversation = customerFirst(
                "I'm choosing between the Gonville and the Lensfield.",
                "Both have rooms on those dates.",
                "Which one has a gym?");

        assertThat(focus.of(conversation)).containsExactly("gonville hotel", "lensfield hotel");
    }

    @Test
    void aTypoInTheNameStillSetsTheFocus() {
        assertThat(focus.of(Conversation.ofCustomerText("Does the Hobsns House serve breakfast?")))
                .containsExactly("hobsons house");
    }

    @Test
    void conversationNamingNothingHasNoFocus() {
        assertThat(focus.of(customerFirst(
                "Hi, I need a cheap place to stay for two nights.",
                "Which area would you like?",
                "Somewhere worth the price, near a nice house with a garden."))).isEmpty();
        assertThat(focus.of(new Conversation(List.of()))).isEmpty();
    }

    /** The same rules with the names and word frequencies read from a real index of the fixture. */
    @Nested
    class OverARealIndex {
        @TempDir
        Path indexDir;

        private ConversationFocus focusOverIndex(DirectoryReader reader) throws IOException {
            IndexSearcher searcher = new IndexSearcher(reader);
            return new ConversationFocus(new MentionFinder(NameCatalog.load(reader), new IndexDistinctiveness(searcher)));
        }

        @Test
        void namesComeFromTheIndexAndWordsCommonInOtherPassagesDoNotTrigger() throws IOException {
            TextEmbedder embedder = FixtureKnowledge.embedder();
            FixtureKnowledge.indexInto(indexDir, embedder);
            try (Directory directory = FSDirectory.open(indexDir); DirectoryReader reader = DirectoryReader.open(directory)) {
                ConversationFocus real = focusOverIndex(reader);

                assertThat(real.of(customerFirst("Which guesthouse do you recommend?",
                        "Hobsons House is lovely.", "Are their bathrooms clean?"))).containsExactly("hobsons house");
                assertThat(real.of(Conversation.ofCustomerText("Do the Hobsons rooms have a bath?")))
                        .containsExactly("hobsons house");
                // "worth" is in reviews of five other places: alone, it names nothing
                assertThat(real.of(Conversation.ofCustomerText("Is it worth it?"))).isEmpty();
                assertThat(real.of(Conversation.ofCustomerText("Is Worth House worth it?"))).containsExactly("worth house");
                assertThat(real.of(Conversation.ofCustomerText("Compare the Gonville and the Lensfield for me")))
                        .containsExactly("gonville hotel", "lensfield hotel");
            }
        }
    }
}
