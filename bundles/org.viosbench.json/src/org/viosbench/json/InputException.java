package org.viosbench.json;

/**
 * Input refused as a whole — a file, a command's JSON, a form — with where the problem is and what
 * it is, said the same way everywhere: {@link #where()} is "line L, column C" for a syntax error, a
 * JSON path such as {@code /cecs/0/vioses/1/id} for content, or a form field's label; {@link
 * #problem()} says what is wrong. The message is "where: problem". Formats refine it (a topology
 * file's, a trace file's) so that callers can tell which input failed.
 */
public class InputException extends Exception {
    private static final long serialVersionUID = 1L;

    private final String where;
    private final String problem;

    public InputException(String where, String problem) {
        super(where + ": " + problem);
        this.where = where;
        this.problem = problem;
    }

    /** The same problem, from another input exception (a format's type for the generic reader's). */
    protected InputException(InputException e) {
        this(e.where(), e.problem());
        initCause(e.getCause());
    }

    public final String where() {
        return where;
    }

    public final String problem() {
        return problem;
    }
}
