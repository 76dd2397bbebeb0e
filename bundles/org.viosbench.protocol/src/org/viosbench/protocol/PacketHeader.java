package org.viosbench.protocol;

import java.util.Arrays;
import java.util.Objects;

import io.netty.buffer.ByteBuf;

/**
 * The header fields of a packet, immutable. Lengths and checksums are not stored: the encoder
 * computes them and the decoder checks them.
 */
public final class PacketHeader {
    private static final int[] NONE = new int[0];
    private static final byte[] NO_EXTENSION = new byte[0];

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
    /** Header bytes after the destination list (fields of a newer minor version), kept as read; usually empty. */
    private final byte[] extension;

    /**
     * @param flags        the {@code Wire.FLAG_*} bits
     * @param destinations the destination VIOS ids; empty for a broadcast (copied)
     */
    public PacketHeader(MessageType type, int flags, int source, long messageId, int sequence, int... destinations) {
        this(Wire.VERSION_MINOR, type, flags, source, messageId, sequence, destinations.clone(), destinations.length,
                destinations.length == 0 ? 0 : destinations[0], NO_EXTENSION);
    }

    /**
     * Used by the decoder: {@code destinations} holds the ids when there are two or more (the
     * decoder's own array), else it is null and {@code first} is the only one (if count is 1).
     */
    PacketHeader(int versionMinor, MessageType type, int flags, int source, long messageId, int sequence,
            int[] destinations, int count, int first, byte[] extension) {
        this.versionMinor = versionMinor;
        this.extension = extension;
        this.type = Objects.requireNonNull(type, "type");
        this.flags = flags;
        this.source = source;
        this.messageId = messageId;
        this.sequence = sequence;
        this.destinationCount = count;
        this.destination0 = first;
        this.destinations = count >= 2 ? destinations : null;
    }

    /**
     * This header written as minor version {@code minor}, with {@code extension} (copied) as the header
     * fields that minor adds after the destination list. A reader of 1.0 skips them (docs/protocol.md,
     * Versioning), and a VKE forwards them unchanged.
     *
     * @throws IllegalArgumentException when the minor is not 0..255, the extension is not a multiple of
     *                                  4 bytes, minor 0 has an extension, or the header would exceed its limit
     */
    public PacketHeader withVersion(int minor, byte[] extension) {
        if (minor < 0 || minor > 0xFF) {
            throw new IllegalArgumentException("minor version must be 0..255, not " + minor);
        }
        if (extension.length % 4 != 0) {
            throw new IllegalArgumentException("header extension of " + extension.length + " bytes, not a multiple of 4");
        }
        if (extension.length > 0 && minor <= Wire.VERSION_MINOR) {
            throw new IllegalArgumentException("minor version " + minor + " has no header fields after the destinations");
        }
        if (Wire.headerLength(destinationCount) + extension.length > Wire.MAX_HEADER_LENGTH) {
            throw new IllegalArgumentException("header of " + (Wire.headerLength(destinationCount) + extension.length)
                    + " bytes, the limit is " + Wire.MAX_HEADER_LENGTH);
        }
        return new PacketHeader(minor, type, flags, source, messageId, sequence, destinations, destinationCount, destination0,
                extension.length == 0 ? NO_EXTENSION : extension.clone());
    }

    /** The header bytes after the destination list (fields of a newer minor version); empty for 1.0. */
    public byte[] extension() {
        return extension.length == 0 ? extension : extension.clone();
    }

    /** Bytes of {@link #extension()}, without copying it. */
    public int extensionLength() {
        return extension.length;
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

    /** Bytes this header takes on the wire: the 1.0 layout plus any extension of a newer minor. */
    public int encodedLength() {
        return Wire.headerLength(destinationCount) + extension.length;
    }

    /** Writes the extension bytes (for the encoder). */
    void writeExtension(ByteBuf out) {
        out.writeBytes(extension);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PacketHeader h && h.versionMinor == versionMinor && h.type == type && h.flags == flags
                && h.source == source && h.messageId == messageId && h.sequence == sequence
                && Arrays.equals(h.destinations(), destinations()) && Arrays.equals(h.extension, extension);
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
