package org.viosbench.topology;

import org.viosbench.json.InputException;

/**
 * A topology file was refused as a whole: {@link #where()} is "line L, column C" for a syntax error
 * or a JSON path such as {@code /cecs/0/vioses/1/id} for content; the message says what is wrong.
 */
public final class TopologyFileException extends InputException {
    private static final long serialVersionUID = 1L;

    public TopologyFileException(String where, String problem) {
        super(where, problem);
    }

    TopologyFileException(InputException e) {
        super(e);
    }
}
