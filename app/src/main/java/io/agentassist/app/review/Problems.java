package io.agentassist.app.review;

/** Turns a failure into one line a lead can read: the message, or the kind of failure when it has none. */
final class Problems {
    private Problems() {
    }

    static String describe(Throwable failure) {
        Throwable shown = failure;
        while ((shown.getMessage() == null || shown.getMessage().isBlank()) && shown.getCause() != null) {
            shown = shown.getCause();
        }
        String message = shown.getMessage();
        return message == null || message.isBlank() ? shown.getClass().getSimpleName() : message;
    }
}
