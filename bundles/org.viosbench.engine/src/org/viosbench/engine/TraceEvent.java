package org.viosbench.engine;

/**
 * One hop of one packet. {@code timeNanos} is {@link System#nanoTime()}; {@code peer} is the other
 * VIOS involved (destination, source or responder) or -1; {@code bytes} the packet size or -1;
 * {@code outcome} a short word ("ok", an errno, a decode error) or null.
 */
public record TraceEvent(long timeNanos, int vios, Layer layer, TraceKind kind, long messageId, int peer, int bytes,
        String outcome) {
}
