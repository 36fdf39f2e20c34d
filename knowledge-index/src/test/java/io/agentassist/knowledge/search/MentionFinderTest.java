package io.agentassist.knowledge.search;

import static org.assertj.core.api.Assertions.assertThat;

import io.agentassist.knowledge.index.KnowledgeAnalyzers;
import io.agentassist.knowledge.search.NameCatalog.Name;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class MentionFinderTest {
    /** A catalogue shaped like a small city guide: "house" and "hotel" are each part of six names. */
    static final List<String> NAMES = List.of(
            "hobsons house", "acorn guest house", "worth house", "autumn house", "archway house", "bridge guest house",
            "alexander guesthouse",
            "gonville hotel", "lensfield hotel", "riverside hotel", "castle hotel", "station hotel", "university arms hotel",
            "golden wok", "curry garden", "the place", "rosas b and b");
    /** Everyday words that also occur in plenty of passages about other things. */
    static final Set<String> COMMON = Set.of("place", "house", "hotel", "guest", "price", "worth", "garden");
    static final MentionFinder.Distinctiveness COMMON_WORDS_ARE_NOT_DISTINCTIVE = (word, name) -> !COMMON.contains(word);

    private final MentionFinder finder = new MentionFinder(NameCatalog.of(NAMES), COMMON_WORDS_ARE_NOT_DISTINCTIVE);

    private Set<String> mentioned(String text) {
        return mentioned(finder, text);
    }

    static Set<String> mentioned(MentionFinder finder, String text) {
        Set<String> keys = new TreeSet<>();
        for (Name name : finder.mentionedIn(KnowledgeAnalyzers.nameTokens(text))) {
            keys.add(name.key());
        }
        return keys;
    }

    @Test
    void fullNameIsFoundWhateverItsCaseAndPunctuation() {
        assertThat(mentioned("How far is HOBSONS HOUSE from the station?")).containsExactly("hobsons house");
        assertThat(mentioned("I'd like Rosa’s B&B, please.")).containsExactly("rosas b and b");
    }

    @Test
    void guesthouseWrittenAsOneWordMatchesGuestHouseInTheName() {
        assertThat(mentioned("Is the Acorn Guesthouse far from town?")).containsExactly("acorn guest house");
    }

    @Test
    void guestHouseWrittenAsTwoWordsMatchesGuesthouseInTheName() {
        assertThat(mentioned("I stayed at the Alexander guest house last year.")).containsExactly("alexander guesthouse");
    }

    @Test
    void smallTyposStillMatch() {
        assertThat(mentioned("Does Hobsns House have parking?")).containsExactly("hobsons house");
        assertThat(mentioned("Book the Accorn Guest House for me")).containsExactly("acorn guest house");
        assertThat(mentioned("Is the Lensfeild Hotel expensive?")).containsExactly("lensfield hotel");
    }

    @Test
    void aNameSpelledExactlyIsNotAlsoReadAsATypoOfAnotherName() {
        List<String> names = new ArrayList<>(NAMES);
        names.addAll(List.of("hilton hotel", "hinton hotel"));
        MentionFinder withNearTwins = new MentionFinder(NameCatalog.of(names), COMMON_WORDS_ARE_NOT_DISTINCTIVE);

        assertThat(mentioned(withNearTwins, "Is the Hilton Hotel nice?")).containsExactly("hilton hotel");
        assertThat(mentioned(withNearTwins, "What about the Hinton?")).containsExactly("hinton hotel");
        assertThat(mentioned(withNearTwins, "Is the Hiltn Hotel nice?")).as("a typo of only one of them")
                .containsExactly("hilton hotel");
    }

    @Test
    void oneDistinctiveWordOfANameIsEnough() {
        assertThat(mentioned("Do the Hobsons rooms have a bath?")).containsExactly("hobsons house");
        assertThat(mentioned("Is the Gonville expensive?")).containsExactly("gonville hotel");
    }

    @Test
    void commonWordsAloneDoNotNameAnything() {
        assertThat(mentioned("Is there a place to park nearby?")).isEmpty();
        assertThat(mentioned("Which house is closest to the river?")).isEmpty();
        assertThat(mentioned("What is the price per night?")).isEmpty();
        assertThat(mentioned("Is it worth the price?")).isEmpty();
        assertThat(mentioned("Is the hotel nice?")).isEmpty();
        assertThat(mentioned("Is there a garden?")).isEmpty();
    }

    @Test
    void aWordThatIsCommonOutsideItsNameCountsOnlyInTheFullName() {
        assertThat(mentioned("Is it worth it?")).isEmpty();
        assertThat(mentioned("Is Worth House worth it?")).containsExactly("worth house");
    }

    @Test
    void theSameWordCountsWhenItIsDistinctiveOfTheName() {
        MentionFinder everythingDistinctive = new MentionFinder(NameCatalog.of(NAMES), (word, name) -> true);

        assertThat(mentioned(everythingDistinctive, "Is it worth it?")).containsExactly("worth house");
    }

    @Test
    void twoNamesMentionedTogetherAreBothFound() {
        assertThat(mentioned("Which is nearer, the Gonville and the Lensfield?"))
                .containsExactly("gonville hotel", "lensfield hotel");
        assertThat(mentioned("Golden Wok or Curry Garden, which opens later?")).containsExactly("curry garden", "golden wok");
    }

    @Test
    void textNamingNothingMentionsNothing() {
        assertThat(mentioned("Hi, I need a cheap room for two nights in the north.")).isEmpty();
        assertThat(mentioned("")).isEmpty();
    }
}
