package io.agentassist.knowledge.search;

import io.agentassist.knowledge.index.IndexFields;
import java.io.IOException;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.KnnVectorValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;

/** Reads a passage's stored embedding to tell how similar it is to a query, on the same scale for every search. */
final class PassageVectors {
    private PassageVectors() {
    }

    /** Cosine similarity (vectors are unit length, so the dot product); NaN if the passage has no vector. */
    static double similarity(IndexReader reader, int doc, float[] query) throws IOException {
        LeafReaderContext leaf = reader.leaves().get(ReaderUtil.subIndex(doc, reader.leaves()));
        FloatVectorValues values = leaf.reader().getFloatVectorValues(IndexFields.VECTOR);
        if (values == null) {
            return Double.NaN;
        }
        int target = doc - leaf.docBase;
        KnnVectorValues.DocIndexIterator iterator = values.iterator();
        if (iterator.advance(target) != target) {
            return Double.NaN;
        }
        float[] vector = values.vectorValue(iterator.index());
        double dot = 0;
        for (int i = 0; i < vector.length; i++) {
            dot += vector[i] * query[i];
        }
        return dot;
    }
}
