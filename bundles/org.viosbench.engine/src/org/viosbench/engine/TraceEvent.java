package org.viosbench.engine;

import java.util.Arrays;
import java.util.Objects;

import org.viosbench.protocol.MessageType;
import org.viosbench.protocol.Wire;

/**
 * One hop of one packet. {@code timeNanos} is the trace's clock; {@code peer} is the other VIOS
 * involved (destination, source or responder) or -1; {@code bytes} the packet size or -1;
 * {@code outcome} a short word ("ok", an errno, a decode error) or null.
 * <p>
 * The facts of the packet the event is about come with it, so that no consumer re-derives them:
 * its message {@code type} (null when the event is not about a packet, e.g. a membership change)
 * and its header {@code flags} ({@link #response()}, {@link #error()}, {@link #broadcast()}).
 * Queue events (QUEUE_CREATE, TIMEOUT, SUSPECT, COMPLETE) are about the request, MATCH and its
 * kin about the response matched. A kcluster send (TRANSMIT) carries the {@code packet} bytes it
 * sent, broadcast included; every other event carries null. The bytes are never changed once
 * traced: do not write to them.
 */
public record TraceEvent(long timeNanos, int vios, Layer layer, TraceKind kind, long messageId, int peer, int bytes,
        String outcome, MessageType type, int flags, byte[] packet) {

    /** An event that is not about a packet whose facts are known. */
    public TraceEvent(long timeNanos, int vios, Layer layer, TraceKind kind, long messageId, int peer, int bytes, String outcome) {
        this(timeNanos, vios, layer, kind, messageId, peer, bytes, outcome, null, 0, null);
    }

    /** Whether the packet this event is about is a response (its header's RESPONSE flag): the one definition. */
    public boolean response() {
        return (flags & Wire.FLAG_RESPONSE) != 0;
    }

    /** Whether the packet this event is about is an error response (its header's ERROR flag). */
    public boolean error() {
        return (flags & Wire.FLAG_ERROR) != 0;
    }

    /** Whether the packet this event is about was sent by cluster broadcast. */
    public boolean broadcast() {
        return (flags & Wire.FLAG_BROADCAST) != 0;
    }

    /** Whether the facts of a packet (type and flags) come with this event. */
    public boolean hasFacts() {
        return type != null;
    }

    /** This event with the packet facts {@code type} and {@code flags} (e.g. as a trace file of an older version implies them). */
    public TraceEvent withFacts(MessageType t, int f) {
        return new TraceEvent(timeNanos, vios, layer, kind, messageId, peer, bytes, outcome, t, f, packet);
    }

    /** This event carrying {@code bytes} as the packet it sent (TRANSMIT only). */
    public TraceEvent withPacket(byte[] sent) {
        if (sent != null && kind != TraceKind.TRANSMIT) {
            throw new IllegalArgumentException("a " + kind + " event cannot carry a packet; only kcluster sends (TRANSMIT) do");
        }
        return new TraceEvent(timeNanos, vios, layer, kind, messageId, peer, bytes, outcome, type, flags, sent);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TraceEvent e && timeNanos == e.timeNanos && vios == e.vios && layer == e.layer && kind == e.kind
                && messageId == e.messageId && peer == e.peer && bytes == e.bytes && Objects.equals(outcome, e.outcome)
                && type == e.type && flags == e.flags && Arrays.equals(packet, e.packet);
    }

    @Override
    public int hashCode() {
        return Objects.hash(timeNanos, vios, layer, kind, messageId, peer, bytes, outcome, type, flags) * 31 + Arrays.hashCode(packet);
    }

    @Override
    public String toString() {
        return "TraceEvent[t=" + timeNanos + " vios=" + Integer.toUnsignedString(vios) + " " + layer + " " + kind + " msg="
                + (messageId == -1 ? "-1" : MessageIds.label(messageId)) + " peer=" + peer + " bytes=" + bytes + " " + outcome
                + (type == null ? "" : " " + type + (response() ? " response" : " request") + (error() ? " error" : ""))
                + (packet == null ? "" : " +packet") + "]";
    }
}
