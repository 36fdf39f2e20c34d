package io.agentassist.knowledge.eval;

import java.util.List;

/** The outcome of one evaluation run: how many queries were asked, and the metrics of each mode in the order asked. */
public record EvalReport(int queries, List<ModeMetrics> results) {

    public EvalReport {
        results = List.copyOf(results);
    }
}
