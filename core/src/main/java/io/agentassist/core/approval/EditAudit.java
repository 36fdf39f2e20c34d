package io.agentassist.core.approval;

/**
 * How much the agent changed a suggestion before approving it, kept with every approval so review can tell
 * "sent as suggested" from "rewritten" without storing a diff. {@code distance} is the character-level
 * {@link EditDistance} from the assistant's text to the approved text; {@code ratio} is distance divided by
 * the longer of the two lengths (0 = unchanged, 1 = nothing kept).
 */
public record EditAudit(int distance, double ratio) {
    public EditAudit {
        if (distance < 0) {
            throw new IllegalArgumentException("distance must not be negative: " + distance);
        }
        if (!(ratio >= 0.0 && ratio <= 1.0)) {
            throw new IllegalArgumentException("ratio must be between 0 and 1: " + ratio);
        }
    }

    /** The figures for approving {@code finalText} where the assistant had suggested {@code aiText}. */
    public static EditAudit between(String aiText, String finalText) {
        return new EditAudit(EditDistance.between(aiText, finalText), EditDistance.ratio(aiText, finalText));
    }
}
