package io.agentassist.core.assist.guardrails;

import static io.agentassist.core.assist.guardrails.FlagAssertions.draftFlags;
import static org.assertj.core.api.Assertions.assertThat;

import io.agentassist.core.model.Flag;
import io.agentassist.core.model.FlagKind;
import org.junit.jupiter.api.Test;

class PlaceholderCheckTest {

    @Test
    void templateSlotsOfEveryCommonShapeAreFlagged() {
        String draft = """
                Dear [Customer Name],
                Your order {{order_id}} ships on XX/XX/XXXX from ${warehouse} via {carrier}.
                Please quote %CASE_REF% and TBD when you reply.
                Signature: ____
                <AGENT NAME>""";

        assertThat(draftFlags(draft, FlagKind.PLACEHOLDER)).extracting(Flag::detail)
                .anySatisfy(d -> assertThat(d).startsWith("Unfilled placeholder “[Customer Name]”"))
                .anySatisfy(d -> assertThat(d).startsWith("Unfilled placeholder “{{order_id}}”"))
                .anySatisfy(d -> assertThat(d).startsWith("Unfilled placeholder “XX/XX/XXXX”"))
                .anySatisfy(d -> assertThat(d).startsWith("Unfilled placeholder “${warehouse}”"))
                .anySatisfy(d -> assertThat(d).startsWith("Unfilled placeholder “{carrier}”"))
                .anySatisfy(d -> assertThat(d).startsWith("Unfilled placeholder “%CASE_REF%”"))
                .anySatisfy(d -> assertThat(d).startsWith("Unfilled placeholder “TBD”"))
                .anySatisfy(d -> assertThat(d).startsWith("Unfilled placeholder “____”"))
                .anySatisfy(d -> assertThat(d).startsWith("Unfilled placeholder “<AGENT NAME>”"))
                .allSatisfy(d -> assertThat(d).endsWith("replace it with the real value or remove it before sending."));
    }

    @Test
    void aRedactionPlaceholderThatWasNotRestoredIsFlagged() {
        assertThat(draftFlags("We will write to you at [EMAIL_2].", FlagKind.PLACEHOLDER)).singleElement()
                .extracting(Flag::detail).asString().contains("“[EMAIL_2]”");
    }

    @Test
    void xxxAloneIsAPlaceholder() {
        assertThat(draftFlags("Your tracking number is XXX.", FlagKind.PLACEHOLDER)).hasSize(1);
    }

    @Test
    void markersLinkTextsEditorialBracketsAndHtmlAreNot() {
        assertThat(draftFlags("Returns are free [1][2]. See [our returns page](https://help.lumen.example/refunds). "
                + "He said \"it broke [sic]\" and [...] <b>thanks</b>.<br>", FlagKind.PLACEHOLDER)).isEmpty();
    }

    @Test
    void anOrdinaryReplyHasNoPlaceholders() {
        assertThat(draftFlags("Hi Anna,\nThanks for your message. Orders over $50 ship free [2].\nBest,\nSam",
                FlagKind.PLACEHOLDER)).isEmpty();
    }
}
