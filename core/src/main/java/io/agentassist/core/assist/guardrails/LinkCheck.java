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
 * A link is an instruction to the customer to go somewhere. A model can invent a plausible one
 * ("www.shop.example/refund-form") that leads nowhere, or somewhere nobody vetted. A link is known when it
 * is a passage's address or appears in a passage's text; scheme, "www.", a trailing slash and the
 * {@code #section} part do not matter, a passage's link may be shortened by its query, and the bare home page
 * of a known site is known too. A query the passages do not have ("?next=...") makes a link unknown.
 */
final class LinkCheck {

    static final Pattern LINK = Pattern.compile("(?:https?://|www\\.)[^\\s<>\"'\\])]+", Pattern.CASE_INSENSITIVE);
    private static final String TRAILING = ".,;:!?'\"”’";

    private LinkCheck() {
    }

    static List<Flag> unknownLinks(DraftUnderCheck draft) {
        Set<String> known = new HashSet<>();
        Set<String> knownHosts = new HashSet<>();
        for (PassageRef passage : draft.passages()) {
            List<String> links = new ArrayList<>(find(passage.text()));
            if (!passage.url().isBlank()) {
                links.add(passage.url().strip());
            }
            for (String link : links) {
                known.add(normalise(link, true));
                known.add(normalise(link, false));
                knownHosts.add(host(normalise(link, false)));
            }
        }
        Set<String> unknown = new LinkedHashSet<>();
        for (String link : find(draft.draftText())) {
            String normalised = normalise(link, true);
            boolean homePage = !normalised.contains("/") && !normalised.contains("?")
                    && knownHosts.contains(normalised);
            if (!known.contains(normalised) && !homePage) {
                unknown.add(link);
            }
        }
        List<Flag> flags = new ArrayList<>();
        for (String link : unknown) {
            flags.add(Flag.blocking(FlagKind.UNKNOWN_LINK, "The link " + Texts.quote(link)
                    + " comes from none of the passages, so nobody has checked where it leads. Replace it with a link "
                    + "from the knowledge base, or remove it."));
        }
        return flags;
    }

    static List<String> find(String text) {
        List<String> links = new ArrayList<>();
        Matcher m = LINK.matcher(text == null ? "" : text);
        while (m.find()) {
            String link = m.group();
            while (!link.isEmpty() && TRAILING.indexOf(link.charAt(link.length() - 1)) >= 0) {
                link = link.substring(0, link.length() - 1);
            }
            links.add(link);
        }
        return links;
    }

    /** Lower-case host, no scheme, no "www.", no fragment, no trailing slash; the query kept only if asked. */
    private static String normalise(String link, boolean keepQuery) {
        String s = link.strip().replaceFirst("(?i)^https?://", "").replaceFirst("(?i)^www\\.", "");
        int hash = s.indexOf('#');
        if (hash >= 0) {
            s = s.substring(0, hash);
        }
        if (!keepQuery) {
            int query = s.indexOf('?');
            if (query >= 0) {
                s = s.substring(0, query);
            }
        }
        while (s.endsWith("/")) {
            s = s.substring(0, s.length() - 1);
        }
        int slash = s.indexOf('/');
        String hostPart = slash < 0 ? s : s.substring(0, slash);
        return hostPart.toLowerCase(Locale.ROOT) + (slash < 0 ? "" : s.substring(slash));
    }

    private static String host(String normalised) {
        int slash = normalised.indexOf('/');
        int query = normalised.indexOf('?');
        int end = slash < 0 ? normalised.length() : slash;
        if (query >= 0 && query < end) {
            end = query;
        }
        return normalised.substring(0, end);
    }
}
