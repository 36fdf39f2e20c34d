package io.agentassist.knowledge.ingest;

import java.util.List;

/** PLACEHOLDER — being written (ingest helper). Splits an article into passages by headings and paragraphs. */
public final class Chunker {
    public List<Chunk> chunk(Article article) {
        return List.of(new Chunk(article.id(), Chunk.chunkId(article.id(), 0), article.title(), "", 0, article.body()));
    }
}
