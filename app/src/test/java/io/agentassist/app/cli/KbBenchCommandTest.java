package io.agentassist.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.agentassist.core.conversation.Conversation;
import io.agentassist.knowledge.ingest.Chunk;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class KbBenchCommandTest {
    private static final List<Chunk> CHUNKS = IntStream.range(0, 7)
            .mapToObj(i -> new Chunk("a" + i, "a" + i + "#0", "Title " + i, "", 0,
                    "Passage " + i + " starts here. It goes on."))
            .toList();

    @Test
    void generatedQueriesAreFirstSentencesAndRepeatable() {
        List<Conversation> first = KbBenchCommand.sentenceQueries(CHUNKS, 10);
        List<Conversation> second = KbBenchCommand.sentenceQueries(CHUNKS, 10);

        assertThat(first).hasSize(10).isEqualTo(second);
        assertThat(first).allSatisfy(q -> assertThat(q.latestCustomerTurn().orElseThrow().text())
                .matches("Passage \\d starts here\\."));
    }
}
