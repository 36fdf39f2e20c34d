package io.agentassist.core.assist.guardrails;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PiiRedactorTest {

    private static final String VISA = "4111 1111 1111 1111";
    private static final String AMEX = "3782-822463-10005";
    private static final String IBAN_DE = "DE89 3704 0044 0532 0130 00";
    private static final String IBAN_GB = "GB82WEST12345698765432";

    /** The value and its digits (or letters and digits) in one piece: neither may be left in a redacted text. */
    private static void assertGone(String redacted, String value) {
        assertThat(redacted).doesNotContain(value);
        String compact = value.replaceAll("[^A-Za-z0-9@.]", "");
        assertThat(redacted.replaceAll("[^A-Za-z0-9@.]", "")).doesNotContain(compact);
    }

    @Test
    void realValuesNeverSurviveRedactionAndAreRestored() {
        String text = "Card " + VISA + " or Amex " + AMEX + ", IBAN " + IBAN_DE + " and " + IBAN_GB + ". Mail me at "
                + "anna.berg+shop@example.co.uk or call +44 20 7946 0958. SSN 123-45-6789, NI AB 12 34 56 C, DNI 12345678Z.";
        PiiRedactor redactor = new PiiRedactor();

        Redaction redaction = redactor.redact(text);

        for (String value : List.of(VISA, AMEX, IBAN_DE, IBAN_GB, "anna.berg+shop@example.co.uk", "+44 20 7946 0958",
                "123-45-6789", "AB 12 34 56 C", "12345678Z")) {
            assertGone(redaction.text(), value);
        }
        assertThat(redaction.text()).isEqualTo("Card [CARD_1] or Amex [CARD_2], IBAN [IBAN_1] and [IBAN_2]. Mail me at "
                + "[EMAIL_1] or call [PHONE_1]. SSN [SSN_1], NI [NI_NUMBER_1], DNI [NATIONAL_ID_1].");
        assertThat(redaction.restore(redaction.text())).isEqualTo(text);
    }

    @Test
    void aCardsSecurityCodeAndExpiryGoWithItWhenTheTextNamesThem() {
        String text = "New card " + VISA + ", exp 09/29, CVV 123. Expiry date: 11 / 2031, security code is 4821.";

        Redaction redaction = new PiiRedactor().redact(text);

        assertThat(redaction.text()).doesNotContain("09/29", "123", "11 / 2031", "4821")
                .contains("exp [CARD_DETAIL_1]", "CVV [CARD_DETAIL_2]", "security code is [CARD_DETAIL_4]");
        assertThat(new PiiRedactor().redact("Order 123 arrived on 09/29 with 4821 items.").text())
                .as("numbers nobody calls a security code or expiry stay")
                .isEqualTo("Order 123 arrived on 09/29 with 4821 items.");
    }

    @Test
    void theModelsAnswerGetsTheRealValuesBack() {
        Redaction redaction = new PiiRedactor().redact("Please refund to " + IBAN_DE + " and confirm to anna@example.com.");

        String answer = "Hi Anna, we will pay [IBAN_1] and confirm to [EMAIL_1]. Your card [CARD_9] is not affected.";

        assertThat(redaction.restore(answer)).isEqualTo("Hi Anna, we will pay " + IBAN_DE + " and confirm to "
                + "anna@example.com. Your card [CARD_9] is not affected.");
    }

    @Test
    void placeholdersTheModelReshapedAreRestoredToo() {
        Redaction redaction = new PiiRedactor().redact("Write to anna@example.com");

        assertThat(redaction.restore("Sent to [email_1] and [ EMAIL 1 ].")).isEqualTo("Sent to anna@example.com and anna@example.com.");
    }

    @Test
    void theSameValueGetsTheSamePlaceholderAcrossTheTicket() {
        PiiRedactor redactor = new PiiRedactor();

        List<Redaction> redactions = redactor.redactAll(List.of(
                "My card 4111 1111 1111 1111 was charged twice. Mail Anna@Example.com",
                "Again: card 4111-1111-1111-1111, and my other card 5555 5555 5555 4444. anna@example.com",
                "Call me on 07700 900123"));

        assertThat(redactions).extracting(Redaction::text).containsExactly(
                "My card [CARD_1] was charged twice. Mail [EMAIL_1]",
                "Again: card [CARD_1], and my other card [CARD_2]. [EMAIL_1]",
                "Call me on [PHONE_1]");
        assertThat(redactions.getFirst().restore("Your card [CARD_2] and [PHONE_1]"))
                .as("a placeholder from another message of the ticket is restored as well")
                .isEqualTo("Your card 5555 5555 5555 4444 and 07700 900123");
        assertThat(redactor.vault().size()).isEqualTo(4);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "4111 1111 1111 1112",        // fails the Luhn check: an order number, not a card
            "1234567890123",              // 13 digits, not Luhn-valid
            "DE89 3704 0044 0532 0130 01", // wrong IBAN checksum
            "123456789",                  // bare order id
            "2024-03-05",                 // ISO date
            "05/03/2024",                 // numeric date
            "$1,299.00",                  // price
            "10:30",                      // time
            "1Z999AA10123456784",         // UPS tracking number
            "12345678A",                  // DNI with the wrong check letter
            "000-12-3456",                // not a valid SSN
            "0162424965446",              // airline ticket number: too long for a national phone number
            "PN 320008A",                 // a part number, not spaced like an NI number
            "1-2990176298"                // a claim reference
    })
    void whatOnlyLooksLikePersonalDataStays(String notPii) {
        Redaction redaction = new PiiRedactor().redact("Reference: " + notPii + ".");

        assertThat(redaction.text()).isEqualTo("Reference: " + notPii + ".");
        assertThat(redaction.replacements()).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "+1 (415) 555-2671           | PHONE",
            "+491701234567               | PHONE",
            "(555) 123-4567              | PHONE",
            "555-123-4567                | PHONE",
            "1-800-555-0100              | PHONE",
            "020 7946 0958               | PHONE",
            "030/1234567                 | PHONE",
            "5500 0000 0000 0004         | CARD",
            "4111111111111111            | CARD",
            "fr14 2004 1010 0505 0001 3m02 606 | IBAN",
            "NL91ABNA0417164300          | IBAN",
            "ab123456c                   | NI_NUMBER",
            "X1234567L                   | NATIONAL_ID"
    })
    void eachKindIsRecognisedInItsCommonFormats(String value, PiiKind kind) {
        Redaction redaction = new PiiRedactor().redact("It is " + value + " thanks");

        assertThat(redaction.replacements()).singleElement().extracting(Redaction.Replacement::kind).isEqualTo(kind);
        assertGone(redaction.text(), value);
    }

    @Test
    void aBareNumberIsAPhoneNumberOnlyWhenTheTextSaysSo() {
        assertThat(new PiiRedactor().redact("Order 5551234567 is late").text()).isEqualTo("Order 5551234567 is late");
        assertThat(new PiiRedactor().redact("Please call me on 5551234567 today").text())
                .isEqualTo("Please call me on [PHONE_1] today");
    }

    @Test
    void anIbanFollowedByMoreTextEndsWhereTheChecksumHolds() {
        Redaction redaction = new PiiRedactor().redact("IBAN DE89 3704 0044 0532 0130 00 1234 please");

        assertThat(redaction.text()).isEqualTo("IBAN [IBAN_1] 1234 please");
    }

    @Test
    void textWithoutPersonalDataIsUnchanged() {
        String text = "My lamp (order 88231) arrived broken on 2 March; it cost $49.99.";

        Redaction redaction = new PiiRedactor().redact(text);

        assertThat(redaction.text()).isEqualTo(text);
        assertThat(redaction.restore("Nothing to restore [1].")).isEqualTo("Nothing to restore [1].");
    }

    @Test
    void theVaultNeverPrintsItsValues() {
        PiiRedactor redactor = new PiiRedactor();
        Redaction redaction = redactor.redact("anna@example.com");

        assertThat(redactor.vault().toString()).doesNotContain("anna");
        assertThat(redaction.toString()).doesNotContain("anna");
    }

    @Test
    void checksumsAreTheStandardOnes() {
        assertThat(PiiRedactor.luhn("4111111111111111")).isTrue();
        assertThat(PiiRedactor.luhn("4111111111111112")).isFalse();
        assertThat(PiiRedactor.ibanValid("GB82WEST12345698765432")).isTrue();
        assertThat(PiiRedactor.ibanValid("GB82WEST12345698765431")).isFalse();
    }
}
