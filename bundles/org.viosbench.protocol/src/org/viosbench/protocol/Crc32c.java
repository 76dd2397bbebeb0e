package org.viosbench.protocol;

import java.util.zip.CRC32C;

import io.netty.buffer.ByteBuf;

/** CRC-32C (Castagnoli) over ranges of a {@link ByteBuf}, without copying. */
final class Crc32c {

    private Crc32c() {
    }

    /** Adds {@code length} bytes of {@code buf} from absolute {@code index} to {@code crc}. */
    static void update(CRC32C crc, ByteBuf buf, int index, int length) {
        if (length == 0) {
            return;
        }
        if (buf.hasArray()) {
            crc.update(buf.array(), buf.arrayOffset() + index, length);
        } else if (buf.nioBufferCount() == 1) {
            crc.update(buf.internalNioBuffer(index, length));
        } else {
            for (java.nio.ByteBuffer b : buf.nioBuffers(index, length)) {
                crc.update(b);
            }
        }
    }

    /** The header checksum: bytes [0, 40) and [44, end) of the packet at {@code start}. */
    static int header(ByteBuf buf, int start, int headerAndSubHeaderLength) {
        CRC32C crc = new CRC32C();
        update(crc, buf, start, Wire.OFF_HEADER_CHECKSUM);
        int after = Wire.OFF_HEADER_CHECKSUM + 4;
        update(crc, buf, start + after, headerAndSubHeaderLength - after);
        return (int) crc.getValue();
    }

    /** The checksum of {@code length} bytes at {@code index}. */
    static int of(ByteBuf buf, int index, int length) {
        CRC32C crc = new CRC32C();
        update(crc, buf, index, length);
        return (int) crc.getValue();
    }
}
