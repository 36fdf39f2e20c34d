package io.agentassist.core.knowledge;

import java.util.List;

/**
 * The port through which core asks for knowledge. The Lucene implementation lives in the knowledge-index
 * module, so core never depends on a search engine.
 */
public interface KnowledgeSearch {

    /** Best passages first; ties are broken by chunk id so the order is deterministic. */
    List<KnowledgeHit> search(KnowledgeQuery query);
}
