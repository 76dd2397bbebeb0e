package org.viosbench.protocol;

/** When a request with expected responses is complete. Wire codes are stable. */
public enum CompletionPolicy {
    /** Every expected responder has answered (the default). */
    ALL(0),
    /** The first successful response completes the request. */
    FIRST(1),
    /** {@code required} of the {@code expected} responses complete the request. */
    N_OF_M(2);

    private final int code;

    CompletionPolicy(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    /** The policy with wire code {@code code}, or null when unknown. */
    public static CompletionPolicy fromCode(int code) {
        for (CompletionPolicy p : values()) {
            if (p.code == code) {
                return p;
            }
        }
        return null;
    }
}
