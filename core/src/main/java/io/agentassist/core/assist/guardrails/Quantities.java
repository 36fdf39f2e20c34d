package io.agentassist.core.assist.guardrails;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the numbers in a text the way a reader understands them, so that a draft's figure can be compared
 * with its sources whatever the spelling: "$49.99" and "49.99 USD"; "2 days", "two days" and "2-day";
 * "2 weeks" and "14 days"; "10%" and "10 percent"; "March 5, 2025", "5 March 2025" and "2025-03-05";
 * "9am" and "9:00 AM". Each quantity gets canonical keys; a draft quantity is supported when one of its
 * lookup keys is among the keys of its sources.
 *
 * <p>Links, e-mail addresses, citation markers, placeholders and list numbering are not quantities.
 * Identifiers that mix letters and digits ("W123456") are compared as written; so are phone-like digit
 * groups, by their digits.
 */
final class Quantities {

    enum Kind { MONEY, PERCENT, DURATION, DATE, TIME, PHONE, IDENTIFIER, NUMBER }

    /**
     * One quantity found in a text. {@code keys} describe it as a source; {@code lookups} are the keys of
     * which any one, found among the sources' keys, supports it.
     */
    record Quantity(Kind kind, String surface, int start, int end, Set<String> keys, Set<String> lookups) {
    }

    private static final String NUM = "\\d{1,3}(?:[,.]\\d{3})+(?:[.,]\\d{1,2})?|\\d+(?:[.,]\\d+)?";
    private static final String WORDS = "zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|"
            + "fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|"
            + "ninety|hundred";
    private static final String NUMBER_WORD = "(?:" + WORDS + ")(?:[- ](?:one|two|three|four|five|six|seven|eight|"
            + "nine))?";
    private static final String AMOUNT = "(?:" + NUM + "|" + NUMBER_WORD + ")";
    private static final String UNIT = "(?:(?:business|working|calendar|banking)[ -])?(minutes?|mins?|hours?|hrs?|h|"
            + "days?|weeks?|wks?|months?|years?|yrs?)";
    private static final String MONTH = "(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
            + "sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?";
    private static final String CURRENCY_SYMBOL = "(US\\$|CA\\$|C\\$|A\\$|AU\\$|\\$|€|£|¥)";
    private static final String CURRENCY_WORD = "(USD|EUR|GBP|CAD|AUD|CHF|JPY|dollars?|euros?|pounds?|bucks)";
    private static final String LEFT = "(?<![\\w.,$€£¥])";
    private static final String RIGHT = "(?![\\w%€£$]|[.,]\\d)";

    private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
    private static final Pattern URL = Pattern.compile("(?:https?://|www\\.)[^\\s<>\"')\\]]+", FLAGS);
    private static final Pattern EMAIL = Pattern.compile("[\\w.%+-]+@[\\w.-]+\\.[a-z]{2,}", FLAGS);
    private static final Pattern BRACKETED = Pattern.compile("\\[[A-Za-z][\\w .-]*]|\\{\\{[^}]*}}|<[A-Za-z][\\w .-]*>");
    private static final Pattern LIST_NUMBER = Pattern.compile("(?m)^\\s*\\d{1,2}[.)](?=\\s|$)");
    private static final Pattern ROUND_THE_CLOCK = Pattern.compile("\\b24\\s?/\\s?7\\b|\\b24/365\\b");

