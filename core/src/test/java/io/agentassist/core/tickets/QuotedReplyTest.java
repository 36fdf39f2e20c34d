package io.agentassist.core.tickets;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class QuotedReplyTest {

    @Test
    void quotedLinesAndTheirAttributionAreRemoved() {
        assertThat(QuotedReply.strip("""
                Thanks, that worked!

                On Tue, 4 Mar 2025 at 10:00, Support <support@shop.example> wrote:
                > Please restart the app.
                >
                >> Older quote
                """)).isEqualTo("Thanks, that worked!");
    }

    @Test
    void anAttributionWrappedOverTwoLinesIsRemoved() {
        assertThat(QuotedReply.strip("""
                Here is the number: 0034.

                On Mon, 3 Mar 2025 at 11:02, Support Team <
                support@shop.example> wrote:

                > Can you send the tracking number?
                """)).isEqualTo("Here is the number: 0034.");
    }

    @Test
    void answersBetweenQuotedLinesAreKept() {
        assertThat(QuotedReply.strip("""
                On Tue, 4 Mar 2025, Support wrote:
                > What is your order number?
                48213
                > And your postcode?
                10115
                """)).isEqualTo("48213\n10115");
    }

    @Test
    void aSentenceThatOnlyLooksLikeAnAttributionIsKept() {
        String text = """
                On Monday I wrote:
                the parcel never came, and I still have no answer.""";

        assertThat(QuotedReply.strip(text)).isEqualTo(text);
    }

    @Test
    void germanFrenchAndSpanishAttributionsAreRecognised() {
        assertThat(QuotedReply.strip("Danke!\n\nAm 03.03.2025 um 11:02 schrieb Support <s@shop.example>:\n> Hallo"))
                .isEqualTo("Danke!");
        assertThat(QuotedReply.strip("Merci !\n\nLe lun. 3 mars 2025 à 11:02, Support <s@shop.example> a écrit :\n> Bonjour"))
                .isEqualTo("Merci !");
        assertThat(QuotedReply.strip("¡Gracias!\n\nEl lun, 3 mar 2025 a las 11:02, Support (<s@shop.example>) escribió:\n> Hola"))
                .isEqualTo("¡Gracias!");
    }

    @Test
    void everythingFromAnOutlookHeaderBlockOnIsRemoved() {
        assertThat(QuotedReply.strip("""
                Yes, please cancel it.

                Best, Tom

                From: Support <support@shop.example>
                Sent: Tuesday, March 4, 2025 10:00 AM
                To: Tom <tom@example.com>
                Subject: Your order

                Shall we cancel the order?
                """)).isEqualTo("Yes, please cancel it.\n\nBest, Tom");
        assertThat(QuotedReply.strip("Ok.\r\n-----Original Message-----\r\nFrom: x\r\nold text"))
                .isEqualTo("Ok.");
    }

    @Test
    void blankLinesAreTidiedButParagraphsStay() {
        assertThat(QuotedReply.strip("\n\n  First   \n\n\n\nSecond\n  \n")).isEqualTo("  First\n\nSecond");
    }
}
