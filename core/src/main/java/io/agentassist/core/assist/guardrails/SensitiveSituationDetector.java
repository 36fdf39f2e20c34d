package io.agentassist.core.assist.guardrails;

import io.agentassist.core.model.Flag;
import io.agentassist.core.model.FlagKind;
import io.agentassist.core.model.Ticket;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recognises bereavement, serious illness, financial hardship, legal threats and risk of self-harm in what
 * the customer wrote, so the agent answers personally instead of approving a template. Each finding is a
 * blocking {@link FlagKind#SENSITIVE_SITUATION} flag that names the situation, quotes the customer and says
 * what to do.
 *
 * <p>The patterns are deliberately specific: "my phone died", "kill the subscription", "this is killing me"
 * and "legal name change" are not sensitive situations, and a flag that fires on them would soon be
 * ignored. The one exception runs the other way: for self-harm a false alarm costs a moment of the agent's
 * attention and a miss can cost a life, so those phrases are flagged even when negated ("I'm not going to
 * kill myself") and in jest. Legal threats that are negated ("I don't want to sue anyone") are not flagged.
 */
public final class SensitiveSituationDetector {

    /** What was found: the situation and the customer's words that show it. */
    public record Finding(SensitiveSituation situation, List<String> evidence) {
        public Finding {
            evidence = List.copyOf(evidence);
        }
    }

    private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
    private static final String PERSON = "(?:mother|mom|mum|mommy|mummy|mama|father|dad|daddy|papa|husband|wife|"
            + "partner|spouse|son|daughter|child|kid|baby|brother|sister|grandmother|grandfather|grandma|granny|"
            + "grandpa|nan|nana|aunt|auntie|uncle|cousin|niece|nephew|fianc[ée]e?|boyfriend|girlfriend|friend|"
            + "best friend|parents?|family member|loved one|father-in-law|mother-in-law|stepfather|stepmother|stepdad|"
            + "stepmom|stepmum|twin)";
    private static final String NOT_POSSESSIVE = "(?!['’]s\\b)";
    private static final String CANT = "(?:can't|can’t|cannot|can not|unable to|couldn't|couldn’t|could not)";

    private static final Map<SensitiveSituation, List<Pattern>> PATTERNS = new EnumMap<>(SensitiveSituation.class);
    private static final Map<SensitiveSituation, List<Pattern>> EXCEPTIONS = new EnumMap<>(SensitiveSituation.class);

    static {
        PATTERNS.put(SensitiveSituation.SELF_HARM, compile(
                "\\b(?:kill|killing|hurt|hurting|harm|harming|cut|cutting)\\s+myself\\b",
                "\\bsuicid(?:e|al)\\b",
                "\\bend(?:ing)?\\s+(?:it\\s+all|my\\s+(?:own\\s+)?life|things\\s+for\\s+good)\\b",
                "\\btak(?:e|ing)\\s+my\\s+(?:own\\s+)?life\\b",
                "\\b(?:want|wanna|going|ready)\\s+to\\s+die\\b",
                "\\bwish\\s+i\\s+(?:was|were)\\s+dead\\b",
                "\\bbetter\\s+off\\s+(?:dead|without\\s+me)\\b",
                "\\b(?:don't|do not|don’t)\\s+want\\s+to\\s+(?:live|be\\s+alive|be\\s+here\\s+any\\s?more|go\\s+on)\\b",
                "\\bno\\s+(?:reason|point)\\s+(?:to|in)\\s+(?:live|living|going\\s+on)\\b",
                "\\b(?:can't|can’t|cannot)\\s+go\\s+on\\s+(?:any\\s?more|like\\s+this|living)\\b",
                "\\b(?:life\\s+is\\s+)?not\\s+worth\\s+living\\b",
                "\\bself[- ]harm(?:ing)?\\b",
                "\\boverdos(?:e|ing)\\b"));
        PATTERNS.put(SensitiveSituation.BEREAVEMENT, compile(
                "\\bpass(?:ed)?\\s+away\\b",
                "\\b(?:he|she)\\s+(?:has\\s+|had\\s+|recently\\s+|sadly\\s+|just\\s+)+passed\\b(?!\\s+(?:the|a|an|my|"
                        + "your|our|his|her|it|through|by|on\\s+to|out)\\b)",
                "\\b(?:my|our)\\s+(?:\\w+\\s+)?" + PERSON + "\\s+(?:\\w+\\s+){0,2}(?:died|has\\s+died|was\\s+killed|"
                        + "is\\s+dead|passed)\\b",
                "\\b(?:death|passing|funeral|loss)\\s+of\\s+(?:my|our)\\s+(?:\\w+\\s+)?" + PERSON + "\\b"
                        + NOT_POSSESSIVE,
                "\\b(?:lost|losing)\\s+(?:my|our)\\s+(?:\\w+\\s+)?" + PERSON + "\\b" + NOT_POSSESSIVE + "(?!\\s+(?:in|"
                        + "at)\\s+the\\s+(?:store|shop|crowd|airport))",
                "\\bbereave(?:d|ment)\\b",
                "\\bfuneral\\b",
                "\\bwidow(?:ed|er)?\\b",
                "\\b(?:late|deceased)\\s+(?:husband|wife|father|mother|dad|mum|mom|partner|son|daughter|brother|sister|"
                        + "grandmother|grandfather|parents?)\\b",
                "\\bdeceased\\b",
                "\\bdeath\\s+certificate\\b",
                "\\bexecutor\\b",
                "\\bestate\\s+of\\s+(?:my|the\\s+late)\\b"));
        PATTERNS.put(SensitiveSituation.SERIOUS_ILLNESS, compile(
                "\\bchemo(?:therapy)?\\b",
                "\\bradiotherapy\\b|\\bradiation\\s+(?:therapy|treatment)\\b",
                "\\bcancer\\b|\\btumou?r\\b|\\bleuka?emia\\b|\\blymphoma\\b",
                "\\bdiagnosed\\s+with\\b",
                "\\bterminal(?:ly)?\\s+ill\\b|\\bterminal\\s+(?:illness|cancer|diagnosis|condition)\\b",
                "\\b(?:in|into|from|out\\s+of)\\s+(?:the\\s+)?hospital\\b|\\bhospitali[sz]ed\\b|\\bhospice\\b",
                "\\bintensive\\s+care\\b|\\bICU\\b",
                "\\b(?:had|having|have|undergo(?:ing)?|after|recovering\\s+from|need|needs|scheduled\\s+for|major|"
                        + "emergency)\\s+(?:\\w+\\s+)?surgery\\b",
                "\\b(?:had|suffered|having|survived)\\s+(?:a\\s+|another\\s+)?(?:stroke|heart\\s+attack|seizure)\\b",
                "\\bdialysis\\b",
                "\\b(?:seriously|critically|terminally|gravely)\\s+ill\\b|\\blife[- ]threatening\\b|"
                        + "\\blife\\s+support\\b",
                "\\bmiscarriage\\b"));
        PATTERNS.put(SensitiveSituation.FINANCIAL_HARDSHIP, compile(
                "\\b(?:lost|losing)\\s+my\\s+(?:job|income|house|home|livelihood)\\b",
                "\\blaid\\s+off\\b|\\b(?:made|been\\s+made)\\s+redundant\\b",
                "\\bunemployed\\b|\\bout\\s+of\\s+work\\b|\\bjobless\\b",
                "\\b" + CANT + "\\s+(?:even\\s+)?afford\\b(?!\\s+to\\s+(?:miss|wait|risk|lose\\s+time|waste|deal|"
                        + "be\\s+late))",
                "\\b(?:i|we)(?:'m|’m|'re|’re|'ve|’ve|\\s+am|\\s+are|\\s+have|\\s+had|\\s+went|"
                        + "\\s+just)?\\s+(?:\\w+\\s+)?(?:bankrupt|insolvent)\\b",
                "\\b(?:my|our)\\s+(?:\\w+\\s+)?(?:bankruptcy|insolvency)\\b",
                "\\b(?:filed|filing|file|declared|declare|declaring)\\s+(?:for\\s+)?(?:personal\\s+)?(?:bankruptcy|"
                        + "insolvency)\\b",
                "\\bbehind\\s+on\\s+(?:my\\s+|the\\s+|our\\s+)?(?:rent|bills|payments|mortgage)\\b",
                "\\b(?:financial(?:ly)?|money)\\s+(?:hardship|difficult(?:y|ies)|struggles?|trouble|problems)\\b",
                "\\bstruggling\\s+(?:financially|to\\s+pay|to\\s+make\\s+ends\\s+meet|with\\s+(?:money|bills|debt))\\b",
                "\\bdebt\\s+collect(?:or|ors|ion)\\b|\\bin\\s+debt\\b|\\bmy\\s+debts\\b",
                "\\bevict(?:ed|ion)\\b",
                "\\bfood\\s+bank\\b",
                "\\b(?:on|living\\s+on)\\s+(?:benefits|welfare|universal\\s+credit|food\\s+stamps|"
                        + "disability\\s+benefits)\\b",
                "\\bpaycheck\\s+to\\s+paycheck\\b|\\bmake\\s+ends\\s+meet\\b",
                "\\b(?:i'm|i’m|i\\s+am|we're|we’re|we\\s+are)\\s+(?:completely\\s+|totally\\s+|flat\\s+|"
                        + "so\\s+)?broke\\b",
                "\\bno\\s+money\\s+(?:left|for\\s+(?:food|rent|bills))\\b",
                "\\b" + CANT + "\\s+pay\\b(?=[^.!?\\n]*\\b(?:any\\s?more|right\\s+now|at\\s+the\\s+moment|"
                        + "this\\s+month|until|rent|bills|mortgage|job|income|money)\\b)(?![^.!?\\n]*\\b(?:online|"
                        + "website|app|checkout|button|page|error|link|card\\s+(?:is|was)\\s+declined)\\b)"));
        PATTERNS.put(SensitiveSituation.LEGAL_THREAT, compile(
                "\\b(?:will|going\\s+to|gonna|shall|would|might|could|'ll|’ll|plan\\s+to|intend\\s+to|"
                        + "threaten(?:ing)?\\s+to|prepared\\s+to|ready\\s+to|right\\s+to)\\s+(?:\\w+\\s+)?sue\\b",
                "\\bsue\\s+(?:you|your|u|the\\s+company|them|you\\s+guys)\\b",
                "\\bsuing\\b",
                "\\blaw\\s?suit\\b|\\blegal\\s+(?:action|proceedings|steps)\\b|\\bsmall\\s+claims\\b|"
                        + "\\bclass\\s+action\\b",
                "\\b(?:take|taking|see)\\s+(?:you|this|them|the\\s+company|it)\\s+(?:\\w+\\s+)?(?:to|in)\\s+court\\b|"
                        + "\\bcourt\\s+case\\b",
                "\\bcease\\s+and\\s+desist\\b|\\bbreach\\s+of\\s+contract\\b",
                "\\bmy\\s+(?:lawyer|attorney|solicitor|legal\\s+(?:team|counsel|representative|advisor|adviser))\\b",
                "\\b(?:contact|contacting|consult|consulting|call|calling|hire|hiring|speak\\s+to|speaking\\s+to|get|"
                        + "getting|involve|involving)\\s+(?:a\\s+|an\\s+|my\\s+)?(?:lawyer|attorney|solicitor)\\b|"
                        + "\\blawyer(?:ed|ing)?\\s+up\\b",
                "\\breport(?:ing)?\\s+(?:you|this|them|it|the\\s+company)\\s+to\\s+(?:the\\s+)?(?:bbb|"
                        + "better\\s+business\\s+bureau|ftc|cfpb|ombudsman|trading\\s+standards|regulator|"
                        + "consumer\\s+protection|attorney\\s+general)\\b",
                "\\b(?:file|filing|lodge|lodging|submit|submitting)\\s+a\\s+(?:formal\\s+)?(?:complaint|"
                        + "claim)\\s+with\\s+(?:the\\s+)?(?:bbb|ftc|cfpb|ombudsman|regulator|attorney\\s+general|"
                        + "trading\\s+standards)\\b"));

        EXCEPTIONS.put(SensitiveSituation.SERIOUS_ILLNESS, compile(
                "\\b(?:almost|nearly|practically|basically|like|about\\s+to|going\\s+to)\\s+(?:had|have|having|"
                        + "gave\\s+me)\\s+(?:a\\s+)?(?:stroke|heart\\s+attack|seizure)\\b"));
        // "I would have lost my job by now": said of someone else's mistakes, not the customer's situation
        EXCEPTIONS.put(SensitiveSituation.FINANCIAL_HARDSHIP, compile(
                "\\b(?:would|could|might)(?:\\s+have|'ve|’ve)?\\s+(?:\\w+\\s+)?(?:lost|been\\s+laid\\s+off|"
                        + "gone\\s+bankrupt)\\b[^.!?\\n]{0,20}"));
        EXCEPTIONS.put(SensitiveSituation.LEGAL_THREAT, compile(
                "(?-i)\\bSue\\b(?!\\s+(?:you|your|u|them|the\\s+company|you\\s+guys)\\b)", // a colleague called Sue
                "\\b(?:not|never|won't|won’t|don't|don’t|do\\s+not|wouldn't|wouldn’t|no\\s+intention\\s+to|"
                        + "not\\s+going\\s+to)\\s+(?:\\w+\\s+){0,3}(?:sue|suing|legal\\s+action|court|lawyer|attorney|"
                        + "solicitor)\\b"));
    }

    /** The flags for the ticket's customer messages and subject, self-harm first; none when nothing is found. */
    public List<Flag> detect(Ticket ticket) {
        Map<SensitiveSituation, Set<String>> evidence = new EnumMap<>(SensitiveSituation.class);
        for (String text : Texts.customerTexts(ticket)) {
            for (Finding finding : find(text)) {
                evidence.computeIfAbsent(finding.situation(), s -> new LinkedHashSet<>()).addAll(finding.evidence());
            }
        }
        List<Flag> flags = new ArrayList<>();
        evidence.forEach((situation, words) -> flags.add(Flag.blocking(FlagKind.SENSITIVE_SITUATION,
                situation.label() + ": the customer wrote "
                        + Texts.quoteAll(List.copyOf(words).subList(0, Math.min(3, words.size()))) + ". "
                        + situation.advice())));
        return flags;
    }

    /** What the text shows, most urgent first. */
    public List<Finding> find(String text) {
        List<Finding> findings = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return findings;
        }
        for (SensitiveSituation situation : SensitiveSituation.values()) {
            List<int[]> spans = new ArrayList<>();
            for (Pattern pattern : PATTERNS.get(situation)) {
                Matcher m = pattern.matcher(text);
                while (m.find()) {
                    if (!excepted(situation, text, m.start(), m.end())) {
                        spans.add(new int[] {m.start(), m.end()});
                    }
                }
            }
            if (!spans.isEmpty()) {
                findings.add(new Finding(situation, quotes(text, spans)));
            }
        }
        return findings;
    }

    /** Overlapping matches quoted once, as the longer phrase: "my father passed away", not also "passed away". */
    private static List<String> quotes(String text, List<int[]> spans) {
        spans.sort(Comparator.comparingInt(span -> span[0]));
        Set<String> quotes = new LinkedHashSet<>();
        int start = spans.getFirst()[0];
        int end = spans.getFirst()[1];
        for (int[] span : spans.subList(1, spans.size())) {
            if (span[0] < end) {
                end = Math.max(end, span[1]);
            } else {
                quotes.add(text.substring(start, end).strip());
                start = span[0];
                end = span[1];
            }
        }
        quotes.add(text.substring(start, end).strip());
        return List.copyOf(quotes);
    }

    /** An exception that overlaps the match, e.g. "nearly gave me a heart attack" or "I won't sue". */
    private static boolean excepted(SensitiveSituation situation, String text, int start, int end) {
        for (Pattern exception : EXCEPTIONS.getOrDefault(situation, List.of())) {
            Matcher m = exception.matcher(text);
            while (m.find()) {
                if (m.start() < end && m.end() > start) {
                    return true;
                }
            }
        }
        return false;
    }

    private static List<Pattern> compile(String... regexes) {
        List<Pattern> patterns = new ArrayList<>();
        for (String regex : regexes) {
            patterns.add(Pattern.compile(regex, FLAGS));
        }
        return List.copyOf(patterns);
    }
}
