package io.agentassist.knowledge.eval;

import java.nio.file.Path;

/**
 * An evaluation set that cannot be used as written. The message names the file, the line and what is
 * wrong, because eval sets are written by hand or by small scripts and the person running the evaluation
 * has to find and fix the line without a debugger.
 */
public final class EvalSetException extends RuntimeException {

    private final Path file;
    private final int line;

    /** A problem on one line; {@code line} counts from 1. */
    public EvalSetException(Path file, int line, String problem) {
        super(file + " line " + line + ": " + problem);
        this.file = file;
        this.line = line;
    }

    /** A problem with the file as a whole, such as having no items at all. */
    public EvalSetException(Path file, String problem) {
        super(file + ": " + problem);
        this.file = file;
        this.line = 0;
    }

    public Path file() {
        return file;
    }

    /** The line the problem is on, counting from 1; 0 when the problem is with the whole file. */
    public int line() {
        return line;
    }
}
