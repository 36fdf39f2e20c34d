package io.agentassist.core.assist.guardrails;

import io.agentassist.core.model.Flag;
import io.agentassist.core.model.FlagKind;
import io.agentassist.core.model.Ticket;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Tells the agent when a customer is frustrated or angry, so a suggested reply is read with that in mind
 * and the case can be handled personally or escalated. It weighs what the customer wrote:
 * <ul>
 *   <li>anger and exasperation words ("unacceptable", "fed up"), insults and profanity, negated praise
 *       ("not happy", "wasn't helpful") and threats to leave ("never again", "take my business
 *       elsewhere"), each enough on its own;</li>
 *   <li>signs of effort already spent ("third time", "on hold for", "still no answer", "nobody"), also
 *       enough on their own: a customer who has been chasing us is frustrated whatever words they use;</li>
 *   <li>weaker hints ("once again", "really?", a sighing emoji) and intensity in the writing (ALL CAPS,
 *       "!!!", "?!"), which count only next to another cue, because happy customers shout too ("THANK
 *       YOU!!!").</li>
 * </ul>
 * Negation is respected: "not bad", "never disappointed" and "I hate to ask" are not complaints. The flag
 * quotes the evidence so the agent can judge it in a second.
 *
 * <p>It is tuned for precision on real customer text (measured in {@code FrustrationDetectorEvaluationTest}):
 * most customers who write in have a problem, and a flag that fires on every problem report would be
 * ignored. It looks for frustration, not for problems: "my flight was cancelled" alone is not flagged.
 */
public final class FrustrationDetector {

    /**
     * The result for one text: the score, whether it reaches the threshold, and every cue found (also below
     * the threshold, so a tuning session can see what almost fired).
     */
    public record Assessment(int score, boolean frustrated, List<String> evidence) {
        public Assessment {
            evidence = List.copyOf(evidence);
        }
    }

    /** Cue weight at which a text counts as frustrated: one strong cue, or a weak one with another. */
    static final int THRESHOLD = 2;

    private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;

    /** A cue and its weight; negation-aware cues do not count right after "not", "never", "no" and the like. */
    private record Cue(Pattern pattern, int weight, boolean negationAware) {
        static Cue of(int weight, boolean negationAware, String alternatives) {
            Pattern pattern = Pattern.compile("(?<![\\w'’])(?:" + alternatives + ")(?![\\w'’])", FLAGS);
            return new Cue(pattern, weight, negationAware);
        }
    }

    private static final List<Cue> CUES = List.of(
            // anger and exasperation
            Cue.of(2, true, "furious|livid|outraged|enraged|infuriat\\w*|frustrat\\w*|fed up|sick (?:and tired )?of|"
                    + "unacceptable|ridiculous(?:ly)?|absurd|outrageous|disgrace(?:ful)?|disgust(?:ed|ing)|appall(?:ed|"
                    + "ing)|pathetic|horrible|horrendous|horrid|terrible|terribly|awful|atrocious|abysmal|dreadful|"
                    + "worst|useless|incompeten(?:t|ce)|inept|clueless|shameful|shame on you|despicable|egregious|(?:a|"
                    + "what a|such a|is this a) (?:joke|scam|disgrace|mess|shambles|sham)|scam(?:med|mers?)?|"
                    + "rip[- ]?off|unprofessional|inexcusable|unbelievable|shocking|pissed(?: off)?|angry|(?:so|very|"
                    + "really|am|i'm|i’m) mad|annoy(?:ed|ing)|irritat(?:ed|ing)|hate|sucks?|stinks?|rude(?:ly|ness)?|"
                    + "disrespect(?:ful|ed)?|insult(?:ing|ed)?|nightmare|fiasco|liars?|lied|lying to (?:me|us|"
                    + "customers)|ruin(?:ed|ing|s)?|miserable|waste of (?:time|money)|wasted|thanks for nothing|"
                    + "no thanks to you|epic fail|disappoint(?:ed|ing|ment)|unhappy|upset|embarrass(?:ed|ing|ment)|"
                    + "(?:poor|bad|worse|lousy|crappy|shoddy|horrible|terrible|awful) (?:service|customer service|"
                    + "communication|experience|support)|run[- ]?around|are you (?:kidding|serious|joking)|kidding me|"
                    + "you call this|what gives|how hard (?:is|can) it|what is wrong with you|what's wrong with you|"
                    + "how (?:can|could|do|did) you (?:not|even)|how is it possible|why on earth|makes no sense|"
                    + "(?:doesn't|doesn’t|does not) make (?:any )?sense|what(?:'s|’s| is) the point|would it kill you|"
                    + "get (?:it|your act) together|is this how you treat|treat(?:ed|ing|s)? (?:us|me|people|customers|"
                    + "your customers) like|tired of|had enough|enough is enough|last straw|last drop|nasty|farce|"
                    + "shambles|lazy|careless|greedy|misleading|false advertising"),
            // swearing
            Cue.of(2, false, "fuck\\w*|f\\*+k\\w*|shit\\w*|sh\\*t\\w*|bullshit|wtf|crap(?:py)?|damn(?:ed)?|goddamn|"
                    + "what the hell|the hell|hell no|bloody|screw (?:you|this|that)|bs|ffs|omfg|a(?:ss|rse)holes?|"
                    + "bastards?|idiots?|morons?|stupid"),
            // threats to leave or to go public
            Cue.of(2, false, "never (?:again|fly(?:ing)?|use|using|buy(?:ing)?|order(?:ing)?|shop(?:ping)?|"
                    + "book(?:ing)?|travel(?:l?ing)?|recommend)|last time (?:i|we) (?:fly|use|order|buy|book)|(?:take|"
                    + "taking) (?:my|our) (?:business|money) elsewhere|(?:switch|switching|move|"
                    + "moving) (?:to (?:another|a different|a competitor)|(?:airlines|carriers|providers|banks))|"
                    + "lost (?:a|my|your) (?:customer|business|loyalty)|done with (?:you|this|your)|(?:will|going to|"
                    + "gonna) (?:complain|report you|tweet about|post about)|(?:bad|negative|1-star|one-star) review"),
            // effort already spent: repeated contact, waiting, nobody answering
            Cue.of(2, false, "(?:second|third|fourth|fifth|2nd|3rd|4th|5th|\\d+th) (?:time|call|email|e-mail|attempt|"
                    + "request)|(?:three|four|five|six|several|multiple|countless|numerous|\\d+) (?:times|calls|emails|"
                    + "e-mails|attempts|requests)|still (?:waiting|no|not|haven't|haven’t|hasn't|hasn’t|nothing|don't|"
                    + "don’t|can't|can’t|unresolved)|(?:hours?|forever|ages) on hold|on hold for|hung up|hanging up|"
                    + "(?:can't|can’t|cannot|couldn't|couldn’t|unable to) (?:get (?:through|a hold|ahold|anyone)|"
                    + "reach (?:anyone|you|a human|a person))|no (?:response|answer|answers|reply|one|help|call ?back|"
                    + "explanation|communication|update)|nobody|(?:zero|no) (?:response|help)|(?:never|haven't|haven’t|"
                    + "have not) (?:heard back|received|gotten|got a)|(?:keep|kept) (?:getting|being|telling|saying|"
                    + "sending)|every (?:single )?time|over and over|for (?:hours|days|weeks|months)|ignor(?:ed|ing)|"
                    + "(?:it's|it’s|its|it has) been (?:over |more than |almost |nearly )?(?:\\d+|two|three|four|five|"
                    + "six|several|many) (?:hours|days|weeks|months)|(?:waited|waiting|sat|sitting) (?:for |over |"
                    + "more than |almost |nearly |on hold )*(?:\\d+(?:\\.\\d+)?\\+?|an|two|three|four|five|six|"
                    + "several) (?:hours?|hrs?|days|weeks|months)"),
            // weaker hints: count only with another cue
            Cue.of(1, true, "fail(?:ed|ing|s|ure)?|disconnected|once again|yet again|again\\?|seriously\\?|really\\?|"
                    + "come on|ugh+|argh+|smh|sigh|unreal|wow|how many (?:more )?times|how much longer|why (?:can't|"
                    + "can’t|won't|won’t|would|do) you|how (?:can|could) you|how is (?:this|that|it) (?:ok|okay|fair|"
                    + "acceptable|possible)|stuck|worse|bad|poor|not even|at least|supposed to|(?:can't|can’t|"
                    + "cannot) believe|why would|how is it|excuse|blame|apparently|another (?:delay|problem|issue|"
                    + "excuse)"));

    /** Praise that a negation turns into a complaint: "not happy", "wasn't helpful". */
    private static final Pattern PRAISE = Pattern.compile("(?<![\\w'’])(?:happy|impressed|acceptable|ok|okay|satisfied|"
            + "pleased|good enough|good|great|helpful|fair|professional|cool|amused|surprised)(?![\\w'’])", FLAGS);
    /** Negations before praise must be close and plain: "can't find a good one" is no complaint. */
    private static final Pattern PRAISE_NEGATION = Pattern.compile("(?<![\\w'’])(?:not|never|no longer|isn't|isn’t|"
            + "wasn't|wasn’t|aren't|aren’t|weren't|weren’t|ain't|ain’t)(?:\\s+(?:very|so|at all|too|that|really|"
            + "exactly|particularly))?\\s+$", FLAGS);
    private static final Pattern NEGATION = Pattern.compile(
            "(?<![\\w'’])(?:not|never|no|nothing|hardly|barely|isn't|isn’t|wasn't|wasn’t|aren't|aren’t|weren't|weren’t|"
                    + "don't|don’t|doesn't|doesn’t|didn't|didn’t|won't|won’t|can't|can’t|cannot|couldn't|couldn’t|"
                    + "shouldn't|shouldn’t|wouldn't|wouldn’t|without|nor|neither)(?![\\w'’])", FLAGS);
    /** Polite or hypothetical uses of a cue word: "I hate to ask", "sorry to bother". */
    private static final Pattern POLITE = Pattern.compile("(?<![\\w'’])(?:hate to (?:ask|bother|say|complain|be)|"
            + "would hate|not to be (?:rude|annoying)|don't mean to|don’t mean to|sorry to (?:bother|be a pain)|"
            + "stupid question|dumb question)", FLAGS);

    private static final Pattern ANGRY_EMOJI = Pattern.compile("[😡😠🤬😤👿]|>:\\(");
    private static final Pattern SAD_EMOJI = Pattern.compile("[😒🙄😩😫😞😔💔👎😢😭😑😖😣😕]|:-?\\(|:-?/(?!/)");
    private static final Pattern EXCLAIM = Pattern.compile("!{2,}|\\?{2,}|\\?!|!\\?");
    private static final Pattern CAPS_WORD = Pattern.compile("(?<![\\w'’])[A-Z]{4,}(?![\\w'’])");
    private static final Set<String> CAPS_ALLOWED = Set.of("ASAP", "HTTP", "HTTPS", "HTML", "JSON", "THANK", "THANKS",
            "LOVE", "PLEASE", "INFO", "FAQS", "RSVP", "AWESOME", "GREAT", "BEST", "COOL", "YAY", "WOOHOO");
    private static final Pattern POSITIVE = Pattern.compile("(?<![\\w'’])(?:thanks?|thank you|thx|love|loved|great|"
            + "awesome|amazing|appreciate[ds]?|excellent|kudos|wonderful|fantastic|perfect|glad|best|helpful|"
            + "nice)(?![\\w'’])|[😊😀😃😄😍❤♥👍🙏]|:-?\\)", FLAGS);
    private static final Pattern HANDLE_OR_LINK = Pattern.compile("@\\w+|(?:https?://|www\\.)\\S+");
    private static final Pattern HASHTAG = Pattern.compile("#(\\w+)");
    /** Hashtags run words together ("#worstairlineever"), so they are searched for these stems. */
    private static final List<String> HASHTAG_STEMS = List.of("fail", "suck", "worst", "neveragain", "badservice",
            "poorservice", "badcustomer", "neverfly", "terrible", "horrible", "awful", "unacceptable", "ridiculous",
            "disappoint", "frustrat", "angry", "fuck", "shit", "wtf", "notcool", "nothappy", "shame", "ripoff", "scam",
            "joke");
    private static final int NEGATION_WINDOW = 3;

    /** One FRUSTRATION flag when the customer's messages show frustration; none otherwise. */
    public List<Flag> detect(Ticket ticket) {
        boolean frustrated = false;
        Set<String> evidence = new LinkedHashSet<>();
        for (String text : Texts.customerTexts(ticket)) {
            Assessment assessment = assess(text);
            if (assessment.frustrated()) {
                frustrated = true;
                evidence.addAll(assessment.evidence());
            }
        }
        if (!frustrated) {
            return List.of();
        }
        List<String> shown = List.copyOf(evidence).subList(0, Math.min(5, evidence.size()));
        return List.of(Flag.info(FlagKind.FRUSTRATION, "The customer sounds frustrated: " + Texts.quoteAll(shown)
                + ". Acknowledge it and answer personally rather than with a stock reply; escalate if this is not "
                + "their first contact or they ask for a manager."));
    }

    /** How frustrated one text sounds, and why. */
    public Assessment assess(String text) {
        if (text == null || text.isBlank()) {
            return new Assessment(0, false, List.of());
        }
        String plain = HANDLE_OR_LINK.matcher(text).replaceAll(" ");
        List<String> evidence = new ArrayList<>();
        int strong = 0;
        int weak = 0;
        for (Cue cue : CUES) {
            Matcher m = cue.pattern().matcher(plain);
            while (m.find()) {
                if (politeAt(plain, m.start(), m.end()) || cue.negationAware() && negatedAt(plain, m.start())) {
                    continue;
                }
                evidence.add(m.group());
                if (cue.weight() >= 2) {
                    strong++;
                } else {
                    weak++;
                }
            }
        }
        Matcher praise = PRAISE.matcher(plain);
        while (praise.find()) {
            String before = precedingWords(plain, praise.start(), NEGATION_WINDOW);
            if (PRAISE_NEGATION.matcher(before).find()) {
                Matcher negation = PRAISE_NEGATION.matcher(before);
                negation.find();
                evidence.add((before.substring(negation.start()) + praise.group()).strip());
                strong++;
            }
        }
        Matcher tag = HASHTAG.matcher(plain);
        while (tag.find()) {
            String body = tag.group(1).toLowerCase(Locale.ROOT);
            if (HASHTAG_STEMS.stream().anyMatch(body::contains)) {
                evidence.add(tag.group());
                strong++;
            }
        }
        Matcher angry = ANGRY_EMOJI.matcher(plain);
        if (angry.find()) {
            evidence.add(angry.group());
            strong++;
        }
        int hints = weak;
        Matcher sad = SAD_EMOJI.matcher(plain);
        if (sad.find()) {
            evidence.add(sad.group());
            hints++;
        }
        Matcher exclaim = EXCLAIM.matcher(plain);
        if (exclaim.find()) {
            evidence.add(exclaim.group());
            hints++;
        }
        Matcher caps = CAPS_WORD.matcher(plain);
        while (caps.find()) {
            if (!CAPS_ALLOWED.contains(caps.group())) {
                evidence.add(caps.group());
                hints++;
                break;
            }
        }
        boolean praised = strong == 0 && POSITIVE.matcher(plain).find();
        int score = 2 * strong + (strong + weak > 0 && !praised ? hints : 0);
        return new Assessment(score, score >= THRESHOLD, evidence);
    }

    /** Whether one of the few words before {@code start}, within the same clause, is a negation. */
    private static boolean negatedAt(String text, int start) {
        return NEGATION.matcher(precedingWords(text, start, NEGATION_WINDOW)).find();
    }

    /** Whether the match lies inside a polite phrase such as "I hate to ask" or "stupid question". */
    private static boolean politeAt(String text, int start, int end) {
        Matcher polite = POLITE.matcher(text);
        while (polite.find()) {
            if (polite.start() < end && polite.end() > start) {
                return true;
            }
        }
        return false;
    }

    /** Up to {@code words} words before {@code start}, stopping at the start of the clause. */
    private static String precedingWords(String text, int start, int words) {
        int i = start;
        int seen = 0;
        while (i > 0) {
            char c = text.charAt(i - 1);
            if (".!?;,:\n".indexOf(c) >= 0) {
                break;
            }
            if (Character.isWhitespace(c) && i < start && !Character.isWhitespace(text.charAt(i))) {
                seen++;
                if (seen > words) {
                    break;
                }
            }
            i--;
        }
        return text.substring(i, start);
    }
}
