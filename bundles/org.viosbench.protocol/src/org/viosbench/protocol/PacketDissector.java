package org.viosbench.protocol;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import io.netty.buffer.Unpooled;

/**
 * Lays a packet's bytes out as named fields with their offsets and lengths (header fields,
 * destinations, each sub-header entry with its type, flags, length and value, the payload), as far
 * as the bytes go, for inspectors that link fields and bytes. The verdict of the real decoder comes
 * with it: a malformed packet is dissected up to where it breaks and carries the decoder's failure.
 */
public final class PacketDissector {

    /** One field: name, shown value, where it is ({@code offset}, {@code length} in bytes) and its parts. */
    public record Field(String name, String value, int offset, int length, List<Field> children) {
        /** The innermost field covering byte {@code at}, or null. */
        public Field at(int at) {
            if (at < offset || at >= offset + length) {
                return null;
            }
            for (Field c : children) {
                Field f = c.at(at);
                if (f != null) {
                    return f;
                }
            }
            return this;
        }
    }

    /** The fields (header, sub-header, payload) and the decoder's failure (null when the packet is good). */
    public record Dissection(List<Field> fields, DecodeFailure failure) {
        /** Every field on a line of its own, children indented: "name: value  [offset+length]". */
        public String text() {
            StringBuilder sb = new StringBuilder();
            for (Field f : fields) {
                append(sb, f, "");
            }
            return sb.toString();
        }

        private static void append(StringBuilder sb, Field f, String indent) {
            sb.append(indent).append(f.name()).append(": ").append(f.value()).append("  [").append(f.offset()).append('+').append(f.length())
                    .append("]\n");
            for (Field c : f.children()) {
                append(sb, c, indent + "  ");
            }
        }

        /** The innermost field covering byte {@code at}, or null. */
        public Field at(int at) {
            for (Field f : fields) {
                Field hit = f.at(at);
                if (hit != null) {
                    return hit;
                }
            }
            return null;
        }
    }

    private PacketDissector() {
    }

