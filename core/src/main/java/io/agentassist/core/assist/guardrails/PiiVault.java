package io.agentassist.core.assist.guardrails;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Remembers which placeholder stands for which real value, for one ticket. Sharing one vault across the
 * ticket's messages keeps placeholders consistent: the address the customer gives in their first message
 * and repeats in their third is {@code [EMAIL_1]} both times, so the model can tell it is the same one.
 * Values are compared by what they are, not how they were typed: "4111 1111 1111 1111" and
 * "4111-1111-1111-1111" are one card; "Anna@Example.com" and "anna@example.com" one address.
 *
 * <p>A vault holds real personal data: keep it in memory for the one ticket, never log or persist it. Not
 * thread-safe; one ticket is redacted on one thread.
 */
public final class PiiVault {

    /** A placeholder as the model may write it back: {@code [EMAIL_1]}, {@code [email_1]}, {@code [ EMAIL 1 ]}. */
    private static final Pattern PLACEHOLDER = Pattern.compile(
            "\\[\\s*(CARD|IBAN|EMAIL|PHONE|SSN|NI_NUMBER|NI NUMBER|NATIONAL_ID|NATIONAL ID)[_ ](\\d{1,4})\\s*]",
            Pattern.CASE_INSENSITIVE);

    private final Map<PiiKind, Map<String, String>> placeholderByKey = new EnumMap<>(PiiKind.class);
    private final Map<String, String> valueByPlaceholder = new LinkedHashMap<>();
    private final Map<PiiKind, Integer> counters = new EnumMap<>(PiiKind.class);

    /** The placeholder for this value, the same one every time the same value is seen. */
    public String placeholderFor(PiiKind kind, String value) {
        String key = key(kind, value);
        Map<String, String> byKey = placeholderByKey.computeIfAbsent(kind, k -> new HashMap<>());
        String existing = byKey.get(key);
        if (existing != null) {
            return existing;
        }
        int n = counters.merge(kind, 1, Integer::sum);
        String placeholder = "[" + kind.tag() + "_" + n + "]";
        byKey.put(key, placeholder);
        valueByPlaceholder.put(placeholder, value);
        return placeholder;
    }

    /** The real value behind a placeholder, as first written. */
    public Optional<String> valueOf(String placeholder) {
        return Optional.ofNullable(valueByPlaceholder.get(canonical(placeholder)));
    }

    /**
     * The text with every placeholder this vault knows replaced by its real value. Placeholders it does not
     * know stay as they are, where the placeholder check will flag them.
     */
    public String restore(String text) {
        if (text == null || text.isEmpty() || valueByPlaceholder.isEmpty()) {
            return text == null ? "" : text;
        }
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String placeholder = "[" + m.group(1).toUpperCase(Locale.ROOT).replace(' ', '_') + "_" + m.group(2) + "]";
            String value = valueByPlaceholder.get(placeholder);
            m.appendReplacement(out, Matcher.quoteReplacement(value != null ? value : m.group()));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** Every placeholder and its value, in the order they were made. */
    public Map<String, String> placeholders() {
        return Map.copyOf(valueByPlaceholder);
    }

    public int size() {
        return valueByPlaceholder.size();
    }

    private static String canonical(String placeholder) {
        Matcher m = PLACEHOLDER.matcher(placeholder == null ? "" : placeholder.strip());
        if (!m.matches()) {
            return placeholder;
        }
        return "[" + m.group(1).toUpperCase(Locale.ROOT).replace(' ', '_') + "_" + m.group(2) + "]";
    }

    /** What makes two spellings the same value. */
    private static String key(PiiKind kind, String value) {
        return switch (kind) {
            case CARD, SSN -> value.replaceAll("\\D", "");
            case PHONE -> (value.strip().startsWith("+") ? "+" : "") + value.replaceAll("\\D", "");
            case IBAN, NI_NUMBER, NATIONAL_ID -> value.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
            case EMAIL -> value.strip().toLowerCase(Locale.ROOT);
            case CARD_DETAIL -> value.replaceAll("\\s", "");
        };
    }

    @Override
    public String toString() {
        return "PiiVault{" + size() + " values}"; // never the values themselves
    }
}