    private static final Pattern ISO_DATE = Pattern.compile(LEFT + "(\\d{4})-(\\d{1,2})-(\\d{1,2})" + RIGHT);
    private static final Pattern NUMERIC_DATE =
            Pattern.compile(LEFT + "(\\d{1,2})([/.-])(\\d{1,2})\\2(\\d{4}|\\d{2})" + RIGHT);
    private static final Pattern MONTH_DAY = Pattern.compile(
            "\\b" + MONTH + "\\s+(\\d{1,2})(?:st|nd|rd|th)?(?:,?\\s+(\\d{4}))?" + RIGHT, FLAGS);
    private static final Pattern DAY_MONTH = Pattern.compile(
            LEFT + "(\\d{1,2})(?:st|nd|rd|th)?(?:\\s+of)?\\s+" + MONTH + "(?:,?\\s+(\\d{4}))?\\b", FLAGS);
    private static final Pattern CLOCK_12 = Pattern.compile(
            LEFT + "(\\d{1,2})(?:[:.](\\d{2}))?\\s?([ap])\\.?m\\b\\.?", FLAGS);
    private static final Pattern CLOCK_24 = Pattern.compile(LEFT + "(\\d{1,2}):(\\d{2})" + RIGHT);
    private static final Pattern MONEY_BEFORE = Pattern.compile(
            CURRENCY_SYMBOL + "\\s?(" + NUM + ")(?:\\s?(k|million|m|bn)\\b)?", FLAGS);
    private static final Pattern MONEY_AFTER = Pattern.compile(
            LEFT + "(" + NUM + ")\\s?(?:(€|£|\\$)|" + CURRENCY_WORD + "\\b)", FLAGS);
    private static final Pattern MONEY_CODE_BEFORE =
            Pattern.compile("\\b(USD|EUR|GBP|CAD|AUD|CHF|JPY)\\s?(" + NUM + ")" + RIGHT);
    private static final Pattern PERCENT = Pattern.compile(
            "(?<![\\w.,])(" + AMOUNT + ")(?:\\s?(?:-|–|to)\\s?(" + AMOUNT + "))?\\s?(?:%|per ?cent\\b|pct\\b)", FLAGS);
    private static final Pattern DURATION = Pattern.compile(
            "(?<![\\w.,])(" + AMOUNT + ")(?:\\s?(?:-|–|to|or)\\s?(" + AMOUNT + "))?(?:\\s?-\\s?|\\s)?" + UNIT + "\\b",
            FLAGS);
    private static final Pattern PHONE_LIKE = Pattern.compile(
            "(?<![\\w.,])\\+?\\(?\\d{1,4}\\)?(?:[ .\\-/]\\(?\\d{2,4}\\)?){2,}(?![\\w]|[.,]\\d)");
    private static final Pattern IDENTIFIER = Pattern.compile(
            "(?<![\\w-])#?(?=[\\w-]*\\d)(?=[\\w-]*[A-Za-z])[A-Za-z0-9]+(?:-[A-Za-z0-9]+)*(?![\\w-])");
    /** A plain number; digits joined to a word by a hyphen ("Covid-19", "A-4") belong to the word. */
    private static final Pattern NUMBER = Pattern.compile(
            "(?<![\\w.,]|[A-Za-z]-)#?(" + NUM + ")(?:st|nd|rd|th)?(?![\\w]|[.,]\\d)", FLAGS);
    /** Number words in a source ("about fifty pictures"): they support a draft's "50", never flagged themselves. */
    private static final Pattern SOURCE_NUMBER_WORD =
            Pattern.compile("(?<![\\w-])(" + NUMBER_WORD + ")(?![\\w-])", FLAGS);

    private static final Map<String, Integer> SMALL = Map.ofEntries(
            Map.entry("zero", 0), Map.entry("one", 1), Map.entry("two", 2), Map.entry("three", 3),
            Map.entry("four", 4), Map.entry("five", 5), Map.entry("six", 6), Map.entry("seven", 7),
            Map.entry("eight", 8), Map.entry("nine", 9), Map.entry("ten", 10), Map.entry("eleven", 11),
            Map.entry("twelve", 12), Map.entry("thirteen", 13), Map.entry("fourteen", 14),
            Map.entry("fifteen", 15), Map.entry("sixteen", 16), Map.entry("seventeen", 17),
            Map.entry("eighteen", 18), Map.entry("nineteen", 19), Map.entry("twenty", 20),
            Map.entry("thirty", 30), Map.entry("forty", 40), Map.entry("fifty", 50), Map.entry("sixty", 60),
            Map.entry("seventy", 70), Map.entry("eighty", 80), Map.entry("ninety", 90),
            Map.entry("hundred", 100));

    private Quantities() {
    }

