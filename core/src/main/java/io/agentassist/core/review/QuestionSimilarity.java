package io.agentassist.core.review;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * How alike two customer questions are, from 0 (nothing in common) to 1 (the same), for {@link GapGrouping}.
 * Prepared once per set of questions, because a good measure depends on the set (a word every question
 * uses says little).
 */
@FunctionalInterface
public interface QuestionSimilarity {

    /** Similarities among {@code questions}; must be symmetric and deterministic. */
    Pairwise prepare(List<String> questions);

    /** Similarity of the questions at two indexes of the prepared list. */
    @FunctionalInterface
    interface Pairwise {
        double between(int a, int b);
    }

    /** The default: cosine of IDF-weighted content words, see {@link TermSimilarity}. */
    static QuestionSimilarity terms() {
        return new TermSimilarity();
    }

    /**
     * Cosine similarity of the vectors {@code embed} gives each question, clamped to [0, 1]: for a sentence
     * embedding model that the wiring injects (core knows no model). Its threshold must be tuned for it.
     */
    static QuestionSimilarity cosineOf(Function<String, float[]> embed) {
        Objects.requireNonNull(embed, "embed");
        return questions -> {
            List<float[]> vectors = new ArrayList<>(questions.size());
            for (String question : questions) {
                float[] v = embed.apply(question);
                double norm = 0;
                for (float x : v) {
                    norm += x * (double) x;
                }
                float[] unit = new float[v.length];
                double length = Math.sqrt(norm);
                for (int i = 0; i < v.length; i++) {
                    unit[i] = length == 0 ? 0f : (float) (v[i] / length);
                }
                vectors.add(unit);
            }
            return (a, b) -> {
                float[] x = vectors.get(a);
                float[] y = vectors.get(b);
                if (x.length != y.length) {
                    throw new IllegalStateException("embeddings of different sizes: " + x.length + " and " + y.length);
                }
                double dot = 0;
                for (int i = 0; i < x.length; i++) {
                    dot += x[i] * (double) y[i];
                }
                return Math.clamp(dot, 0.0, 1.0);
            };
        };
    }
}
