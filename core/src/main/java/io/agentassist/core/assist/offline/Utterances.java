package io.agentassist.core.assist.offline;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What a sentence of a conversation does: asks, requests, greets or thanks, reports an action or promises
 * one. Word patterns, English only; they are meant to sort a ticket's sentences, not to understand them.
 */
final class Utterances {
    private static final Pattern REQUEST = Pattern.compile(
            "\\b(?:i(?:'d| would) like|i want|i wanted|i need|i'm looking for|i am looking for|please|"
                    + "can you|could you|would you|will you|can i|could i|may i|how (?:do|can|should) i|"
                    + "help me|i wish|i'd appreciate|i would appreciate|let me know|i'm trying to|i am trying to|"
                    + "i'm hoping|i am hoping|i have to|i've got to|i'd love|let's|let us|shall we|how about|what about|"
                    + "why don't (?:we|you)|would you mind|do you mind)\\b",
            Pattern.CASE_INSENSITIVE);

    private static final String GREETING = "(?:hi|hello|hey|dear|good (?:morning|afternoon|evening|day)|greetings)"
            + "(?: there| all| team| everyone|,? [\\p{L}.'-]+(?: [\\p{L}'-]+)?)?";
    private static final String CLOSING = "(?:(?:many thanks|thanks(?: a lot| so much| very much)?|"
            + "thank you(?: so much| very much)?|thx|cheers|much appreciated)(?: (?:for|in) (?:advance|your|the|all)"
            + "(?: (?:help|reply|answer|quick reply|response|support|time|patience|information|info|assistance))?)?|"
            + "(?:best|kind|warm)? ?regards|sincerely|bye|goodbye|see you(?: soon| later)?|take care|"
            + "have a (?:nice|good|great) (?:day|one|weekend|evening)|how are you(?: doing)?(?: today)?|"
            + "how (?:can|may) i help(?: you)?(?: today)?|what can i do for you(?: today)?|(?:may|can) i help you|"
            + "you're welcome|no problem|ok(?:ay)?|sure|great|yes|yeah|yep|no|alright|all right|i see|oh|well|"
            + "sounds good|that's (?:great|fine|good|ok|okay)|of course|certainly)";

    /**
     * Sentences that only greet, thank or acknowledge ("Hi Anna,", "Thanks for your help!", "OK, great."):
     * they carry no case information. A greeting followed by anything else ("Hello, is parking free?") is
     * not one.
     */
    private static final Pattern PLEASANTRY = Pattern.compile(
            "^(?:" + GREETING + ")?[,!.\\s]*(?:" + CLOSING + "[,!.\\s]*)*[.!?,]*$", Pattern.CASE_INSENSITIVE);

    /** Verbs of something done for a customer: "I have refunded", "we sent", "I tried". */
    private static final String ACTION_VERBS = "tried|sent|refunded|escalated|reset|cancell?ed|canceled|replaced|"
            + "issued|contacted|checked|forwarded|updated|changed|booked|ordered|arranged|processed|credited|"
            + "reported|called|e-?mailed|asked|created|opened|fixed|restarted|reinstalled|rebooted|verified|"
            + "confirmed|shipped|waived|applied|removed|added|scheduled|reserved|raised|filed|logged|passed|"
            + "unlocked|resent|re-sent|extended|upgraded|investigated|looked into|spoken|spoke|talked|noted";

    /** What the agent's side did or will do: tried, sent, refunded, escalated, will call back. */
    private static final Pattern ACTION_OR_PROMISE = Pattern.compile(
            "\\b(?:(?:i|we)(?:'ve| have| had)? (?:already |just |also |now )?(?:" + ACTION_VERBS + ")|"
                    + "(?:i|we)(?:'ll| will| shall| am going to| are going to|'m going to|'re going to)|"
                    + "i(?:'m| am) (?:sending|checking|escalating|arranging|processing|issuing|refunding|looking into)|"
                    + "let me|(?:i|we) (?:can offer|recommend|suggest)|"
                    + "(?:has|have) been (?:" + ACTION_VERBS + "))\\b",
            Pattern.CASE_INSENSITIVE);

    /** Greeting words an e-mail or chat line may start with, before the sentence itself. */
    private static final Pattern LEADING_FILLER = Pattern.compile(
            "^(?:(?:hi|hello|hey|dear)(?: there)?(?: [A-Z][\\p{L}'-]+)?[,!]\\s*|(?:so|well|oh|um|uh|ok|okay|"
                    + "yes|yeah|sure|right|and|but|also|actually|thanks|thank you|sorry),\\s+|(?:and|but|so|also)\\s+)+",
            Pattern.CASE_INSENSITIVE);

    /** "… an item and when do I get …": where one sentence starts asking a second thing. */
    private static final Pattern SECOND_ASK = Pattern.compile(
            ",? (?:and|or|also) (?=(?:when|how|what|where|why|who|which|whether|can|could|do|does|did|is|are|"
                    + "will|would|should|may)\\b)|; ",
            Pattern.CASE_INSENSITIVE);

    private Utterances() {
    }

    /** The separate things one question asks: "How do I return it and when is my refund due?" asks two. */
    static List<String> asks(String question) {
        return List.of(SECOND_ASK.split(question));
    }

    static boolean isQuestion(String sentence) {
        return sentence.strip().replaceAll("[\"'”’)]+$", "").endsWith("?");
    }

    static boolean isRequest(String sentence) {
        return REQUEST.matcher(normalizedApostrophes(sentence)).find();
    }

    static boolean isPleasantry(String sentence) {
        String s = normalizedApostrophes(sentence.strip());
        return !s.isEmpty() && PLEASANTRY.matcher(s).matches();
    }

    static boolean isActionOrPromise(String sentence) {
        return ACTION_OR_PROMISE.matcher(normalizedApostrophes(sentence)).find();
    }

    /** The sentence without a leading "Hi Anna,", "Well, " or "Thanks, but", first letter upper-cased. */
    static String withoutFiller(String sentence) {
        String s = LEADING_FILLER.matcher(sentence.strip()).replaceFirst("");
        if (s.isEmpty()) {
            return sentence.strip();
        }
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    /** The sentences of a message, without quoted earlier e-mails ("> …", "On … wrote:") or a signature. */
    static List<String> sentencesOf(String message) {
        List<String> lines = new ArrayList<>();
        for (String line : normalizedApostrophes(message).split("\\R")) {
            String l = line.strip();
            if (l.equals("--") || l.equals("-- ") || l.matches("(?i)^(?:on .{3,80} wrote:|-+ ?original message ?-+)$")) {
                break;
            }
            if (!l.startsWith(">")) {
                lines.add(l);
            }
        }
        return Sentences.split(String.join("\n", lines));
    }

    /** Curly apostrophes as straight ones, and a spaced-out "don ' t" (seen in transcribed data) closed up. */
    static String normalizedApostrophes(String text) {
        return text.replace('’', '\'').replaceAll("(\\p{L}) ' (\\p{L})", "$1'$2");
    }
}