    /** Every quantity of the text, in reading order. */
    static List<Quantity> find(String text) {
        if (text == null || text.isEmpty()) {
            return List.of();
        }
        char[] masked = text.toCharArray();
        mask(masked, URL);
        mask(masked, EMAIL);
        mask(masked, BRACKETED);
        for (CitationMarkers.Occurrence marker : CitationMarkers.find(text)) {
            blank(masked, marker.start(), marker.end());
        }
        mask(masked, LIST_NUMBER);
        mask(masked, ROUND_THE_CLOCK);
        List<Quantity> found = new ArrayList<>();
        scan(masked, ISO_DATE, m -> isoDate(m, found));
        scan(masked, NUMERIC_DATE, m -> numericDate(m, found));
        scan(masked, MONTH_DAY, m -> namedDate(m, m.group(1), m.group(2), m.group(3), found));
        scan(masked, DAY_MONTH, m -> namedDate(m, m.group(2), m.group(1), m.group(3), found));
        scan(masked, CLOCK_12, m -> clock(m, true, found));
        scan(masked, CLOCK_24, m -> clock(m, false, found));
        scan(masked, MONEY_BEFORE, m -> money(m, currencyOf(m.group(1)), m.group(2), m.group(3), found));
        scan(masked, MONEY_AFTER,
                m -> money(m, currencyOf(m.group(2) != null ? m.group(2) : m.group(3)), m.group(1), null, found));
        scan(masked, MONEY_CODE_BEFORE, m -> money(m, currencyOf(m.group(1)), m.group(2), null, found));
        scan(masked, PERCENT, m -> percent(m, found));
        scan(masked, DURATION, m -> duration(m, found));
        scan(masked, PHONE_LIKE, m -> phone(m, found));
        scan(masked, IDENTIFIER, m -> identifier(m, found));
        scan(masked, NUMBER, m -> number(m, found));
        found.sort(Comparator.comparingInt(Quantity::start));
        return List.copyOf(found);
    }

    /**
     * The keys of every quantity in the texts: what a set of sources supports. A source's number words count
     * as numbers too ("fifty" supports "50"), although a draft's are not checked ("one of our agents").
     */
    static Set<String> keysOf(Iterable<String> texts) {
        Set<String> keys = new LinkedHashSet<>();
        for (String text : texts) {
            if (text == null) {
                continue;
            }
            for (Quantity quantity : find(text)) {
                keys.addAll(quantity.keys());
            }
            Matcher word = SOURCE_NUMBER_WORD.matcher(text);
            while (word.find()) {
                String value = value(word.group(1));
                if (value != null) {
                    keys.add("plain:" + value);
                    keys.add("any:" + value);
                }
            }
        }
        return keys;
    }

    static boolean isSupported(Quantity quantity, Set<String> sourceKeys) {
        for (String lookup : quantity.lookups()) {
            if (sourceKeys.contains(lookup)) {
                return true;
            }
        }
        return false;
    }

