package io.agentassist.core.assist.guardrails;

import io.agentassist.core.model.Flag;
import io.agentassist.core.model.FlagKind;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The customer must never read our instructions, nor the assistant talking about itself or its sources
 * ("as an AI language model", "according to passage [2]", "the passages above"). Two signs are checked: a
 * long run of words copied verbatim from the instruction text (and found in neither a passage nor the
 * ticket, which the reply may legitimately quote), and phrases only an assistant addressing its operator
 * would write.
 */
final class PromptLeakCheck {

    private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+(?:['’][\\p{L}]+)?");
    private static final List<Pattern> META_PHRASES = List.of(
            Pattern.compile("\\bas an? (?:ai|artificial intelligence)(?: language model| model| assistant| system)?\\b",
                    FLAGS),
            Pattern.compile("\\bi(?:'m|’m| am) (?:only |just )?an? (?:ai|artificial intelligence|"
                    + "(?:large )?language model|llm|virtual assistant|chatbot|bot)\\b", FLAGS),
            Pattern.compile("\\b(?:large )?language model\\b", FLAGS),
            Pattern.compile("\\bthe (?:passages?|excerpts?|snippets?|documents?|context|sources?|articles?) (?:above|"
                    + "below|provided|given|you (?:gave|provided|shared)|i was given)\\b", FLAGS),
            Pattern.compile("\\b(?:provided|given|retrieved|supplied) (?:passages?|excerpts?|context|documents?|"
                    + "snippets?|knowledge(?: base)? (?:articles?|excerpts?|passages?))\\b", FLAGS),
            Pattern.compile("\\bpassages? \\[?\\d{1,3}\\]?", FLAGS),
            Pattern.compile("\\b(?:(?:in|from|per)|(?:none|any|all|some|one|each|neither|either)\\s+of)\\s+(?:the|"
                    + "these|those|my|your)\\s+passages\\b", FLAGS),
            Pattern.compile("\\bsystem prompt\\b", FLAGS),
            Pattern.compile("\\b(?:my|these|your) instructions\\b", FLAGS),
            Pattern.compile("\\bi (?:was|have been|am|’ve been|'ve been) (?:instructed|told|programmed|prompted) to\\b",
                    FLAGS),
            Pattern.compile("\\b(?:my training data|knowledge cut-?off)\\b", FLAGS),
            Pattern.compile("^\\s*(?:here is|here's|here’s) (?:a |the |my )?(?:draft|suggested|possible|"
                    + "proposed) (?:reply|response|answer)\\b", FLAGS | Pattern.MULTILINE));

    private PromptLeakCheck() {
    }

    static List<Flag> leaks(DraftUnderCheck draft, int runWords) {
        List<Flag> flags = new ArrayList<>();
        for (String run : verbatimRuns(draft, runWords)) {
            flags.add(Flag.blocking(FlagKind.PROMPT_LEAK, "The draft repeats our instructions to the assistant word "
                    + "for word: " + Texts.quote(run) + ". The customer must not see them: remove this text."));
        }
        Set<String> phrases = new LinkedHashSet<>();
        for (Pattern phrase : META_PHRASES) {
            Matcher m = phrase.matcher(draft.draftText());
            while (m.find()) {
                phrases.add(m.group().strip());
            }
        }
        for (String phrase : dropContained(phrases)) {
            flags.add(Flag.blocking(FlagKind.PROMPT_LEAK, "The draft talks about the assistant or its sources ("
                    + Texts.quote(phrase) + "), which the customer should not read. Reword it as you would say it, or "
                    + "remove it."));
        }
        return flags;
    }

    private static List<String> verbatimRuns(DraftUnderCheck draft, int n) {
        if (draft.promptText().isBlank()) {
            return List.of();
        }
        Set<String> promptShingles = shingles(words(draft.promptText()), n);
        if (promptShingles.isEmpty()) {
            return List.of();
        }
        Set<String> legitimate = new HashSet<>();
        for (PassageRef passage : draft.passages()) {
            legitimate.addAll(shingles(words(passage.text()), n));
        }
        for (String text : Texts.allTexts(draft.ticket())) {
            legitimate.addAll(shingles(words(text), n));
        }
        List<int[]> spans = new ArrayList<>();
        List<String> draftWords = new ArrayList<>();
        Matcher m = WORD.matcher(draft.draftText());
        while (m.find()) {
            spans.add(new int[] {m.start(), m.end()});
            draftWords.add(m.group().toLowerCase(Locale.ROOT));
        }
        boolean[] leaked = new boolean[draftWords.size()];
        for (int i = 0; i + n <= draftWords.size(); i++) {
            String shingle = String.join(" ", draftWords.subList(i, i + n));
            if (promptShingles.contains(shingle) && !legitimate.contains(shingle)) {
                for (int j = i; j < i + n; j++) {
                    leaked[j] = true;
                }
            }
        }
        List<String> runs = new ArrayList<>();
        for (int i = 0; i < leaked.length; i++) {
            if (leaked[i]) {
                int j = i;
                while (j + 1 < leaked.length && leaked[j + 1]) {
                    j++;
                }
                runs.add(draft.draftText().substring(spans.get(i)[0], spans.get(j)[1]));
                i = j;
            }
        }
        return runs;
    }

    private static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        Matcher m = WORD.matcher(text == null ? "" : text);
        while (m.find()) {
            words.add(m.group().toLowerCase(Locale.ROOT));
        }
        return words;
    }

    private static Set<String> shingles(List<String> words, int n) {
        Set<String> shingles = new HashSet<>();
        for (int i = 0; i + n <= words.size(); i++) {
            shingles.add(String.join(" ", words.subList(i, i + n)));
        }
        return shingles;
    }

    /** "passage [2]" is enough; "passages" found by a wider pattern at the same place adds nothing. */
    private static List<String> dropContained(Set<String> phrases) {
        List<String> kept = new ArrayList<>();
        for (String phrase : phrases) {
            String lower = phrase.toLowerCase(Locale.ROOT);
            boolean inside = phrases.stream().anyMatch(other -> !other.equals(phrase)
                    && other.toLowerCase(Locale.ROOT).contains(lower));
            if (!inside) {
                kept.add(phrase);
            }
        }
        return kept;
    }
}
