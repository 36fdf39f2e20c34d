package io.agentassist.core.assist.guardrails;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Replaces personal data in ticket text with stable placeholders before it goes into a prompt, and puts it
 * back into the model's answer: card numbers ({@code [CARD_1]}) with their security codes and expiry dates
 * when the text names them as such, IBANs, e-mail addresses, phone numbers,
 * US Social Security numbers, UK National Insurance numbers and Spanish DNI/NIE numbers. The model does not
 * need the real values to write a good reply, and whatever it never sees it cannot leak, log or repeat to
 * the wrong person.
 *
 * <p>Numbers that carry a checksum are only taken when the checksum holds (Luhn for cards, mod 97 for
 * IBANs, the check letter for DNI/NIE), so an order number or a tracking code stays readable for the model.
 * Phone numbers are recognised by their shape (a leading {@code +}, a national trunk {@code 0}, US
 * {@code (555) 123-4567}), or as a bare run of 10 to 12 digits right after a word such as "call" or
 * "phone"; dates, prices, times and bare order numbers are not phone numbers.
 *
 * <p>One redactor shares one {@link PiiVault}: redact all texts of a ticket with the same redactor (or
 * {@link #redactAll(List)}) and the same value gets the same placeholder everywhere.
 */
public final class PiiRedactor {

    private static final Pattern EMAIL = Pattern.compile(
            "(?<![\\w.+-])[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}(?![\\w-])");
    private static final Pattern IBAN_START = Pattern.compile("(?<![A-Za-z0-9])[A-Za-z]{2}\\d{2}(?=[ -]?[A-Za-z0-9])");
    private static final List<Pattern> CARD = List.of(
            Pattern.compile("(?<![\\d-])\\d{4}([ -])\\d{4}\\1\\d{4}\\1\\d{4}(?:\\1\\d{1,3})?(?![\\d])"),
            Pattern.compile("(?<![\\d-])\\d{4}([ -])\\d{6}\\1\\d{4,5}(?![\\d])"),
            Pattern.compile("(?<![\\d-])\\d{13,19}(?![\\d])"));
    /** The value after a word that names it: a security code, or an expiry date (group 1 is the value). */
    private static final List<Pattern> CARD_DETAILS = List.of(
            Pattern.compile("(?i)\\b(?:cvv2?|cvc2?|cid|csc|security code|card verification (?:code|value))\\b"
                    + "\\W{0,3}(?:is\\W{1,2})?(\\d{3,4})(?!\\d)"),
            Pattern.compile("(?i)\\b(?:exp(?:iry|ires|iration)?(?: date)?|valid (?:thru|through|until))\\b"
                    + "\\W{0,3}(?:is\\W{1,2}|on\\W{1,2})?((?:0?[1-9]|1[0-2]) ?[/-] ?(?:\\d{4}|\\d{2}))(?![\\d/-])"));
    private static final Pattern SSN = Pattern.compile(
            "(?<![\\d-])(?!000|666|9\\d\\d)\\d{3}-(?!00)\\d{2}-(?!0000)\\d{4}(?![\\d-])");
    private static final String NI_PREFIX = "(?!BG|GB|KN|NK|NT|TN|ZZ)[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z]";
    private static final Pattern NI_NUMBER = Pattern.compile(
            "(?<![A-Za-z0-9])" + NI_PREFIX + " \\d{2} \\d{2} \\d{2} [A-D](?![A-Za-z0-9])|"
                    + "(?<![A-Za-z0-9])(?i:" + NI_PREFIX + "\\d{6}[A-D])(?![A-Za-z0-9])");
    private static final Pattern DNI = Pattern.compile("(?<![A-Za-z0-9])([XYZxyz]\\d{7}|"
            + "\\d{8})-?([A-Za-z])(?![A-Za-z0-9])");
    private static final String DNI_LETTERS = "TRWAGMYFPDXBNJZSQVHLCKE";
    private static final List<Pattern> PHONE = List.of(
            // international: +44 20 7946 0958, +1 (415) 555-2671, +491701234567
            Pattern.compile("(?<![\\w+])\\+\\d{1,3}(?:[ .-]?\\(?\\d{1,4}\\)?){2,6}(?![\\w])"),
            // North American: (555) 123-4567, 555-123-4567, 1-800-555-0100
            Pattern.compile("(?<![\\w-])(?:1[ .-])?(?:\\(\\d{3}\\)[ .-]?|\\d{3}[ .-])\\d{3}[ .-]\\d{4}(?![\\w-])"),
            // national with trunk 0: 07700 900123, 020 7946 0958, 030/1234567, 0170-1234567
            Pattern.compile("(?<![\\w-])0\\d{2,4}(?:[ /.-]?\\d{2,8}){1,3}(?![\\w-])"));
    private static final Pattern BARE_DIGITS = Pattern.compile("(?<![\\w-])\\d{10,12}(?![\\w-])");
    private static final Pattern PHONE_CONTEXT = Pattern.compile(
            "\\b(?:phone|call|calling|tel|telephone|mobile|cell|cellphone|text me|whatsapp|reach me|contact me|"
                    + "number is|ring me|landline)\\b[^\\n\\d]{0,20}$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern DATE_LIKE = Pattern.compile("\\d{1,4}[./-]\\d{1,2}[./-]\\d{1,4}");

    /** Known IBAN lengths; a country not listed may have any length from 15 to 34. */
    private static final Map<String, Integer> IBAN_LENGTHS = Map.ofEntries(
            Map.entry("AD", 24), Map.entry("AT", 20), Map.entry("BE", 16), Map.entry("BG", 22), Map.entry("CH", 21),
            Map.entry("CY", 28), Map.entry("CZ", 24), Map.entry("DE", 22), Map.entry("DK", 18), Map.entry("EE", 20),
            Map.entry("ES", 24), Map.entry("FI", 18), Map.entry("FR", 27), Map.entry("GB", 22), Map.entry("GR", 27),
            Map.entry("HR", 21), Map.entry("HU", 28), Map.entry("IE", 22), Map.entry("IS", 26), Map.entry("IT", 27),
            Map.entry("LI", 21), Map.entry("LT", 20), Map.entry("LU", 20), Map.entry("LV", 21), Map.entry("MC", 27),
            Map.entry("MT", 31), Map.entry("NL", 18), Map.entry("NO", 15), Map.entry("PL", 28), Map.entry("PT", 25),
            Map.entry("RO", 24), Map.entry("SE", 24), Map.entry("SI", 19), Map.entry("SK", 24), Map.entry("SM", 27),
            Map.entry("TR", 26), Map.entry("UA", 29));

    private final PiiVault vault;

    /** A redactor with a fresh vault: use one per ticket. */
    public PiiRedactor() {
        this(new PiiVault());
    }

    public PiiRedactor(PiiVault vault) {
        this.vault = Objects.requireNonNull(vault, "vault");
    }

    public PiiVault vault() {
        return vault;
    }

    /** The text with its personal data replaced; the same value always gets the same placeholder. */
    public Redaction redact(String text) {
        String source = text == null ? "" : text;
        List<Span> spans = new ArrayList<>();
        find(source, EMAIL, PiiKind.EMAIL, spans);
        findIbans(source, spans);
        for (Pattern card : CARD) {
            Matcher m = card.matcher(source);
            while (m.find()) {
                if (luhn(m.group().replaceAll("\\D", ""))) {
                    claim(spans, new Span(PiiKind.CARD, m.start(), m.end()));
                }
            }
        }
        for (Pattern detail : CARD_DETAILS) {
            Matcher m = detail.matcher(source);
            while (m.find()) {
                claim(spans, new Span(PiiKind.CARD_DETAIL, m.start(1), m.end(1)));
            }
        }
        find(source, SSN, PiiKind.SSN, spans);
        find(source, NI_NUMBER, PiiKind.NI_NUMBER, spans);
        Matcher dni = DNI.matcher(source);
        while (dni.find()) {
            if (dniValid(dni.group(1), dni.group(2))) {
                claim(spans, new Span(PiiKind.NATIONAL_ID, dni.start(), dni.end()));
            }
        }
        for (Pattern phone : PHONE) {
            Matcher m = phone.matcher(source);
            while (m.find()) {
                if (looksLikePhone(m.group())) {
                    claim(spans, new Span(PiiKind.PHONE, m.start(), m.end()));
                }
            }
        }
        Matcher bare = BARE_DIGITS.matcher(source);
        while (bare.find()) {
            if (PHONE_CONTEXT.matcher(source.substring(Math.max(0, bare.start() - 40), bare.start())).find()) {
                claim(spans, new Span(PiiKind.PHONE, bare.start(), bare.end()));
            }
        }
        spans.removeIf(span -> span.kind() == null);
        spans.sort(Comparator.comparingInt(Span::start));
        StringBuilder out = new StringBuilder();
        List<Redaction.Replacement> replacements = new ArrayList<>();
        int at = 0;
        for (Span span : spans) {
            String value = source.substring(span.start(), span.end());
            String placeholder = vault.placeholderFor(span.kind(), value);
            out.append(source, at, span.start()).append(placeholder);
            replacements.add(new Redaction.Replacement(span.kind(), span.start(), span.end(), placeholder));
            at = span.end();
        }
        out.append(source, at, source.length());
        return new Redaction(out.toString(), replacements, vault);
    }

    /** Every text redacted with this redactor's vault, so placeholders agree across them. */
    public List<Redaction> redactAll(List<String> texts) {
        List<Redaction> redactions = new ArrayList<>();
        for (String text : texts) {
            redactions.add(redact(text));
        }
        return List.copyOf(redactions);
    }

    /** A finding; a span without a kind is text that must stay as it is, such as an IBAN with a bad checksum. */
    private record Span(PiiKind kind, int start, int end) {
    }

    private static void find(String text, Pattern pattern, PiiKind kind, List<Span> spans) {
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            claim(spans, new Span(kind, m.start(), m.end()));
        }
    }

    /** Adds the span unless an earlier, more certain finding already covers part of it. */
    private static void claim(List<Span> spans, Span span) {
        for (Span taken : spans) {
            if (span.start() < taken.end() && taken.start() < span.end()) {
                return;
            }
        }
        spans.add(span);
    }

    /**
     * IBANs are written in one piece or in groups of four ("DE89 3704 0044 0532 0130 00"), and a sentence may
     * go on right after one, so the groups are read while they are four characters long, and each start is
     * tried at the country's length (or every plausible length) until the checksum holds. An IBAN-shaped
     * text whose checksum fails is left whole, so no part of it is mistaken for a card or a phone number.
     */
    private static void findIbans(String text, List<Span> spans) {
        Matcher start = IBAN_START.matcher(text);
        while (start.find()) {
            List<Integer> positions = new ArrayList<>();
            StringBuilder compact = new StringBuilder();
            int i = start.start();
            int groupLength = 0;
            boolean firstGroup = true;
            while (i < text.length() && compact.length() < 34) {
                char c = text.charAt(i);
                if (c < 128 && Character.isLetterOrDigit(c)) {
                    compact.append(Character.toUpperCase(c));
                    positions.add(i);
                    groupLength++;
                    i++;
                } else if ((c == ' ' || c == '-') && groupLength == 4 && i + 1 < text.length()
                        && text.charAt(i + 1) < 128 && Character.isLetterOrDigit(text.charAt(i + 1))) {
                    groupLength = 0; // only after a group of exactly four does the IBAN go on
                    firstGroup = false;
                    i++;
                } else {
                    break;
                }
            }
            if (firstGroup && compact.length() < 15) {
                continue;
            }
            Integer known = IBAN_LENGTHS.get(compact.substring(0, 2));
            int min = known != null ? known : 15;
            int max = known != null ? known : 34;
            boolean found = false;
            for (int length = Math.min(max, compact.length()); length >= min && !found; length--) {
                int end = positions.get(length - 1) + 1;
                boolean boundary = end >= text.length() || !Character.isLetterOrDigit(text.charAt(end));
                if (boundary && ibanValid(compact.substring(0, length))) {
                    claim(spans, new Span(PiiKind.IBAN, start.start(), end));
                    found = true;
                }
            }
            if (!found && compact.length() >= 15) {
                claim(spans, new Span(null, start.start(), positions.getLast() + 1));
            }
        }
    }

    static boolean ibanValid(String iban) {
        if (iban.length() < 15 || iban.length() > 34 || !iban.matches("[A-Z]{2}\\d{2}[A-Z0-9]+")) {
            return false;
        }
        String rearranged = iban.substring(4) + iban.substring(0, 4);
        StringBuilder digits = new StringBuilder();
        for (char c : rearranged.toCharArray()) {
            digits.append(Character.isDigit(c) ? String.valueOf(c) : String.valueOf(c - 'A' + 10));
        }
        return new BigInteger(digits.toString()).mod(BigInteger.valueOf(97)).intValue() == 1;
    }

    static boolean luhn(String digits) {
        if (digits.length() < 13 || digits.length() > 19 || digits.chars().allMatch(c -> c == '0')) {
            return false;
        }
        int sum = 0;
        boolean doubled = false;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int d = digits.charAt(i) - '0';
            if (doubled) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            doubled = !doubled;
        }
        return sum % 10 == 0;
    }

    private static boolean dniValid(String number, String letter) {
        String n = number.toUpperCase(Locale.ROOT);
        char prefix = n.charAt(0);
        if (prefix == 'X' || prefix == 'Y' || prefix == 'Z') {
            n = (prefix - 'X') + n.substring(1);
        }
        long value = Long.parseLong(n);
        return DNI_LETTERS.charAt((int) (value % 23)) == Character.toUpperCase(letter.charAt(0));
    }

    /**
     * Enough digits for a phone number, not a date such as 2024-03-05, and not a long unbroken run starting
     * with 0 (an airline ticket number such as 0162424965446): national numbers written without spaces have
     * 10 or 11 digits.
     */
    private static boolean looksLikePhone(String candidate) {
        int digits = candidate.replaceAll("\\D", "").length();
        if (digits < 9 || digits > 15) {
            return false;
        }
        if (candidate.matches("0\\d+") && digits > 11) {
            return false;
        }
        return !DATE_LIKE.matcher(candidate).matches();
    }
}
