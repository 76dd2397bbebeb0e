package org.viosbench.trace;

import org.viosbench.json.InputException;

/**
 * A trace file was refused whole: {@link #where()} is "line L, column C", the problem what is wrong
 * there. (Trace files are read by a streaming parser, line by line, for their size; the refusal
 * is worded like every other input's.)
 */
public final class TraceFileException extends InputException {
    private static final long serialVersionUID = 1L;

    private final int line;
    private final int column;

    public TraceFileException(int line, int column, String problem) {
        super("line " + line + ", column " + column, problem);
        this.line = line;
        this.column = column;
    }

    public int line() {
        return line;
    }

    public int column() {
        return column;
    }
}
