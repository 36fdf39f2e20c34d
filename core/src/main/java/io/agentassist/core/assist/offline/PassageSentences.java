package io.agentassist.core.assist.offline;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The sentences of a knowledge passage that may be quoted to a customer. A quoted sentence must make sense
 * on its own and state something: questions (an FAQ's own question), headings, table rows, link lists,
 * "Was this article helpful?" and other navigation left over from the help centre's pages, and fragments
 * too short to carry an answer are not quoted. Markup the ingester may have left (Markdown emphasis, link
 * syntax, Jekyll/kramdown attributes, HTML tags) is removed from what is kept, and so is a leading "However,"
 * or "Also," that only linked the sentence to one the reply does not quote.
 */
final class PassageSentences {
    /** Fewer words than this is a label or a fragment, not an answer. */
    static final int MIN_WORDS = 4;
    /** A line without a full stop and shorter than this is a heading or a menu entry. */
    private static final int MIN_WORDS_WITHOUT_STOP = 8;

    private static final Pattern MARKDOWN_LINK = Pattern.compile("!?\\[([^\\]]*)]\\([^)]*\\)");
    private static final Pattern TEMPLATE_RESIDUE = Pattern.compile("\\{[:%{][^}]*}+|\\{:/?}");
    private static final Pattern HTML_TAG = Pattern.compile("</?[a-zA-Z][^>]*>");
    private static final Pattern EMPHASIS = Pattern.compile("\\*\\*|__|`|(?<=\\s|^)[*_](?=\\S)|(?<=\\S)[*_](?=\\s|$|[.,;:!?])");
    private static final Pattern LEADING_MARK = Pattern.compile(
            "^(?:[-*•·–]\\s+|\\d{1,2}[.)]\\s+|[a-z][.)]\\s+|#{1,6}\\s+|>\\s*|(?:Q|A|Answer|Antwort|Respuesta|Réponse)\\s*:\\s*)+",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern URL = Pattern.compile("https?://\\S+|www\\.\\S+");
    private static final Pattern NAVIGATION = Pattern.compile(
            "click here|read more|learn more|see also|back to top|skip to|table of contents|"
                    + "was this (?:article|page|answer) helpful|related (?:articles|topics|questions)|share this|"
                    + "print this|last (?:updated|modified)|all rights reserved|cookie|subscribe to|"
                    + "sign up for our newsletter|follow us|previous (?:article|page)|next (?:article|page)|"
                    + "in this (?:article|section)|^(?:home|menu|search|contents|navigation)\\b|"
                    + "(?:users? )?found this helpful|have more questions\\?|submit a request",
            Pattern.CASE_INSENSITIVE);

    /** A connective that only links to the sentence before; dropping it leaves the sentence's own claim. */
    private static final Pattern LEADING_CONNECTIVE = Pattern.compile(
            "^(?:however|but|also|additionally|in addition|furthermore|moreover|so|and),?\\s+",
            Pattern.CASE_INSENSITIVE);
    /** Words that point back to what came before ("It is included…", "That's why…"). */
    private static final Pattern POINTS_BACK = Pattern.compile(
            "^(?:this|that|these|those|it|its|they|their|them|there|here|that's|this is|then|otherwise|instead|"
                    + "as a result|for example|for this reason|in that case|if so|if not)\\b",
            Pattern.CASE_INSENSITIVE);

    private PassageSentences() {
    }

    /** Whether the sentence leans on the one before it, and so reads worse when quoted alone. */
    static boolean pointsBack(String sentence) {
        return POINTS_BACK.matcher(sentence).find();
    }

    /** The quotable sentences of one passage text, cleaned, in reading order. */
    static List<String> quotable(String passageText) {
        List<String> kept = new ArrayList<>();
        for (String raw : Sentences.split(clean(passageText))) {
            String sentence = withoutConnective(LEADING_MARK.matcher(raw).replaceFirst("").strip());
            if (isQuotable(raw, sentence)) {
                kept.add(sentence);
            }
        }
        return kept;
    }

    private static String withoutConnective(String sentence) {
        String rest = LEADING_CONNECTIVE.matcher(sentence).replaceFirst("");
        if (rest.equals(sentence) || rest.isEmpty()) {
            return sentence;
        }
        return Character.toUpperCase(rest.charAt(0)) + rest.substring(1);
    }

    /** Removes markup but keeps line breaks, which separate list items and headings. */
    static String clean(String text) {
        String s = text.replace('\u00a0', ' ');
        s = MARKDOWN_LINK.matcher(s).replaceAll("$1");
        s = TEMPLATE_RESIDUE.matcher(s).replaceAll("");
        s = HTML_TAG.matcher(s).replaceAll("");
        s = EMPHASIS.matcher(s).replaceAll("");
        return s.replaceAll("[ \\t]+", " ");
    }

    private static boolean isQuotable(String raw, String sentence) {
        if (sentence.isEmpty() || sentence.endsWith("?") || sentence.endsWith(":") || sentence.contains("|")) {
            return false;
        }
        if (NAVIGATION.matcher(sentence).find() || raw.strip().startsWith("#")) {
            return false;
        }
        int words = Terms.words(sentence).size();
        if (words < MIN_WORDS) {
            return false;
        }
        if (!endsWithStop(sentence) && words < MIN_WORDS_WITHOUT_STOP) {
            return false;
        }
        return mostlyLetters(URL.matcher(sentence).replaceAll("")) && !breadcrumb(sentence);
    }

    private static boolean endsWithStop(String sentence) {
        String s = sentence.replaceAll("[\"'”’)\\]]+$", "");
        return s.endsWith(".") || s.endsWith("!") || s.endsWith("…");
    }

    /** Menus, codes and pasted data have few letters for their length (links are not counted). */
    private static boolean mostlyLetters(String sentence) {
        long letters = sentence.chars().filter(Character::isLetter).count();
        long visible = sentence.chars().filter(c -> !Character.isWhitespace(c)).count();
        return visible > 0 && letters >= 0.7 * visible;
    }

    /** "Help › Account › Privacy" or "Home > Orders > Returns". */
    private static boolean breadcrumb(String sentence) {
        String s = sentence.toLowerCase(Locale.ROOT);
        int separators = 0;
        for (String sep : List.of(" › ", " > ", " » ", " / ", " · ")) {
            separators += s.split(Pattern.quote(sep), -1).length - 1;
        }
        return separators >= 2 && !endsWithStop(sentence);
    }
}
