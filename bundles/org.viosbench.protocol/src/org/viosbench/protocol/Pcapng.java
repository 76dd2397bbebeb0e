package org.viosbench.protocol;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * A pcapng file of VIOS cluster packets (link type USER0, see {@link WiresharkDissector}): a
 * section header, one interface, then one enhanced packet block per packet with its time.
 */
public final class Pcapng {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    public Pcapng() {
        block(0x0A0D0D0A, ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN).putInt(0x1A2B3C4D).putShort((short) 1).putShort((short) 0)
                .putLong(-1).array());
        // interface: link type, reserved, snap length 0 (no limit); default timestamp resolution is microseconds
        block(0x00000001, ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putShort((short) WiresharkDissector.LINKTYPE)
                .putShort((short) 0).putInt(0).array());
    }

    /** Adds {@code packet} sent from {@code from} to {@code to} (-1: broadcast) at {@code micros} since the epoch. */
    public void add(long micros, int from, int to, byte[] packet) {
        int captured = 8 + packet.length;
        int padded = (captured + 3) & ~3;
        ByteBuffer b = ByteBuffer.allocate(20 + padded).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(0).putInt((int) (micros >>> 32)).putInt((int) micros).putInt(captured).putInt(captured);
        b.order(ByteOrder.BIG_ENDIAN).putInt(from).putInt(to).put(packet);
        block(0x00000006, b.array());
    }

    private void block(int type, byte[] body) {
        int length = 12 + body.length;
        ByteBuffer b = ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(type).putInt(length).put(body).putInt(length);
        out.writeBytes(b.array());
    }

    public byte[] bytes() {
        return out.toByteArray();
    }
}
