package io.agentassist.core.assist.guardrails;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Decides whether a sentence of a reply states a fact that needs a source. A sentence is factual when it
 * carries a figure that did not come from the ticket ("refunds take 14 days") or reads like policy ("you
 * can", "you must", "our policy", "within", "free of charge"). Greetings, sign-offs, questions, apologies
 * and empathy, offers of further help and what the agent is doing on this case ("I have escalated your
 * case") are not, nor is a sentence that points to a page ("you can read more at ..."), which the link
 * check covers: they need no source, and flagging them would teach agents to ignore the flag.
 */
final class Claims {

    private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;

    private static final Pattern GREETING = Pattern.compile(
            "^(?:hi|hello|hey|dear|good (?:morning|afternoon|evening)|greetings|welcome)\\b|"
                    + "^thanks?(?: you)?(?: so much| very much)? for (?:reaching out|contacting|getting in touch|"
                    + "your (?:message|email|e-mail|patience|order|question|feedback|understanding)|writing|waiting|"
                    + "letting us know|bringing)",
            FLAGS);
    private static final Pattern SIGN_OFF = Pattern.compile(
            "^(?:(?:best|kind|warm|warmest)(?: regards| wishes)?|regards|sincerely|yours(?: sincerely| truly)?|cheers|"
                    + "thanks again|many thanks|all the best|take care|have a (?:great|nice|good|lovely|wonderful)\\b)",
            FLAGS);
    private static final Pattern EMPATHY = Pattern.compile(
            "^(?:i'm|i am|we're|we are|i’m|we’re)?\\s*(?:so |really |very |truly )?(?:sorry|apologi[sz]e)|^(?:my|"
                    + "our) (?:sincere |deepest )?apologies|^(?:i|we) (?:completely |totally |fully )?(?:understand|"
                    + "appreciate|can (?:imagine|see|understand)|know how|hear you)|^(?:that|this) (?:must|sounds|"
                    + "is so)\\b|^(?:i'm|i am|i’m) (?:glad|happy|sorry to hear)",
            FLAGS);
    private static final Pattern HELP_OFFER = Pattern.compile(
            "\\b(?:let (?:me|us) know|feel free|(?:do not|don't|don’t) hesitate|happy to help|glad to help|"
                    + "here to help|reply to this|get back to (?:me|us)|any (?:other|further|more) questions|"
                    + "if you have (?:any )?questions|hope (?:this|that) helps|i hope|we hope|look forward)",
            FLAGS);
    /** The agent reporting on this case: "I've escalated this", "I will check with the warehouse". */
    private static final Pattern CASE_ACTION = Pattern.compile(
            "^(?:i|we)(?:'ve|’ve| have| will|'ll|’ll| am| are|'m|’m| just)?\\s+(?:just |now |already |also )?(?:check|"
                    + "look|escalat|forward|pass|updat|not|ask|contact|follow|add|attach|raise|creat|open|reach|review|"
                    + "investigat|note|record|flag|share|sen[dt] you (?:an? )?(?:email|e-mail|message|link))",
            FLAGS);
    private static final Pattern POLICY = Pattern.compile("\\b(?:you (?:can(?:not|'t|’t)?|will|may|must|need to|"
            + "have to|should|won't|won’t|aren't|are not|are (?:eligible|entitled|required|able))|you'll|you’ll|"
            + "we (?:will|do not|don't|don’t|cannot|can't|can’t|only|always|never|offer|accept|provide|charge|ship|"
            + "refund|deliver|require|process|do)|we'll|we’ll|our policy|policy|policies|within|eligible|entitled|"
            + "free of charge|for free|(?:is|are) free|fees?|charged?|costs?|price|guarantee[ds]?|warranty|usually|"
            + "typically|normally|required|requires|(?:not )?allowed|permitted|only|up to|at least|no later than|"
            + "at the latest|must|(?:it |this |delivery |shipping |processing )takes?|takes? (?:about|around|up to|"
            + "between|roughly)|available|applies|is valid|are valid|expires?|non-refundable|refundable)\\b", FLAGS);
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");

    private Claims() {
    }

    static boolean isFactual(String sentence, Set<String> ticketKeys) {
        String text = CitationMarkers.strip(sentence).strip();
        if (text.endsWith("?") || words(text) < 3) {
            return false;
        }
        String lower = text.toLowerCase(Locale.ROOT);
        if (GREETING.matcher(lower).find() || SIGN_OFF.matcher(lower).find() || HELP_OFFER.matcher(lower).find()
                || CASE_ACTION.matcher(lower).find()) {
            return false;
        }
        boolean newFigure = Quantities.find(text).stream()
                .anyMatch(quantity -> !Quantities.isSupported(quantity, ticketKeys));
        if (newFigure) {
            return true;
        }
        if (EMPATHY.matcher(lower).find() || LinkCheck.LINK.matcher(text).find()) {
            return false; // a pointer to a page is checked as a link, not as a claim
        }
        return POLICY.matcher(lower).find();
    }

    private static int words(String text) {
        int count = 0;
        var m = WORD.matcher(text);
        while (m.find()) {
            count++;
        }
        return count;
    }
}
