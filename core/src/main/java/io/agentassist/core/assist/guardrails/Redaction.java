package io.agentassist.core.assist.guardrails;

import java.util.List;
import java.util.Objects;

/**
 * One text with its personal data replaced by placeholders, ready for the prompt. {@link #restore(String)}
 * puts the real values back into what the model wrote, using the vault that made the placeholders, so a
 * placeholder from another message of the same ticket is restored too.
 */
public final class Redaction {

    /** One replaced value: where it stood in the original text, its kind, and its placeholder. */
    public record Replacement(PiiKind kind, int start, int end, String placeholder) {
    }

    private final String text;
    private final List<Replacement> replacements;
    private final PiiVault vault;

    Redaction(String text, List<Replacement> replacements, PiiVault vault) {
        this.text = Objects.requireNonNull(text, "text");
        this.replacements = List.copyOf(replacements);
        this.vault = Objects.requireNonNull(vault, "vault");
    }

    /** The text to send to the model: no real value of the kinds in {@link PiiKind} is left in it. */
    public String text() {
        return text;
    }

    /** What was replaced, in the order it appeared; positions refer to the original text. */
    public List<Replacement> replacements() {
        return replacements;
    }

    /** The model's output with the real values back in place of the placeholders. */
    public String restore(String modelOutput) {
        return vault.restore(modelOutput);
    }

    @Override
    public String toString() {
        return "Redaction{" + replacements.size() + " replaced}"; // the redacted text is safe, the values are not
    }
}
