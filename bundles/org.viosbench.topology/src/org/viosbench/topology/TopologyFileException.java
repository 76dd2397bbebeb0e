package org.viosbench.topology;

/**
 * A topology file was refused as a whole: {@link #where()} is "line L, column C" for a syntax error
 * or a JSON path such as {@code /cecs/0/vioses/1/id} for content; the message says what is wrong.
 */
public final class TopologyFileException extends Exception {
    private static final long serialVersionUID = 1L;

    private final String where;
    private final String problem;

    public TopologyFileException(String where, String problem) {
        super(where + ": " + problem);
        this.where = where;
        this.problem = problem;
    }

    public String where() {
        return where;
    }

    public String problem() {
        return problem;
    }
}
