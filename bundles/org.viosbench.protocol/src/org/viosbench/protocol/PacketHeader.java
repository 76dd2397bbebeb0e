package org.viosbench.protocol;

import java.util.Arrays;
import java.util.Objects;

/**
 * The header fields of a packet, immutable. Lengths and checksums are not stored: the encoder
 * computes them and the decoder checks them.
 */
public final class PacketHeader {
    private static final int[] NONE = new int[0];

    private final int versionMinor;
    private final MessageType type;
    private final int flags;
    private final int source;
    private final long messageId;
    private final int sequence;
    /** The destinations when there are two or more; null otherwise. */
    private final int[] destinations;
    /** The only destination when there is exactly one. */
    private final int destination0;
    private final int destinationCount;

    /**
     * @param flags        the {@code Wire.FLAG_*} bits
     * @param destinations the destination VIOS ids; empty for a broadcast (copied)
     */
    public PacketHeader(MessageType type, int flags, int source, long messageId, int sequence, int... destinations) {
        this(Wire.VERSION_MINOR, type, flags, source, messageId, sequence, destinations.clone(), destinations.length,
                destinations.length == 0 ? 0 : destinations[0]);
    }

    /**
     * Used by the decoder: {@code destinations} holds the ids when there are two or more (the
     * decoder's own array), else it is null and {@code first} is the only one (if count is 1).
     */
    PacketHeader(int versionMinor, MessageType type, int flags, int source, long messageId, int sequence,
            int[] destinations, int count, int first) {
        this.versionMinor = versionMinor;
        this.type = Objects.requireNonNull(type, "type");
        this.flags = flags;
        this.source = source;
        this.messageId = messageId;
        this.sequence = sequence;
        this.destinationCount = count;
        this.destination0 = first;
        this.destinations = count >= 2 ? destinations : null;
    }

    /** The minor version the packet was written with (readers accept any minor of major 1). */
    public int versionMinor() {
        return versionMinor;
    }

    public MessageType type() {
        return type;
    }

    public int flags() {
        return flags;
    }

    public boolean broadcast() {
        return (flags & Wire.FLAG_BROADCAST) != 0;
    }

    public boolean responseRequested() {
        return (flags & Wire.FLAG_RESPONSE_REQUESTED) != 0;
    }

    public boolean isResponse() {
        return (flags & Wire.FLAG_RESPONSE) != 0;
    }

    public boolean isError() {
        return (flags & Wire.FLAG_ERROR) != 0;
    }

    /** The sending VIOS id (unsigned 32 bits). */
    public int source() {
        return source;
    }

    /** Correlates a request with its responses; unique per sending VIOS. */
    public long messageId() {
        return messageId;
    }

    public int sequence() {
        return sequence;
    }

    public int destinationCount() {
        return destinationCount;
    }

    public int destination(int index) {
        if (destinations != null) {
            return destinations[index];
        }
        if (index != 0 || destinationCount == 0) {
            throw new IndexOutOfBoundsException("destination " + index + " of " + destinationCount);
        }
        return destination0;
    }

    /** A copy of the destination ids; empty for a broadcast. */
    public int[] destinations() {
        return destinations != null ? destinations.clone() : destinationCount == 0 ? NONE : new int[] { destination0 };
    }

    /** Whether {@code vios} is addressed: listed, or any VIOS for a broadcast. */
    public boolean addresses(int vios) {
        if (broadcast()) {
            return true;
        }
        for (int i = 0; i < destinationCount; i++) {
            if (destination(i) == vios) {
                return true;
            }
        }
        return false;
    }

    /** Bytes this header takes on the wire (version 1.0 layout). */
    public int encodedLength() {
        return Wire.headerLength(destinationCount);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PacketHeader h && h.versionMinor == versionMinor && h.type == type && h.flags == flags
                && h.source == source && h.messageId == messageId && h.sequence == sequence
                && Arrays.equals(h.destinations(), destinations());
    }

    @Override
    public int hashCode() {
        return Objects.hash(type, flags, source, messageId, sequence) * 31 + Arrays.hashCode(destinations());
    }

    @Override
    public String toString() {
        return "PacketHeader[" + type + (broadcast() ? " broadcast" : " to " + Arrays.toString(destinations()))
                + (responseRequested() ? " response-requested" : "") + (isResponse() ? " response" : "")
                + (isError() ? " error" : "") + ", source=" + Integer.toUnsignedString(source) + ", id="
                + Long.toUnsignedString(messageId) + ", seq=" + Integer.toUnsignedString(sequence) + "]";
    }
}
