package io.agentassist.core.assist.guardrails;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SentencesTest {

    private static List<String> split(String text) {
        return Sentences.split(text).stream().map(Sentences.Sentence::text).toList();
    }

    @Test
    void aMarkerAfterTheFullStopBelongsToTheSentenceItCloses() {
        assertThat(split("Refunds take 5 days. [1] Shipping is free.[2] Thanks!"))
                .containsExactly("Refunds take 5 days. [1]", "Shipping is free.[2]", "Thanks!");
    }

    @Test
    void linesStandAloneAndAbbreviationsDecimalsAndLinksDoNotEndASentence() {
        assertThat(split("Hi Anna,\nIt costs $4.99, e.g. for a lamp. See www.lumen.example/help for more.\nBest,\nSam"))
                .containsExactly("Hi Anna,", "It costs $4.99, e.g. for a lamp.", "See www.lumen.example/help for more.",
                        "Best,", "Sam");
    }

    @Test
    void aLowerCaseWordAfterAFullStopContinuesTheSentence() {
        assertThat(split("Open Mon. to Fri. every week.")).containsExactly("Open Mon. to Fri. every week.");
    }
}
