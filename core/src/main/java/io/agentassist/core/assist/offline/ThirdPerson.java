package io.agentassist.core.assist.offline;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Retells a customer's own sentence about them, as a case note does: "I was charged twice for my order"
 * becomes "Maria was charged twice for their order". Only the speaker's words change ("I", "me", "my",
 * "mine", "myself", and the verb right after "I"); everything else is theirs. The first "I" or "my" becomes
 * the name, later ones "they"/"their", so a sentence names the customer once. English only; a sentence in
 * another language passes through unchanged because it has none of these words.
 */
final class ThirdPerson {
    /** Adverbs between "I" and its verb ("I really need"): the verb after them is the one to change. */
    private static final String ADVERBS = "also|just|really|still|already|never|always|only|even|actually|"
            + "finally|usually|often|sometimes|recently|definitely|probably|personally|certainly|totally|"
            + "completely|simply|now|then|too";
    private static final Pattern SPEAKER = Pattern.compile(
            "(?i)\\b(?:(i)(?:'m| am)|(i) was|(i)(?:'ve| have)(?! to\\b)|(i)'d|(i)(?:'ll| will)|(i) do(?:n't| not)|"
                    + "(i) ((?:(?:" + ADVERBS + ") )?)([\\p{L}']+)|(me|my|mine|myself))\\b");
    private static final Set<String> UNCHANGED_AFTER_I = Set.of(
            "can", "cannot", "could", "should", "would", "must", "might", "may", "shall", "will", "did", "didn't", "can't",
            "couldn't", "won't", "wouldn't", "shouldn't", "mustn't", "had", "hadn't", "went", "got", "bought", "made",
            "saw", "said", "told", "took", "came", "gave", "found", "thought", "knew", "left", "lost", "paid", "sent",
            "spent", "felt", "kept", "heard", "met", "ran", "brought", "wrote", "broke", "forgot", "chose", "ate",
            "drank", "fell", "sat", "stood", "won", "put", "read", "set", "let", "cut", "hurt", "hit", "quit",
            "understood", "began", "became", "meant", "sold", "taught", "caught", "fought", "slept", "woke", "drove",
            "flew", "gone", "been", "and", "or", "but", "myself");

    private ThirdPerson() {
    }

    /** {@code sentence} retold about {@code name}; unchanged when it has no first-person word. */
    static String about(String sentence, String name) {
        String text = Utterances.normalizedApostrophes(sentence);
        Matcher m = SPEAKER.matcher(text);
        StringBuilder out = new StringBuilder();
        boolean named = false;
        while (m.find()) {
            String subject = named ? "they" : name;
            String replacement;
            if (m.group(1) != null) {
                replacement = subject + (named ? " are" : " is");
            } else if (m.group(2) != null) {
                replacement = subject + (named ? " were" : " was");
            } else if (m.group(3) != null) {
                replacement = subject + (named ? " have" : " has");
            } else if (m.group(4) != null) {
                replacement = subject + " would";
            } else if (m.group(5) != null) {
                replacement = subject + " will";
            } else if (m.group(6) != null) {
                replacement = subject + (named ? " don't" : " doesn't");
            } else if (m.group(7) != null) {
                replacement = subject + " " + m.group(8) + (named ? m.group(9) : verbAfterName(m.group(9)));
            } else {
                replacement = switch (m.group(10).toLowerCase(Locale.ROOT)) {
                    case "my" -> named ? "their" : name + "'s";
                    case "mine" -> named ? "theirs" : name + "'s";
                    case "myself" -> "themselves";
                    default -> named ? "them" : name;
                };
            }
            named = true;
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        String result = out.toString();
        return result.isEmpty() ? result : Character.toUpperCase(result.charAt(0)) + result.substring(1);
    }

    /**
     * The verb after "I" as it reads after a name: "need" → "needs", "try" → "tries", "have" → "has"; past
     * tenses and modals stay as they are.
     */
    private static String verbAfterName(String word) {
        String lower = word.toLowerCase(Locale.ROOT);
        if (UNCHANGED_AFTER_I.contains(lower) || lower.endsWith("ed") && !lower.endsWith("eed") || lower.endsWith("n't")) {
            return word;
        }
        return switch (lower) {
            case "have" -> "has";
            case "do" -> "does";
            case "go" -> "goes";
            case "be" -> "is";
            default -> thirdPersonSingular(word);
        };
    }

    static String thirdPersonSingular(String verb) {
        String v = verb.toLowerCase(Locale.ROOT);
        if (v.endsWith("s") || v.endsWith("x") || v.endsWith("z") || v.endsWith("ch") || v.endsWith("sh")
                || v.endsWith("o")) {
            return verb + "es";
        }
        if (v.endsWith("y") && v.length() > 1 && "aeiou".indexOf(v.charAt(v.length() - 2)) < 0) {
            return verb.substring(0, verb.length() - 1) + "ies";
        }
        return verb + "s";
    }
}
