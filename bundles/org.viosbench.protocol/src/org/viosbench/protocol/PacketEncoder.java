package org.viosbench.protocol;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.Unpooled;

/** Writes packets in the wire format of docs/protocol.md. Stateless; use {@link #INSTANCE}. */
public final class PacketEncoder {
    public static final PacketEncoder INSTANCE = new PacketEncoder();

    private PacketEncoder() {
    }

    /** A new buffer of exactly the packet's length holding the encoded packet. */
    public ByteBuf encode(Packet packet, ByteBufAllocator alloc) {
        ByteBuf out = alloc.buffer(packet.encodedLength(), packet.encodedLength());
        encode(packet, out);
        return out;
    }

    /** The encoded packet as a byte array. */
    public byte[] encodeToArray(Packet packet) {
        byte[] bytes = new byte[packet.encodedLength()];
        ByteBuf out = Unpooled.wrappedBuffer(bytes);
        out.writerIndex(0);
        encode(packet, out);
        return bytes;
    }

    /** Appends the encoded packet at {@code out}'s writer index. */
    public void encode(Packet packet, ByteBuf out) {
        PacketHeader h = packet.header();
        SubHeader s = packet.subHeader();
        ByteBuf payload = packet.rawPayload();
        int start = out.writerIndex();
        int headerLength = h.encodedLength();
        int subLength = s.encodedLength();
        int payloadLength = payload.readableBytes();
        out.ensureWritable(headerLength + subLength + payloadLength);

        out.writeInt(Wire.MAGIC);
        out.writeByte(Wire.VERSION_MAJOR);
        out.writeByte(h.versionMinor());
        out.writeShort(headerLength);
        out.writeShort(h.type().code());
        out.writeShort(h.flags());
        out.writeInt(h.source());
        out.writeLong(h.messageId());
        out.writeInt(h.sequence());
        out.writeShort(h.destinationCount());
        out.writeShort(subLength);
        out.writeInt(payloadLength);
        out.writeInt(Crc32c.of(payload, payload.readerIndex(), payloadLength));
        out.writeInt(0); // header checksum, filled in below
        for (int i = 0; i < h.destinationCount(); i++) {
            out.writeInt(h.destination(i));
        }
        h.writeExtension(out);
        writeEntries(s, out);
        out.writeBytes(payload, payload.readerIndex(), payloadLength);
        out.setInt(start + Wire.OFF_HEADER_CHECKSUM, Crc32c.header(out, start, headerLength + subLength));
    }

    private static void writeEntries(SubHeader s, ByteBuf out) {
        ResponseSpec r = s.responses();
        if (r != null) {
            entryHeader(out, EntryType.EXPECTED_RESPONSES);
            out.writeByte(r.policy().code());
            out.writeByte(0);
            out.writeShort(r.expected());
            out.writeShort(r.required());
        }
        if (s.timeoutMillis() != SubHeader.ABSENT) {
            entryHeader(out, EntryType.TIMEOUT);
            out.writeInt(s.timeoutMillis());
        }
        if (s.targetDaemon() != SubHeader.ABSENT) {
            entryHeader(out, EntryType.TARGET_DAEMON);
            out.writeShort(s.targetDaemon());
        }
        if (s.replyTo() != null) {
            entryHeader(out, EntryType.REPLY_TO);
            out.writeInt(s.replyTo().vios());
            out.writeShort(s.replyTo().daemon());
        }
        if (s.originatingDaemon() != SubHeader.ABSENT) {
            entryHeader(out, EntryType.ORIGINATING_DAEMON);
            out.writeShort(s.originatingDaemon());
        }
        if (s.errorCode() != SubHeader.ABSENT) {
            entryHeader(out, EntryType.ERROR_CODE);
            out.writeShort(s.errorCode());
        }
        for (UnknownEntry e : s.unknownEntries()) {
            byte[] value = e.value();
            out.writeByte(e.type());
            out.writeByte(e.flags());
            out.writeShort(value.length);
            out.writeBytes(value);
        }
    }

    private static void entryHeader(ByteBuf out, EntryType type) {
        out.writeByte(type.code());
        out.writeByte(type.mandatory() ? Wire.ENTRY_FLAG_MANDATORY : 0);
        out.writeShort(type.valueLength());
    }
}
