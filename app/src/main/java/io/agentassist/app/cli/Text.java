package io.agentassist.app.cli;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Pattern;

/** Small formatting helpers for human-readable command output. Numbers use a fixed, locale-free format. */
final class Text {
    private static final String ANSI_BOLD = "\u001B[1m";
    private static final String ANSI_RESET = "\u001B[0m";
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    private Text() {
    }

    /** {@code 1234} as {@code 1,234}. */
    static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    /** {@code 1 file}, {@code 2 files}. */
    static String count(long n, String singular, String plural) {
        return count(n) + " " + (n == 1 ? singular : plural);
    }

    /** Seconds with one decimal: {@code 8.2}. */
    static String seconds(Duration d) {
        return String.format(Locale.ROOT, "%.1f", d.toNanos() / 1e9);
    }

    static String decimals(double value, int places) {
        return String.format(Locale.ROOT, "%." + places + "f", value);
    }

    /**
     * A highlighted snippet on one line: {@code <b>…</b>} becomes bold on a terminal and is dropped
     * otherwise, so piped output stays plain text.
     */
    static String snippet(String highlighted, boolean terminal) {
        String oneLine = WHITESPACE.matcher(highlighted).replaceAll(" ").strip();
        return terminal
                ? oneLine.replace("<b>", ANSI_BOLD).replace("</b>", ANSI_RESET)
                : oneLine.replace("<b>", "").replace("</b>", "");
    }
}