    public static Dissection dissect(byte[] b) {
        Decoded d = PacketDecoder.decode(Unpooled.wrappedBuffer(b));
        DecodeFailure failure = d instanceof DecodeFailure f ? f : null;
        List<Field> fields = new ArrayList<>();
        List<Field> header = new ArrayList<>();
        u(header, b, "Magic", Wire.OFF_MAGIC, 4, v -> String.format("0x%08X%s", v, v == Wire.MAGIC ? " (\"VIOS\")" : ""));
        u(header, b, "Version major", Wire.OFF_VERSION_MAJOR, 1, Long::toString);
        u(header, b, "Version minor", Wire.OFF_VERSION_MINOR, 1, Long::toString);
        u(header, b, "Header length", Wire.OFF_HEADER_LENGTH, 2, Long::toString);
        u(header, b, "Message type", Wire.OFF_TYPE, 2, v -> {
            MessageType t = MessageType.fromCode((int) v);
            return String.format("0x%04X%s", v, t == null ? " (unknown)" : " (" + t + ")");
        });
        u(header, b, "Flags", Wire.OFF_FLAGS, 2, PacketDissector::flags);
        u(header, b, "Source VIOS", Wire.OFF_SOURCE, 4, Long::toString);
        u(header, b, "Message id", Wire.OFF_MESSAGE_ID, 8, Long::toUnsignedString);
        u(header, b, "Sequence", Wire.OFF_SEQUENCE, 4, Long::toString);
        u(header, b, "Destination count", Wire.OFF_DESTINATION_COUNT, 2, Long::toString);
        u(header, b, "Sub-header length", Wire.OFF_SUB_HEADER_LENGTH, 2, Long::toString);
        u(header, b, "Payload length", Wire.OFF_PAYLOAD_LENGTH, 4, Long::toString);
        u(header, b, "Payload checksum", Wire.OFF_PAYLOAD_CHECKSUM, 4, v -> String.format("0x%08X (CRC-32C)", v));
        u(header, b, "Header checksum", Wire.OFF_HEADER_CHECKSUM, 4, v -> String.format("0x%08X (CRC-32C)", v));
        int destinations = b.length >= Wire.OFF_DESTINATION_COUNT + 2 ? (int) read(b, Wire.OFF_DESTINATION_COUNT, 2) : 0;
        for (int i = 0; i < Math.min(destinations, Wire.MAX_DESTINATIONS); i++) {
            u(header, b, "Destination " + (i + 1), Wire.OFF_DESTINATIONS + 4 * i, 4, Long::toString);
        }
        int headerLength = b.length >= Wire.OFF_HEADER_LENGTH + 2 ? (int) read(b, Wire.OFF_HEADER_LENGTH, 2) : 0;
        int known = Wire.headerLength(Math.min(destinations, Wire.MAX_DESTINATIONS));
        if (headerLength > known && headerLength <= b.length) {
            int n = headerLength - known;
            header.add(new Field("Extension", n + " bytes of a newer minor version: " + preview(b, known, n), known, n, List.of()));
        }
        int shown = Math.min(b.length, Math.max(headerLength, Wire.FIXED_HEADER_LENGTH));
        fields.add(new Field("Header", headerLength + " bytes", 0, shown, header));
        if (headerLength <= 0 || headerLength > b.length || b.length < Wire.FIXED_HEADER_LENGTH) {
            return new Dissection(fields, failure);
        }
        int subLength = (int) read(b, Wire.OFF_SUB_HEADER_LENGTH, 2);
        int subEnd = Math.min(b.length, headerLength + subLength);
        List<Field> entries = new ArrayList<>();
        int at = headerLength;
        while (at + Wire.ENTRY_HEADER_LENGTH <= subEnd) {
            int code = b[at] & 0xFF;
            int flags = b[at + 1] & 0xFF;
            int length = (int) read(b, at + 2, 2);
            EntryType type = EntryType.fromCode(code);
            int valueLength = Math.max(0, Math.min(length, subEnd - at - Wire.ENTRY_HEADER_LENGTH));
            List<Field> parts = new ArrayList<>();
            parts.add(new Field("Type", String.format("0x%02X (%s)", code, type == null ? "unknown" : type), at, 1, List.of()));
            parts.add(new Field("Flags", String.format("0x%02X%s", flags, (flags & Wire.ENTRY_FLAG_MANDATORY) != 0 ? " (mandatory)" : ""), at + 1, 1,
                    List.of()));
            parts.add(new Field("Value length", Integer.toString(length), at + 2, 2, List.of()));
            String value = HexFormat.of().formatHex(b, at + 4, at + 4 + valueLength);
            parts.add(new Field("Value", value.isEmpty() ? "(none)" : value, at + 4, valueLength, List.of()));
            entries.add(new Field(type == null ? String.format("Entry 0x%02X", code) : type.toString(), value, at,
                    Wire.ENTRY_HEADER_LENGTH + valueLength, parts));
            at += Wire.ENTRY_HEADER_LENGTH + Math.max(0, length);
        }
        fields.add(new Field("Sub-header", entries.size() + " entries", headerLength, subEnd - headerLength, entries));
        if (subEnd < b.length) {
            int n = b.length - subEnd;
            fields.add(new Field("Payload", n + " bytes: " + preview(b, subEnd, n), subEnd, n, List.of()));
        }
        return new Dissection(fields, failure);
    }

