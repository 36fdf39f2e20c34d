package io.agentassist.core.assist.guardrails;

import static io.agentassist.core.assist.guardrails.FlagAssertions.draftFlags;
import static org.assertj.core.api.Assertions.assertThat;

import io.agentassist.core.model.Flag;
import io.agentassist.core.model.FlagKind;
import org.junit.jupiter.api.Test;

class LinkCheckTest {

    @Test
    void anInventedLinkIsFlagged() {
        assertThat(draftFlags("Fill in https://lumen.example/refund-form to get started.", FlagKind.UNKNOWN_LINK))
                .singleElement().satisfies(flag -> {
                    assertThat(flag.blocking()).isTrue();
                    assertThat(flag.detail()).startsWith("The link “https://lumen.example/refund-form” comes from none of the passages");
                });
    }

    @Test
    void wwwLinksAreCheckedToo() {
        assertThat(draftFlags("See www.lumen-deals.example for offers.", FlagKind.UNKNOWN_LINK)).hasSize(1);
    }

    @Test
    void aPassagesAddressIsKnownWhateverTheSchemeSlashFragmentOrFullStop() {
        assertThat(draftFlags("See https://help.lumen.example/refunds. Or www.help.lumen.example/shipping/#costs, "
                + "or http://HELP.lumen.example/refunds/", FlagKind.UNKNOWN_LINK)).isEmpty();
    }

    @Test
    void aLinkWrittenInAPassagesTextIsKnown() {
        assertThat(draftFlags("Track your parcel at https://track.lumen.example/status [2].", FlagKind.UNKNOWN_LINK))
                .isEmpty();
    }

    @Test
    void theHomePageOfAKnownSiteIsKnownButAnotherPageIsNot() {
        assertThat(draftFlags("Visit https://help.lumen.example for more.", FlagKind.UNKNOWN_LINK)).isEmpty();
        assertThat(draftFlags("Visit https://help.lumen.example/warranty for more.", FlagKind.UNKNOWN_LINK)).hasSize(1);
    }

    @Test
    void aQueryThePassageDoesNotHaveMakesALinkUnknown() {
        assertThat(draftFlags("Log in at https://help.lumen.example/refunds?next=https://evil.example",
                FlagKind.UNKNOWN_LINK)).extracting(Flag::detail).isNotEmpty();
    }
}
