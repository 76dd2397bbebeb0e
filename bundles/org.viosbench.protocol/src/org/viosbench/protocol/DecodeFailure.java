package org.viosbench.protocol;

import java.util.Objects;

/**
 * A malformed packet: what is wrong, at which byte offset from the start of the packet, and a
 * detail for people. Malformed input is data, not an exception: traces and views show it.
 */
public record DecodeFailure(DecodeError error, int offset, String detail, int length) implements Decoded {

    public DecodeFailure {
        Objects.requireNonNull(error, "error");
        Objects.requireNonNull(detail, "detail");
    }

    @Override
    public boolean ok() {
        return false;
    }

    /** One line: error, offset and detail. */
    public String message() {
        return error + " at byte " + offset + ": " + detail;
    }

    @Override
    public String toString() {
        return "DecodeFailure[" + message() + ", packet length " + length + "]";
    }
}
