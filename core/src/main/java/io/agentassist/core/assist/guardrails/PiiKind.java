package io.agentassist.core.assist.guardrails;

/** The kinds of personal data {@link PiiRedactor} replaces, each with the word its placeholders use. */
public enum PiiKind {
    /** Payment card number, 13 to 19 digits passing the Luhn check: {@code [CARD_1]}. */
    CARD("CARD"),
    /** A card's security code (CVV/CVC) or expiry date, named as such in the text. */
    CARD_DETAIL("CARD_DETAIL"),
    /** International bank account number passing the mod-97 check: {@code [IBAN_1]}. */
    IBAN("IBAN"),
    /** E-mail address: {@code [EMAIL_1]}. */
    EMAIL("EMAIL"),
    /** Telephone number, international or national format: {@code [PHONE_1]}. */
    PHONE("PHONE"),
    /** US Social Security number, ddd-dd-dddd: {@code [SSN_1]}. */
    SSN("SSN"),
    /** UK National Insurance number, e.g. QQ 12 34 56 C: {@code [NI_NUMBER_1]}. */
    NI_NUMBER("NI_NUMBER"),
    /** Spanish DNI or NIE with its check letter, e.g. 12345678Z: {@code [NATIONAL_ID_1]}. */
    NATIONAL_ID("NATIONAL_ID");

    private final String tag;

    PiiKind(String tag) {
        this.tag = tag;
    }

    /** The word in this kind's placeholders, e.g. "EMAIL" in {@code [EMAIL_1]}. */
    public String tag() {
        return tag;
    }
}
