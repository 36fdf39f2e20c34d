package io.agentassist.core.assist.offline;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A deliberately small word-list sentiment for the case summary: negative when the customer's words are
 * mostly unhappy, positive when mostly pleased, else neutral. A negation just before a word ("not happy",
 * "not bad") turns it around. Later messages count double, because how the customer feels now matters more
 * than how they opened. It is not a frustration detector: it only labels the summary.
 */
final class SentimentLexicon {
    static final String NEGATIVE = "negative";
    static final String NEUTRAL = "neutral";
    static final String POSITIVE = "positive";

    /** Words of feeling, not of trouble: "my parcel is lost" states a problem calmly; "ridiculous" does not. */
    private static final Set<String> NEGATIVE_WORDS = Set.of(
            "angry", "annoyed", "annoying", "awful", "bad", "complain", "complaining", "complaint", "disappointed",
            "disappointing", "disgusted", "dissatisfied", "frustrated", "frustrating", "furious", "hate", "horrible",
            "joke", "lied", "mess", "outrageous", "pathetic", "poor", "rude", "ridiculous", "terrible", "tired",
            "unacceptable", "unhappy", "upset", "useless", "waste", "worse", "worst", "scam", "worried", "afraid",
            "sad", "unfortunately", "fed", "sick", "hopeless", "nightmare", "shocked", "disgrace", "incompetent");
    private static final Set<String> POSITIVE_WORDS = Set.of(
            "amazing", "appreciate", "appreciated", "awesome", "brilliant", "delighted", "excellent", "fantastic",
            "glad", "good", "great", "happy", "helpful", "love", "lovely", "nice", "perfect", "pleased",
            "resolved", "satisfied", "solved", "super", "wonderful", "works", "thrilled", "excited", "enjoy",
            "enjoyed", "fine", "best");
    private static final Set<String> NEGATIONS = Set.of("not", "no", "never", "don't", "doesn't", "didn't",
            "isn't", "wasn't", "aren't", "weren't", "won't", "can't", "cannot", "hardly");

    /** "Good morning" is a greeting, not praise. */
    private static final Pattern GREETING = Pattern.compile("(?i)\\bgood (?:morning|afternoon|evening|day)\\b");

    private SentimentLexicon() {
    }

    /** The sentiment of a customer's messages, oldest first. */
    static String of(List<String> customerMessages) {
        double score = 0;
        for (int i = 0; i < customerMessages.size(); i++) {
            double weight = i >= customerMessages.size() - 2 ? 2 : 1;
            score += weight * polarity(customerMessages.get(i));
        }
        if (score <= -1) {
            return NEGATIVE;
        }
        return score >= 1 ? POSITIVE : NEUTRAL;
    }

    /** Positive minus negative words in one text, each flipped by a negation up to two words before it. */
    static int polarity(String text) {
        String plain = GREETING.matcher(Utterances.normalizedApostrophes(text)).replaceAll(" ");
        List<String> words = Terms.words(plain);
        int polarity = 0;
        for (int i = 0; i < words.size(); i++) {
            String word = words.get(i);
            int value = NEGATIVE_WORDS.contains(word) ? -1 : POSITIVE_WORDS.contains(word) ? 1 : 0;
            if (value != 0 && negated(words, i)) {
                value = -value;
            }
            polarity += value;
        }
        return polarity + exclamationsOfAnger(text);
    }

    private static boolean negated(List<String> words, int i) {
        for (int j = Math.max(0, i - 2); j < i; j++) {
            if (NEGATIONS.contains(words.get(j))) {
                return true;
            }
        }
        return false;
    }

    /** "!!!" or "?!" reads as exasperation. */
    private static int exclamationsOfAnger(String text) {
        return text.contains("!!") || text.contains("?!") || text.contains("!?") ? -1 : 0;
    }
}
