package io.agentassist.knowledge.search;

/**
 * Whether two normalised words are the same word typed slightly differently: short words must be equal
 * ("Tang"/"Tank" no), words of five letters may differ by one edit ("Hobsns"/"Hobsons" yes), words of eight
 * by two ("accomodation"/"accommodation" yes); the shorter word decides. By this rule alone "Hilton" and
 * "Hinton" are the same word: {@link MentionFinder} does not read a word as a typo when it is spelled exactly
 * as a word of some name.
 */
final class WordSimilarity {
    static final int MIN_LENGTH_FOR_ONE_EDIT = 5;
    static final int MIN_LENGTH_FOR_TWO_EDITS = 8;

    private WordSimilarity() {
    }

    static boolean matches(String a, String b) {
        if (a.equals(b)) {
            return true;
        }
        int shorter = Math.min(a.length(), b.length());
        int allowed = shorter >= MIN_LENGTH_FOR_TWO_EDITS ? 2 : shorter >= MIN_LENGTH_FOR_ONE_EDIT ? 1 : 0;
        return allowed > 0 && Math.abs(a.length() - b.length()) <= allowed && distance(a, b, allowed) <= allowed;
    }

    /** Levenshtein distance, giving up early once it exceeds {@code limit}. */
    static int distance(String a, String b, int limit) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            int rowMin = current[0];
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                rowMin = Math.min(rowMin, current[j]);
            }
            if (rowMin > limit) {
                return limit + 1;
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