    /**
     * {@code b} with {@code field} (a leaf field from {@link #dissect}) set to {@code text}: a number
     * (decimal, or hex after 0x) that fits the field's bytes, or for byte strings (entry values, the
     * payload) hex digits of the same length.
     *
     * @throws IllegalArgumentException saying why the text does not fit the field
     */
    public static byte[] patch(byte[] b, Field field, String text) {
        if (!field.children().isEmpty()) {
            throw new IllegalArgumentException(field.name() + " is made of other fields: edit those");
        }
        String t = text.trim();
        byte[] out = b.clone();
        boolean bytesField = field.name().equals("Value") || field.name().equals("Payload");
        if (bytesField) {
            byte[] v;
            try {
                v = HexFormat.of().parseHex(t.replaceAll("\\s", ""));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(field.name() + " takes hex digits, two per byte");
            }
            if (v.length != field.length()) {
                throw new IllegalArgumentException(field.name() + " is " + field.length() + " bytes; " + v.length + " given (its length field says "
                        + field.length() + ")");
            }
            System.arraycopy(v, 0, out, field.offset(), v.length);
            return out;
        }
        long v;
        try {
            v = t.startsWith("0x") || t.startsWith("0X") ? Long.parseUnsignedLong(t.substring(2), 16) : Long.parseUnsignedLong(t);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(field.name() + " takes a number (decimal, or hex after 0x), not \"" + text + "\"");
        }
        if (field.length() < 8 && Long.compareUnsigned(v, (1L << (8 * field.length())) - 1) > 0) {
            throw new IllegalArgumentException(field.name() + " is " + field.length() + " byte(s): at most " + ((1L << (8 * field.length())) - 1));
        }
        for (int i = field.length() - 1; i >= 0; i--) {
            out[field.offset() + i] = (byte) v;
            v >>>= 8;
        }
        return out;
    }

    /** {@code b} with both checksums computed afresh (when its lengths allow), as an encoder would write them. */
    public static byte[] withChecksums(byte[] b) {
        byte[] out = b.clone();
        if (out.length < Wire.FIXED_HEADER_LENGTH) {
            return out;
        }
        int headerEnd = (int) read(out, Wire.OFF_HEADER_LENGTH, 2) + (int) read(out, Wire.OFF_SUB_HEADER_LENGTH, 2);
        if (headerEnd < Wire.FIXED_HEADER_LENGTH || headerEnd > out.length) {
            return out;
        }
        io.netty.buffer.ByteBuf buf = Unpooled.wrappedBuffer(out);
        buf.setInt(Wire.OFF_PAYLOAD_CHECKSUM, Crc32c.of(buf, headerEnd, out.length - headerEnd));
        buf.setInt(Wire.OFF_HEADER_CHECKSUM, Crc32c.header(buf, 0, headerEnd)); // covers the payload checksum: last
        return out;
    }

    private static String flags(long v) {
        List<String> names = new ArrayList<>();
        if ((v & Wire.FLAG_BROADCAST) != 0) {
            names.add("broadcast");
        }
        if ((v & Wire.FLAG_RESPONSE_REQUESTED) != 0) {
            names.add("response requested");
        }
        if ((v & Wire.FLAG_RESPONSE) != 0) {
            names.add("response");
        }
        if ((v & Wire.FLAG_ERROR) != 0) {
            names.add("error");
        }
        return String.format("0x%04X%s", v, names.isEmpty() ? "" : " (" + String.join(", ", names) + ")");
    }

    private static String preview(byte[] b, int from, int n) {
        boolean text = true;
        for (int i = from; i < from + Math.min(n, 64); i++) {
            text &= b[i] >= 32 && b[i] < 127;
        }
        return text ? "\"" + new String(b, from, Math.min(n, 64), java.nio.charset.StandardCharsets.US_ASCII) + (n > 64 ? "..." : "") + "\""
                : HexFormat.of().formatHex(b, from, from + Math.min(n, 32)) + (n > 32 ? "..." : "");
    }

    private static void u(List<Field> out, byte[] b, String name, int offset, int length, java.util.function.LongFunction<String> show) {
        if (offset + length <= b.length) {
            out.add(new Field(name, show.apply(read(b, offset, length)), offset, length, List.of()));
        }
    }

    private static long read(byte[] b, int offset, int length) {
        long v = 0;
        for (int i = 0; i < length; i++) {
            v = (v << 8) | (b[offset + i] & 0xFF);
        }
        return v;
    }
}