    /** A canonical decimal for "1,299.00", "1.299,00", "49,99" and "two"; null when it is not a number. */
    static String value(String raw) {
        if (raw == null) {
            return null;
        }
        String s = raw.strip().toLowerCase(Locale.ROOT).replace(" ", "");
        Integer word = wordValue(s);
        if (word != null) {
            return Integer.toString(word);
        }
        int dot = s.lastIndexOf('.');
        int comma = s.lastIndexOf(',');
        if (dot >= 0 && comma >= 0) {
            char decimal = dot > comma ? '.' : ',';
            char grouping = decimal == '.' ? ',' : '.';
            s = s.replace(String.valueOf(grouping), "").replace(decimal, '.');
        } else if (comma >= 0) {
            boolean thousands = s.length() - comma - 1 == 3 && comma <= 3 && s.charAt(0) != '0'; // "1,299"
            boolean grouping = s.indexOf(',') != comma || thousands;
            s = grouping ? s.replace(",", "") : s.replace(',', '.');
        } else if (dot >= 0 && s.indexOf('.') != dot) {
            s = s.replace(".", "");
        }
        try {
            return new BigDecimal(s).stripTrailingZeros().toPlainString();
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Integer wordValue(String s) {
        String[] parts = s.split("[- ]");
        if (parts.length == 0 || !SMALL.containsKey(parts[0])) {
            return null;
        }
        int total = SMALL.get(parts[0]);
        if (parts.length == 2 && SMALL.containsKey(parts[1]) && total >= 20 && SMALL.get(parts[1]) < 10) {
            total += SMALL.get(parts[1]);
        } else if (parts.length > 1) {
            return null;
        }
        return total;
    }

    private static boolean isoDate(Matcher m, List<Quantity> found) {
        return addDate(m, found, List.of(new int[] {Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                Integer.parseInt(m.group(3))}));
    }

    /** "03/05/2025" is 5 March in the US and 3 May elsewhere: both readings are kept. */
    private static boolean numericDate(Matcher m, List<Quantity> found) {
        int first = Integer.parseInt(m.group(1));
        int second = Integer.parseInt(m.group(3));
        int year = Integer.parseInt(m.group(4));
        if (m.group(4).length() == 2) {
            year += 2000;
        }
        return addDate(m, found, List.of(new int[] {year, first, second}, new int[] {year, second, first}));
    }

    private static boolean namedDate(Matcher m, String month, String day, String year, List<Quantity> found) {
        if (month.equalsIgnoreCase("may") && !month.equals("May")) {
            return false; // "you may 2 ..." is not a date
        }
        int monthNumber = monthNumber(month);
        int y = year == null ? 0 : Integer.parseInt(year);
        return addDate(m, found, List.of(new int[] {y, monthNumber, Integer.parseInt(day)}));
    }

    private static boolean addDate(Matcher m, List<Quantity> found, List<int[]> readings) {
        Set<String> keys = new LinkedHashSet<>();
        Set<String> lookups = new LinkedHashSet<>();
        for (int[] ymd : readings) {
            MonthDay monthDay;
            try {
                monthDay = MonthDay.of(ymd[1], ymd[2]);
                if (ymd[0] != 0) {
                    LocalDate.of(ymd[0], ymd[1], ymd[2]);
                }
            } catch (DateTimeException e) {
                continue;
            }
            String md = monthDay.toString().substring(2);
            keys.add("date:*:" + md);
            if (ymd[0] == 0) {
                keys.add("date:?:" + md);
                lookups.add("date:*:" + md);
            } else {
                keys.add("date:" + ymd[0] + ":" + md);
                lookups.add("date:" + ymd[0] + ":" + md);
                lookups.add("date:?:" + md);
            }
        }
        if (keys.isEmpty()) {
            return false;
        }
        found.add(new Quantity(Kind.DATE, m.group(), m.start(), m.end(), keys, lookups));
        return true;
    }

    private static boolean clock(Matcher m, boolean twelveHour, List<Quantity> found) {
        int hour = Integer.parseInt(m.group(1));
        int minute = m.group(2) == null ? 0 : Integer.parseInt(m.group(2));
        if (hour > 23 || minute > 59 || (twelveHour && (hour == 0 || hour > 12))) {
            return false;
        }
        Set<String> readings = new LinkedHashSet<>();
        if (twelveHour) {
            boolean pm = m.group(3).equalsIgnoreCase("p");
            readings.add(time(hour % 12 + (pm ? 12 : 0), minute));
        } else {
            readings.add(time(hour, minute));
            if (hour >= 1 && hour <= 11) {
                readings.add(time(hour + 12, minute)); // "5:00" may well mean 5 pm
            }
        }
        Set<String> keys = new LinkedHashSet<>(readings);
        found.add(new Quantity(Kind.TIME, m.group(), m.start(), m.end(), keys, readings));
        return true;
    }

    private static String time(int hour, int minute) {
        return String.format(Locale.ROOT, "time:%02d:%02d", hour, minute);
    }

    private static boolean money(Matcher m, String currency, String amount, String scale, List<Quantity> found) {
        String value = value(amount);
        if (value == null) {
            return false;
        }
        if (scale != null) {
            BigDecimal factor = switch (scale.toLowerCase(Locale.ROOT)) {
                case "k" -> BigDecimal.valueOf(1_000);
                case "m", "million" -> BigDecimal.valueOf(1_000_000);
                default -> BigDecimal.valueOf(1_000_000_000);
            };
            value = new BigDecimal(value).multiply(factor).stripTrailingZeros().toPlainString();
        }
        Set<String> keys = new LinkedHashSet<>(List.of("money:*:" + value, "any:" + value));
        Set<String> lookups = new LinkedHashSet<>();
        if (currency == null) {
            keys.add("money:?:" + value);
            lookups.add("money:*:" + value);
        } else {
            keys.add("money:" + currency + ":" + value);
            lookups.add("money:" + currency + ":" + value);
            lookups.add("money:?:" + value);
        }
        lookups.add("plain:" + value);
        found.add(new Quantity(Kind.MONEY, m.group().strip(), m.start(), m.end(), keys, lookups));
        return true;
    }

    private static String currencyOf(String token) {
        if (token == null) {
            return null;
        }
        String t = token.toLowerCase(Locale.ROOT);
        return switch (t) {
            case "$", "us$", "usd", "dollar", "dollars", "buck", "bucks" -> "USD";
            case "ca$", "c$", "cad" -> "CAD";
            case "a$", "au$", "aud" -> "AUD";
            case "€", "eur", "euro", "euros" -> "EUR";
            case "£", "gbp", "pound", "pounds" -> "GBP";
            case "¥", "jpy" -> "JPY";
            case "chf" -> "CHF";
            default -> null;
        };
    }

    private static boolean percent(Matcher m, List<Quantity> found) {
        boolean any = false;
        for (String amount : new String[] {m.group(1), m.group(2)}) {
            String value = value(amount);
            if (value != null) {
                Set<String> keys = new LinkedHashSet<>(List.of("percent:" + value, "any:" + value));
                found.add(new Quantity(Kind.PERCENT, m.group().strip(), m.start(), m.end(), keys,
                        Set.of("percent:" + value)));
                any = true;
            }
        }
        return any;
    }

    private static boolean duration(Matcher m, List<Quantity> found) {
        String unit = unitOf(m.group(3));
        if (unit == null) {
            return false;
        }
        boolean digits = Character.isDigit(m.group(1).charAt(0));
        if (!digits && m.group(3).equalsIgnoreCase("h")) {
            return false; // "two h" is no duration
        }
        boolean any = false;
        for (String amount : new String[] {m.group(1), m.group(2)}) {
            String value = value(amount);
            if (value == null) {
                continue;
            }
            Set<String> keys = new LinkedHashSet<>(List.of("duration:" + unit + ":" + value, "any:" + value));
            Set<String> lookups = new LinkedHashSet<>(List.of("duration:" + unit + ":" + value));
            if (unit.equals("week")) {
                String days = new BigDecimal(value).multiply(BigDecimal.valueOf(7)).stripTrailingZeros()
                        .toPlainString();
                keys.add("duration:day:" + days);
                lookups.add("duration:day:" + days);
            }
            found.add(new Quantity(Kind.DURATION, m.group().strip(), m.start(), m.end(), keys, lookups));
            any = true;
        }
        return any;
    }

    private static String unitOf(String raw) {
        String u = raw.toLowerCase(Locale.ROOT);
        if (u.startsWith("min")) {
            return "minute";
        }
        if (u.startsWith("h")) {
            return "hour";
        }
        if (u.startsWith("d")) {
            return "day";
        }
        if (u.startsWith("w")) {
            return "week";
        }
        if (u.startsWith("mo")) {
            return "month";
        }
        if (u.startsWith("y")) {
            return "year";
        }
        return null;
    }

    private static boolean phone(Matcher m, List<Quantity> found) {
        String digits = m.group().replaceAll("\\D", "");
        if (digits.length() < 7) {
            return false; // "3 10 15" is not a phone number; the numbers are found one by one below
        }
        String key = "digits:" + digits;
        found.add(new Quantity(Kind.PHONE, m.group(), m.start(), m.end(), Set.of(key), Set.of(key)));
        return true;
    }

    private static boolean identifier(Matcher m, List<Quantity> found) {
        String token = m.group().replaceFirst("^#", "");
        if (token.replaceAll("\\D", "").length() < 3) {
            return false; // "2FA", "COVID-19", "MP3": words, not figures
        }
        String key = "id:" + token.toLowerCase(Locale.ROOT);
        found.add(new Quantity(Kind.IDENTIFIER, m.group(), m.start(), m.end(), Set.of(key), Set.of(key)));
        return true;
    }

    private static boolean number(Matcher m, List<Quantity> found) {
        String value = value(m.group(1));
        if (value == null) {
            return false;
        }
        Set<String> keys = new LinkedHashSet<>(List.of("plain:" + value, "any:" + value));
        found.add(new Quantity(Kind.NUMBER, m.group(), m.start(), m.end(), keys, Set.of("any:" + value)));
        return true;
    }

    private static int monthNumber(String month) {
        String m = month.toLowerCase(Locale.ROOT).substring(0, 3);
        return List.of("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
                .indexOf(m) + 1;
    }

    /**
     * Runs one pattern over what earlier patterns left and blanks what it took, so "14 days" is one
     * duration, not also the number 14. A match its handler rejects stays for the later patterns.
     */
    private static void scan(char[] masked, Pattern pattern, Predicate<Matcher> onMatch) {
        Matcher m = pattern.matcher(new String(masked));
        List<int[]> taken = new ArrayList<>();
        while (m.find()) {
            if (onMatch.test(m)) {
                taken.add(new int[] {m.start(), m.end()});
            }
        }
        for (int[] span : taken) {
            blank(masked, span[0], span[1]);
        }
    }

    private static void mask(char[] masked, Pattern pattern) {
        Matcher m = pattern.matcher(new String(masked));
        while (m.find()) {
            blank(masked, m.start(), m.end());
        }
    }

    private static void blank(char[] masked, int from, int to) {
        for (int i = from; i < to; i++) {
            masked[i] = ' ';
        }
    }
}
