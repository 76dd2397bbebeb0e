package org.viosbench.engine;

import org.viosbench.protocol.Errno;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/** What a handler answers: a payload, or an error code with a message for people. */
public record Reply(byte[] payload, int errorCode, String errorMessage) {
    /** {@link #errorCode()} of a successful reply. */
    public static final int NO_ERROR = -1;

    public Reply {
        Objects.requireNonNull(payload, "payload");
    }

    public static Reply ok(byte[] payload) {
        return new Reply(payload, NO_ERROR, null);
    }

    public static Reply error(Errno errno, String message) {
        return error(errno.code(), message);
    }

    public static Reply error(int code, String message) {
        if (code < 0 || code > 0xFFFF) {
            throw new IllegalArgumentException("error code must be 0..65535, not " + code);
        }
        String text = message == null ? "" : message;
        return new Reply(text.getBytes(StandardCharsets.UTF_8), code, text);
    }

    public boolean isError() {
        return errorCode != NO_ERROR;
    }
}
