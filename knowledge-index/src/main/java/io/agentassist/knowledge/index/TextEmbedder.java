package io.agentassist.knowledge.index;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.bgesmallenv15q.BgeSmallEnV15QuantizedEmbeddingModel;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns text into unit-length vectors with an in-process model. Passages and queries go through different
 * methods because some models expect an instruction in front of queries.
 */
public final class TextEmbedder {
    private static final int BATCH = 64;

    private final EmbeddingModelChoice choice;
    private final EmbeddingModel model;

    private TextEmbedder(EmbeddingModelChoice choice, EmbeddingModel model) {
        this.choice = choice;
        this.model = model;
    }

    /** Loads the model's weights from its jar; takes well under a second. */
    public static TextEmbedder load(EmbeddingModelChoice choice) {
        EmbeddingModel model = switch (choice) {
            case MINILM -> new AllMiniLmL6V2QuantizedEmbeddingModel();
            case BGE_SMALL -> new BgeSmallEnV15QuantizedEmbeddingModel();
        };
        return new TextEmbedder(choice, model);
    }

    public EmbeddingModelChoice choice() {
        return choice;
    }

    public int dimension() {
        return model.dimension();
    }

    public float[] embedQuery(String text) {
        return normalized(model.embed(choice.queryPrefix() + text).content());
    }

    public float[] embedPassage(String text) {
        return normalized(model.embed(text).content());
    }

    /** Embeds passages in batches; the ONNX runtime spreads each batch over the available cores. */
    public List<float[]> embedPassages(List<String> texts) {
        List<float[]> vectors = new ArrayList<>(texts.size());
        for (int from = 0; from < texts.size(); from += BATCH) {
            List<TextSegment> batch = texts.subList(from, Math.min(texts.size(), from + BATCH)).stream()
                    .map(TextSegment::from)
                    .toList();
            for (Embedding embedding : model.embedAll(batch).content()) {
                vectors.add(normalized(embedding));
            }
        }
        return vectors;
    }

    private static float[] normalized(Embedding embedding) {
        float[] v = embedding.vector();
        double norm = 0;
        for (float x : v) {
            norm += x * x;
        }
        norm = Math.sqrt(norm);
        if (norm == 0) {
            return v;
        }
        float[] out = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = (float) (v[i] / norm);
        }
        return out;
    }
}
