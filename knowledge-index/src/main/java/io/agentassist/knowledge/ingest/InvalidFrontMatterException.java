package io.agentassist.knowledge.ingest;

/** Front matter that is not valid YAML; the message names the line so an admin can fix the file. */
final class InvalidFrontMatterException extends Exception {
    InvalidFrontMatterException(int line, String problem) {
        super("line " + line + ": " + problem);
    }

    InvalidFrontMatterException(String problem) {
        super(problem);
    }
}
