package io.agentassist.core.assist.offline;

import static org.assertj.core.api.Assertions.assertThat;

import io.agentassist.core.model.CaseSummary;
import io.agentassist.core.model.Customer;
import io.agentassist.core.model.Ticket;
import io.agentassist.core.testsupport.SharedDatasets;
import io.agentassist.core.testsupport.PinnedFigures;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * How close the offline case summary comes to human summaries of real dialogues (DialogSum, development
 * split, 500 dialogues), in ROUGE-1/2/L F1, next to the LEAD-3 baseline. The figures are checked in to four
 * decimals ({@code regression/offline-summary-rouge-dev.json}) and the test fails when they move in
 * either direction: an improvement is welcome but must be recorded in the same commit.
 *
 * <p>What is scored as "ours" is the text of the summary an agent reads, without its labels: the intent,
 * what happened, what was tried or promised and the open questions, in that order (a sentence that is both
 * intent and open question once). The next step is left out: it is our rule-based advice, not a summary of
 * the conversation, and would only be penalised for wording no reference uses. The customer is named as the
 * ticket names them, "#Person1#" (see {@link DialogSum} for the speaker mapping); our side has no name in a
 * ticket, so "#Person2#" can only appear in what a speaker said. How much the name is worth is reported too:
 * the same summaries of a customer with no name, whom they call "the customer".
 *
 * <p>LEAD-3 is the first three utterances as they stand in the file, speaker tags included, as the usual
 * baseline is computed; without the tags (also reported) it loses the "person1"/"person2" tokens the
 * references use. Published LEAD-3 on the test split is about 21/7/17; extractive summaries of dialogues
 * score modestly, because human references retell in the third person ("#Person2# has trouble breathing")
 * what the speakers said in the first.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DialogSumSummaryRegressionTest {
    private static final String EXPECTED = "/regression/offline-summary-rouge-dev.json";

    private final ExtractiveSummarizer summarizer = new ExtractiveSummarizer();
    private final Map<String, Rouge.Scores> results = new LinkedHashMap<>();
    private int dialogues;

    @BeforeAll
    void summariseAndScore() {
        List<DialogSum.Dialogue> dev = DialogSum.read(SharedDatasets.require("dialogsum").resolve("dev.jsonl"));
        dialogues = dev.size();
        results.put("offline-summary", mean(dev, d -> caseText(summarizer.summarize(d.toTicket()))));
        results.put("offline-summary-customer-unnamed", mean(dev, d -> caseText(summarizer.summarize(unnamed(d)))));
        results.put("lead3", mean(dev, DialogSum.Dialogue::lead3));
        results.put("lead3-without-speaker-tags", mean(dev, d -> String.join("\n",
                d.turns().subList(0, Math.min(3, d.turns().size())).stream().map(DialogSum.Turn::text).toList())));
        System.out.println("DialogSum dev (" + dialogues + " dialogues), ROUGE F1:");
        results.forEach((name, s) -> System.out.printf(Locale.ROOT, "  %-33s R-1 %.4f  R-2 %.4f  R-L %.4f%n",
                name, s.rouge1(), s.rouge2(), s.rougeL()));
    }

    @Test
    void scoresMatchTheCheckedInNumbersInBothDirections() throws IOException {
        PinnedFigures pinned = PinnedFigures.read(getClass(), EXPECTED);
        assertThat(dialogues).isEqualTo(pinned.root().path("dialogues").asInt());
        results.forEach((name, scores) -> pinned
                .figure(scores.rouge1(), "results", name, "rouge1")
                .figure(scores.rouge2(), "results", name, "rouge2")
                .figure(scores.rougeL(), "results", name, "rougeL"));
        pinned.assertNoneMoved("ROUGE");
    }

    @Test
    void everyDialogueGetsAnIntent() {
        List<DialogSum.Dialogue> dev = DialogSum.read(SharedDatasets.require("dialogsum").resolve("dev.jsonl"));

        assertThat(dev).allSatisfy(d -> assertThat(summarizer.summarize(d.toTicket()).intent()).isNotBlank());
    }

    /** The dialogue's ticket with a customer of unknown name, whom the summary calls "the customer". */
    private static Ticket unnamed(DialogSum.Dialogue dialogue) {
        Ticket ticket = dialogue.toTicket();
        return new Ticket(ticket.id(), ticket.subject(), ticket.channel(), new Customer("", "", "en"),
                ticket.status(), ticket.messages());
    }

    /** The summary's own sentences as one text, each sentence once. */
    static String caseText(CaseSummary summary) {
        Set<String> sentences = new LinkedHashSet<>();
        sentences.add(summary.intent());
        sentences.add(summary.whatHappened());
        sentences.addAll(summary.triedOrPromised());
        sentences.addAll(summary.openQuestions());
        sentences.removeIf(String::isBlank);
        return String.join(" ", sentences);
    }

    private static Rouge.Scores mean(List<DialogSum.Dialogue> dialogues, Function<DialogSum.Dialogue, String> summary) {
        double r1 = 0;
        double r2 = 0;
        double rl = 0;
        for (DialogSum.Dialogue d : dialogues) {
            Rouge.Scores s = Rouge.score(summary.apply(d), d.summary());
            r1 += s.rouge1();
            r2 += s.rouge2();
            rl += s.rougeL();
        }
        int n = dialogues.size();
        return new Rouge.Scores(r1 / n, r2 / n, rl / n);
    }

}
