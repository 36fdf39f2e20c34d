package io.agentassist.core.assist.guardrails;

import io.agentassist.core.model.Flag;
import io.agentassist.core.model.FlagKind;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A wrong figure is the costliest mistake a reply can make: "a refund of $49.99 within 2 days" when the
 * policy says 14 days is a promise the company then has to break. Every price, percentage, duration, date,
 * time and number in the draft must appear in a passage the sentence cites (in any passage when it cites
 * none) or in the ticket, where the customer's own order number, amount or date comes from. Spelling does
 * not matter ({@link Quantities}): "two weeks" is supported by "14 days".
 */
final class NumberCheck {

    private NumberCheck() {
    }

    static List<Flag> unsupportedNumbers(DraftUnderCheck draft, Set<String> ticketKeys) {
        Map<Integer, Set<String>> keysByMarker = new HashMap<>();
        Set<String> allPassageKeys = new HashSet<>();
        for (PassageRef passage : draft.passages()) {
            Set<String> keys = Quantities.keysOf(List.of(passage.title(), passage.text()));
            keysByMarker.computeIfAbsent(passage.marker(), m -> new HashSet<>()).addAll(keys);
            allPassageKeys.addAll(keys);
        }
        List<Flag> flags = new ArrayList<>();
        Set<String> reported = new HashSet<>();
        for (Sentences.Sentence sentence : Sentences.split(draft.draftText())) {
            List<Integer> cited = CitationMarkers.parse(sentence.text());
            Set<String> sources = new HashSet<>(ticketKeys);
            if (cited.isEmpty()) {
                sources.addAll(allPassageKeys);
            } else {
                cited.forEach(marker -> sources.addAll(keysByMarker.getOrDefault(marker, Set.of())));
            }
            for (Quantities.Quantity quantity : Quantities.find(sentence.text())) {
                if (Quantities.isSupported(quantity, sources) || !reported.add(quantity.surface())) {
                    continue;
                }
                flags.add(Flag.blocking(FlagKind.UNSUPPORTED_NUMBER,
                        explain(quantity, sentence, cited, draft.passages(), keysByMarker)));
            }
        }
        return flags;
    }

    private static String explain(Quantities.Quantity quantity, Sentences.Sentence sentence, List<Integer> cited,
                                  List<PassageRef> passages, Map<Integer, Set<String>> keysByMarker) {
        StringBuilder detail = new StringBuilder();
        detail.append(Texts.quote(quantity.surface())).append(" in ").append(Texts.quote(sentence.text()));
        if (passages.isEmpty()) {
            detail.append(" comes from no source: the assistant was given no passages, and the ticket does not mention "
                    + "it.");
        } else if (cited.isEmpty()) {
            detail.append(" appears in none of the passages and not in the ticket.");
        } else {
            detail.append(" appears neither in the cited passage").append(cited.size() > 1 ? "s " : " ")
                    .append(Texts.markers(cited)).append(" nor in the ticket.");
            Set<Integer> elsewhere = new LinkedHashSet<>();
            keysByMarker.forEach((marker, keys) -> {
                if (!cited.contains(marker) && Quantities.isSupported(quantity, keys)) {
                    elsewhere.add(marker);
                }
            });
            if (!elsewhere.isEmpty()) {
                detail.append(" Passage ").append(Texts.markers(List.copyOf(elsewhere)))
                        .append(" mentions it: the citation may be wrong.");
            }
        }
        detail.append(" Check the figure against the knowledge base before sending.");
        return detail.toString();
    }
}
