package org.viosbench.trace;

import org.viosbench.json.InputException;

/**
 * A trace file was refused whole: {@link #line()} is the line, {@link #where()} says where in it
 * ("line L, column C" for its JSON, "line L, /field" for an event's content), the problem what is
 * wrong there.
 */
public final class TraceFileException extends InputException {
    private static final long serialVersionUID = 1L;

    private final int line;

    public TraceFileException(int line, String problem) {
        super("line " + line, problem);
        this.line = line;
    }

    /** A refusal of the file as a whole (not a regular file): line 0. */
    public TraceFileException(String where, String problem) {
        super(where, problem);
        this.line = 0;
    }

    /** {@code e}, found on line {@code line} (its where given in that line, when it does not say the line itself). */
    TraceFileException(int line, InputException e) {
        super(e.where().startsWith("line ") ? e.where() : "line " + line + ", " + e.where(), e.problem());
        this.line = line;
    }

    public int line() {
        return line;
    }
}
