package org.viosbench.trace;

/** A trace file was refused whole: the line and column, and what is wrong there. */
public final class TraceFileException extends Exception {
    private static final long serialVersionUID = 1L;

    private final int line;
    private final int column;

    public TraceFileException(int line, int column, String problem) {
        super("line " + line + ", column " + column + ": " + problem);
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
