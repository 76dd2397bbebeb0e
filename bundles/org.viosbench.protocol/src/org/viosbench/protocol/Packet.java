package org.viosbench.protocol;

import java.util.Objects;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;

/**
 * A VIOS cluster packet: header, sub-header and payload encapsulated in one message. The payload
 * is a read-only view; a decoded packet's payload shares the decoded bytes (no copy), so it is
 * valid as long as those bytes are, unless the decoder was asked to retain them, in which case
 * {@link #release()} gives them back.
 */
public final class Packet implements Decoded {
    private final PacketHeader header;
    private final SubHeader subHeader;
    /** Holds the payload at [payloadIndex, payloadIndex + payloadLength). */
    private final ByteBuf source;
    private final int payloadIndex;
    private final int payloadLength;
    private final boolean retained;

    /**
     * @throws IllegalArgumentException when the header flags and sub-header break the protocol's rules
     *                                  or a limit is exceeded
     */
    public Packet(PacketHeader header, SubHeader subHeader, ByteBuf payload) {
        this.header = Objects.requireNonNull(header, "header");
        this.subHeader = Objects.requireNonNull(subHeader, "subHeader");
        this.source = Objects.requireNonNull(payload, "payload");
        this.payloadIndex = payload.readerIndex();
        this.payloadLength = payload.readableBytes();
        this.retained = false;
        String problem = PacketRules.flagProblem(header.flags(), header.destinationCount());
        if (problem == null) {
            problem = PacketRules.entryProblem(header.flags(), subHeader);
        }
        if (problem == null && header.destinationCount() > Wire.MAX_DESTINATIONS) {
            problem = header.destinationCount() + " destinations, the limit is " + Wire.MAX_DESTINATIONS;
        }
        if (problem == null && payload.readableBytes() > Wire.MAX_PAYLOAD_LENGTH) {
            problem = "payload of " + payload.readableBytes() + " bytes, the limit is " + Wire.MAX_PAYLOAD_LENGTH;
        }
        if (problem == null && subHeader.encodedLength() > Wire.MAX_SUB_HEADER_LENGTH) {
            problem = "sub-header of " + subHeader.encodedLength() + " bytes, the limit is " + Wire.MAX_SUB_HEADER_LENGTH;
        }
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
    }

    /** A packet with a byte-array payload (wrapped, not copied). */
    public Packet(PacketHeader header, SubHeader subHeader, byte[] payload) {
        this(header, subHeader, Unpooled.wrappedBuffer(payload));
    }

    /**
     * Decoder path: the rules were checked on the wire already. The payload is the given range of
     * {@code source}, not copied; a {@code retained} source is released by {@link #release()}.
     */
    Packet(PacketHeader header, SubHeader subHeader, ByteBuf source, int payloadIndex, int payloadLength, boolean retained) {
        this.header = header;
        this.subHeader = subHeader;
        this.source = source;
        this.payloadIndex = payloadIndex;
        this.payloadLength = payloadLength;
        this.retained = retained;
    }

    /**
     * This packet over {@code copy}, another copy of its own encoding (as a system call's copy-out
     * makes): header and sub-header are shared, the payload is read from {@code copy}; nothing is
     * parsed again. The caller vouches that {@code copy} holds exactly this packet's bytes.
     *
     * @throws IllegalArgumentException when {@code copy} does not have this packet's length
     */
    public Packet withBytes(ByteBuf copy) {
        if (copy.readableBytes() != encodedLength()) {
            throw new IllegalArgumentException("copy has " + copy.readableBytes() + " bytes, the packet " + encodedLength());
        }
        return new Packet(header, subHeader, copy, copy.readerIndex() + encodedLength() - payloadLength, payloadLength, false);
    }

    /** This packet's header and sub-header with an empty payload: what may be kept after the payload's bytes are gone. */
    public Packet withoutPayload() {
        return new Packet(header, subHeader, Unpooled.EMPTY_BUFFER, 0, 0, false);
    }

    @Override
    public boolean ok() {
        return true;
    }

    public PacketHeader header() {
        return header;
    }

    public SubHeader subHeader() {
        return subHeader;
    }

    /** The payload, read-only; its reader index is independent of other callers'. */
    public ByteBuf payload() {
        return rawPayload().asReadOnly();
    }

    /** A copy of the payload bytes. */
    public byte[] payloadBytes() {
        byte[] out = new byte[payloadLength];
        source.getBytes(payloadIndex, out);
        return out;
    }

    /** The payload bytes themselves, for the encoder (not to be written to). */
    ByteBuf rawPayload() {
        return source.slice(payloadIndex, payloadLength);
    }

    public int payloadLength() {
        return payloadLength;
    }

    /** Total bytes on the wire (without stream framing). */
    public int encodedLength() {
        return header.encodedLength() + subHeader.encodedLength() + payloadLength;
    }

    /** Gives back retained payload bytes (see {@link PacketDecoder#decode(ByteBuf, boolean, boolean)}). */
    public void release() {
        if (retained && source.refCnt() > 0) {
            source.release();
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Packet p && p.header.equals(header) && p.subHeader.equals(subHeader) && p.rawPayload().equals(rawPayload());
    }

    @Override
    public int hashCode() {
        return header.hashCode() * 31 + subHeader.hashCode();
    }

    @Override
    public String toString() {
        return "Packet[" + header + ", " + subHeader + ", payload " + payloadLength + " bytes]";
    }
}
