package io.agentassist.core.assist.reply;

/**
 * Hears a suggestion as it streams in. {@link #progress} carries the whole text so far (personal details
 * already restored), so a view can simply show it. Exactly one of {@link #completed} or {@link #cancelled}
 * ends the stream; a model failure still ends in {@code completed}, with the offline draft and the problem.
 */
public interface SuggestionObserver {
    void progress(String textSoFar);

    default void retrying(String reason) {
    }

    void completed(Suggestion suggestion);

    default void cancelled() {
    }
}
