package io.agentassist.core.assist.guardrails;

import java.util.Objects;

/**
 * A passage that was in the prompt under marker {@code [marker]}. The guardrails check the draft against
 * exactly these passages: a citation, number or link the draft takes from anywhere else is not grounded.
 */
public record PassageRef(int marker, String articleId, String title, String text, String url) {
    public PassageRef {
        if (marker < 1) {
            throw new IllegalArgumentException("a passage marker is 1 or more, was " + marker);
        }
        articleId = articleId == null ? "" : articleId;
        title = title == null ? "" : title;
        text = Objects.requireNonNullElse(text, "");
        url = url == null ? "" : url;
    }
}
