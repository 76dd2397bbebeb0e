package org.viosbench.engine;

import org.viosbench.protocol.Packet;
import org.viosbench.protocol.PacketHeader;
import org.viosbench.protocol.SubHeader;

import io.netty.buffer.ByteBuf;

/** A request as a receiving daemon sees it, after the copy-out from its VKE. */
public final class IncomingMessage {
    private final Packet packet;

    IncomingMessage(Packet packet) {
        this.packet = packet;
    }

    public PacketHeader header() {
        return packet.header();
    }

    public SubHeader subHeader() {
        return packet.subHeader();
    }

    /** The sending VIOS. */
    public int source() {
        return packet.header().source();
    }

    /** The payload, read-only, valid during the handler call. */
    public ByteBuf payload() {
        return packet.payload();
    }

    /** A copy of the payload. */
    public byte[] payloadBytes() {
        return packet.payloadBytes();
    }

    @Override
    public String toString() {
        return "IncomingMessage[" + packet + "]";
    }
}
