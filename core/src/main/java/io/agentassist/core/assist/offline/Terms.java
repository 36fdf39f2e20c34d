package io.agentassist.core.assist.offline;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The words of a text as offline mode compares them: lower-cased, stop words out, and a light stem so that
 * "refunds", "refunded" and "refunding" meet. The stem is only ever compared, never shown, so it may be ugly
 * ("charg"); it must only be the same for the forms a customer and an article are likely to use. English
 * only: a knowledge base in another language still matches on shared words, just less well.
 *
 * <p>Public for review's knowledge-gap grouping, which must compare customer questions the same way offline
 * retrieval does.
 */
public final class Terms {
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+(?:['’][\\p{L}]+)*");

    /** Function words and the words every request contains ("help", "need", "know"), which say nothing. */
    private static final Set<String> STOP_WORDS = Set.of(
            "a", "about", "above", "after", "again", "all", "also", "am", "an", "and", "any", "are", "as", "at",
            "be", "because", "been", "before", "being", "both", "but", "by", "can", "could", "did", "do", "does",
            "doing", "done", "down", "during", "each", "either", "else", "etc", "even", "ever", "every", "few",
            "for", "from", "further", "get", "gets", "getting", "got", "had", "has", "have", "having", "he",
            "her", "here", "hers", "him", "his", "how", "i", "if", "in", "into", "is", "it", "its", "itself",
            "just", "let", "lets", "like", "may", "me", "might", "mine", "more", "most", "much", "must", "my",
            "myself", "need", "needs", "no", "nor", "not", "now", "of", "off", "on", "once", "one", "only", "or",
            "other", "our", "ours", "out", "over", "own", "please", "pls", "same", "shall", "she", "should",
            "so", "some", "such", "than", "that", "the", "their", "theirs", "them", "then", "there", "these",
            "they", "this", "those", "through", "to", "too", "under", "until", "up", "us", "very", "want",
            "wants", "was", "we", "were", "what", "when", "where", "whether", "which", "while", "who", "whom",
            "whose", "why", "will", "with", "would", "yes", "yet", "you", "your", "yours", "yourself",
            "hi", "hello", "hey", "dear", "thanks", "thank", "thx", "regards", "cheers", "ok", "okay", "well",
            "know", "tell", "help", "wondering", "wonder", "question", "anyone", "someone", "something",
            "anything", "thing", "things", "way", "really", "still", "already", "im", "ive", "id", "ill",
            "dont", "doesnt", "didnt", "cant", "wont", "isnt", "arent", "wasnt", "werent", "hasnt", "havent");

    /**
     * Phrases customers and help centres word differently ("money back" / "refund", "log in" / "sign in"),
     * rewritten to one word before comparing. Deliberately few: each must be unambiguous in a support context.
     */
    private static final List<Map.Entry<Pattern, String>> PHRASES = List.of(
            Map.entry(Pattern.compile("\\bmoney back\\b|\\breimburse\\w*"), "refund"),
            Map.entry(Pattern.compile("\\bsend (?:it |them |this |that )?back\\b"), "return"),
            Map.entry(Pattern.compile("\\b(?:log|sign)(?:ging|ged)? ?(?:in|on)\\b|\\blogin\\b"), "login"),
            Map.entry(Pattern.compile("\\be-mail"), "email"),
            Map.entry(Pattern.compile("\\bcheck[- ]?in\\b"), "checkin"),
            Map.entry(Pattern.compile("\\bcheck[- ]?out\\b"), "checkout"),
            Map.entry(Pattern.compile("\\bwi-?fi\\b|\\bwireless internet\\b"), "wifi"));

    /** Stems of one meaning that the suffix rules do not join. */
    private static final Map<String, String> SAME_MEANING = Map.ofEntries(
            Map.entry("kid", "child"), Map.entry("children", "child"),
            Map.entry("delivery", "deliver"), Map.entry("payment", "pay"), Map.entry("paid", "pay"),
            Map.entry("cost", "price"), Map.entry("fee", "price"), Map.entry("bought", "buy"),
            Map.entry("purchas", "buy"), Map.entry("sent", "send"), Map.entry("broken", "break"),
            Map.entry("broke", "break"), Map.entry("damag", "break"));

    /**
     * Stems of words every kind of question uses ("can I bring…", "I placed an order a week ago"): they still
     * count, but less than the words that say what the question is about.
     */
    private static final Set<String> WEAK = Stream.of("bring", "brings", "bringing", "brought", "take", "takes",
            "taking", "took", "taken", "make", "makes", "making", "made", "use", "uses", "using", "used", "go", "goes",
            "going", "went", "gone", "come", "comes", "coming", "came", "give", "gives", "giving", "gave", "given",
            "find", "finding", "found", "see", "seeing", "saw", "seen", "look", "looking", "put", "putting", "keep",
            "keeping", "kept", "try", "trying", "tried", "work", "working", "worked", "happen", "happened",
            "happening", "say", "says", "said", "able", "possible", "allow", "allowed", "ago", "place", "placed",
            "week", "weeks", "today", "tomorrow", "yesterday", "last", "next", "new", "good", "problem", "problems",
            "issue", "issues", "sure", "way", "lot", "bit", "ask", "asked", "wait", "waiting", "many")
            .map(Terms::stem).collect(Collectors.toUnmodifiableSet());
    static final double WEAK_WEIGHT = 0.3;

    private Terms() {
    }

    /** How much a question word says about the question: less for generic words and for numbers. */
    public static double weight(String term) {
        return WEAK.contains(term) || term.chars().anyMatch(Character::isDigit) ? WEAK_WEIGHT : 1;
    }

    /** Every word of {@code text}, lower-cased, in order; apostrophes inside a word are kept ("don't"). */
    static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        Matcher m = WORD.matcher(text);
        while (m.find()) {
            words.add(m.group().toLowerCase(Locale.ROOT).replace('’', '\''));
        }
        return words;
    }

    /** The distinct content words of {@code text} as stems, in order of first appearance. */
    public static Set<String> of(String text) {
        String normalized = text.toLowerCase(Locale.ROOT).replace('’', '\'');
        for (Map.Entry<Pattern, String> phrase : PHRASES) {
            normalized = phrase.getKey().matcher(normalized).replaceAll(phrase.getValue());
        }
        Set<String> terms = new LinkedHashSet<>();
        for (String word : words(normalized)) {
            String plain = word.replace("'", "");
            if (word.endsWith("'s")) {
                plain = word.substring(0, word.length() - 2);
            }
            if (plain.length() < 2 || STOP_WORDS.contains(plain) || STOP_WORDS.contains(word)) {
                continue;
            }
            String stem = stem(plain);
            terms.add(SAME_MEANING.getOrDefault(stem, stem));
        }
        return terms;
    }

    static boolean isStopWord(String word) {
        return STOP_WORDS.contains(word.toLowerCase(Locale.ROOT).replace("'", "").replace("’", ""));
    }

    /**
     * A light suffix stripper (plural, -ed, -ing, -ly) that also drops a final "e", so "charge", "charged"
     * and "charging" all become "charg". Numbers and short words are left alone.
     */
    static String stem(String word) {
        String w = word;
        if (w.length() <= 3 || !Character.isLetter(w.charAt(0))) {
            return w;
        }
        if (w.endsWith("ies") && w.length() > 4) {
            w = w.substring(0, w.length() - 3) + "y";
        } else if (w.endsWith("sses")) {
            w = w.substring(0, w.length() - 2);
        } else if (w.endsWith("xes") || w.endsWith("ches") || w.endsWith("shes") || w.endsWith("zes")) {
            w = w.substring(0, w.length() - 2);
        } else if (w.endsWith("s") && !w.endsWith("ss") && !w.endsWith("us") && !w.endsWith("is")) {
            w = w.substring(0, w.length() - 1);
        }
        if (w.endsWith("ing") && w.length() > 5) {
            w = undouble(w.substring(0, w.length() - 3));
        } else if (w.endsWith("ied") && w.length() > 4) {
            w = w.substring(0, w.length() - 3) + "y";
        } else if (w.endsWith("ed") && w.length() > 4) {
            w = undouble(w.substring(0, w.length() - 2));
        } else if (w.endsWith("ly") && w.length() > 5) {
            w = w.substring(0, w.length() - 2);
        } else if (w.endsWith("ation") && w.length() > 8) {
            w = undouble(w.substring(0, w.length() - 5));
        }
        if (w.endsWith("e") && w.length() > 3) {
            w = w.substring(0, w.length() - 1);
        }
        return w;
    }

    /** "stopp" → "stop", "shipp" → "ship"; "fall", "pass" and "buzz" keep their double letters. */
    private static String undouble(String w) {
        int n = w.length();
        if (n >= 3 && w.charAt(n - 1) == w.charAt(n - 2) && "lsz".indexOf(w.charAt(n - 1)) < 0
                && Character.isLetter(w.charAt(n - 1))) {
            return w.substring(0, n - 1);
        }
        return w;
    }
}
