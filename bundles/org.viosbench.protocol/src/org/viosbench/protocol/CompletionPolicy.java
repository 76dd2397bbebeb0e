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
        return code >= 0 && code < BY_CODE.length ? BY_CODE[code] : null;
    }

    private static final CompletionPolicy[] BY_CODE = new CompletionPolicy[256];

    static {
        for (CompletionPolicy v : values()) {
            if (BY_CODE[v.code] != null) {
                throw new ExceptionInInitializerError("duplicate wire code " + v.code);
            }
            BY_CODE[v.code] = v;
        }
    }
}
