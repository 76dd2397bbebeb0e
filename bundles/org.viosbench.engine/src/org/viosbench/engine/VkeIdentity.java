package org.viosbench.engine;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;

/**
 * The VSCSI device a VKE emulates: adapter and LUN names, and SCSI standard INQUIRY data
 * (peripheral device type, vendor, product, revision), followed by the VIOS id in the
 * vendor-specific bytes 36-39.
 */
public record VkeIdentity(int vios, String adapter, String lun, String vendor, String product, String revision) {
    /** Peripheral device type 0x03: processor device, as SCSI communication targets report. */
    public static final int DEVICE_TYPE = 0x03;
    /** Length of {@link #inquiryData()}. */
    public static final int INQUIRY_LENGTH = 40;

    /** The identity of the VKE of VIOS {@code vios}. */
    public static VkeIdentity of(int vios) {
        return new VkeIdentity(vios, "vscsi" + Integer.toUnsignedString(vios), "0x8100000000000000", "VIOSBNCH",
                "VKE kcluster", "0100");
    }

    /** SCSI standard INQUIRY data (36 bytes) plus the VIOS id (4 bytes). */
    public byte[] inquiryData() {
        ByteBuf b = Unpooled.buffer(INQUIRY_LENGTH);
        b.writeByte(DEVICE_TYPE);
        b.writeByte(0); // not removable
        b.writeByte(0x06); // version: SPC-4
        b.writeByte(0x02); // response data format 2
        b.writeByte(INQUIRY_LENGTH - 5); // additional length
        b.writeZero(3);
        b.writeBytes(padded(vendor, 8));
        b.writeBytes(padded(product, 16));
        b.writeBytes(padded(revision, 4));
        b.writeInt(vios);
        return b.array();
    }

    /** Reads {@link #inquiryData()} back (adapter and LUN are not part of it); null when it is not INQUIRY data. */
    public static VkeIdentity fromInquiryData(byte[] data) {
        if (data.length < INQUIRY_LENGTH || (data[0] & 0x1F) != DEVICE_TYPE) {
            return null;
        }
        int vios = Unpooled.wrappedBuffer(data).getInt(36);
        VkeIdentity local = of(vios);
        return new VkeIdentity(vios, local.adapter(), local.lun(), text(data, 8, 8), text(data, 16, 16), text(data, 32, 4));
    }

    private static byte[] padded(String s, int length) {
        byte[] out = new byte[length];
        Arrays.fill(out, (byte) ' ');
        byte[] src = s.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(src, 0, out, 0, Math.min(src.length, length));
        return out;
    }

    private static String text(byte[] data, int offset, int length) {
        return new String(data, offset, length, StandardCharsets.US_ASCII).strip();
    }
}
