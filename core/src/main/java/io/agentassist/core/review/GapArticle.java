package io.agentassist.core.review;

import java.util.Objects;
import java.util.Optional;

/**
 * A drafted knowledge article for one group of knowledge gaps, not yet saved: Markdown with YAML front matter
 * that says {@code status: draft}. Saving it ({@link ArticleDraftFolder}) never publishes or indexes it.
 *
 * @param fileName     a suggested file name: {@code gap-<date>-<title as words>.md}
 * @param mode         {@code "model"} or {@code "offline"} (the structured skeleton)
 * @param modelProblem why the skeleton stands in for a configured model, if it does
 */
public record GapArticle(int groupNumber, String title, String fileName, String markdown, String mode,
                         Optional<String> modelProblem) {
    public GapArticle {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(fileName, "fileName");
        Objects.requireNonNull(markdown, "markdown");
        Objects.requireNonNull(mode, "mode");
        modelProblem = modelProblem == null ? Optional.empty() : modelProblem;
    }
}
