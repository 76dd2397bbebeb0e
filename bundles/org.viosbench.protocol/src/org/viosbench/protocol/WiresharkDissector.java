package org.viosbench.protocol;

import java.util.Locale;

/**
 * Writes a Wireshark Lua dissector for VIOS cluster packets from this bundle's own layout
 * ({@link Wire}, {@link MessageType}, {@link EntryType}), so that Wireshark and tshark decode every
 * header field and sub-header entry exactly as the decoder does. Packets come in pcapng files with
 * link type USER0 (147): 4 bytes sending VIOS, 4 bytes receiving VIOS (0xFFFFFFFF: broadcast), then
 * the packet.
 */
public final class WiresharkDissector {
    /** The pcapng link type the packets are written with (LINKTYPE_USER0). */
    public static final int LINKTYPE = 147;

    private WiresharkDissector() {
    }

    public static String lua() {
        StringBuilder s = new StringBuilder();
        s.append("-- viosbench: VIOS cluster packets (generated from the packet spec; do not edit)\n");
        s.append("local p = Proto(\"viosbench\", \"VIOS cluster packet\")\n");
        s.append("local types = {");
        for (MessageType t : MessageType.values()) {
            s.append(String.format(Locale.ROOT, " [%d] = \"%s\",", t.code(), t.name()));
        }
        s.append(" }\n");
        s.append("local entries = {");
        for (EntryType t : EntryType.values()) {
            s.append(String.format(Locale.ROOT, " [%d] = \"%s\",", t.code(), t.name()));
        }
        s.append(" }\n");
        String[][] fields = {
                { "from", "Sending VIOS", "uint32" }, { "to", "Receiving VIOS", "uint32" },
                { "magic", "Magic", "uint32" }, { "major", "Version major", "uint8" }, { "minor", "Version minor", "uint8" },
                { "hlen", "Header length", "uint16" }, { "type", "Message type", "uint16" }, { "flags", "Flags", "uint16" },
                { "source", "Source VIOS", "uint32" }, { "msgid", "Message id", "uint64" }, { "seq", "Sequence", "uint32" },
                { "dcount", "Destination count", "uint16" }, { "sublen", "Sub-header length", "uint16" },
                { "paylen", "Payload length", "uint32" }, { "paycrc", "Payload checksum", "uint32" },
                { "hdrcrc", "Header checksum", "uint32" }, { "dest", "Destination", "uint32" },
                { "entry", "Entry type", "uint8" }, { "eflags", "Entry flags", "uint8" }, { "elen", "Entry value length", "uint16" },
                { "evalue", "Entry value", "bytes" }, { "payload", "Payload", "bytes" } };
        for (String[] f : fields) {
            String extra = f[0].equals("type") ? ", base.HEX, types" : f[0].equals("entry") ? ", base.HEX, entries"
                    : f[2].equals("bytes") ? "" : f[0].equals("magic") || f[0].endsWith("crc") || f[0].equals("flags") ? ", base.HEX" : "";
            s.append(String.format(Locale.ROOT, "local f_%s = ProtoField.%s(\"viosbench.%s\", \"%s\"%s)%n", f[0], f[2], f[0], f[1], extra));
        }
        s.append("p.fields = {");
        for (String[] f : fields) {
            s.append(" f_").append(f[0]).append(',');
        }
        s.append(" }\n\n");
        s.append("function p.dissector(buf, pinfo, tree)\n");
        s.append("  if buf:len() < 8 + ").append(Wire.FIXED_HEADER_LENGTH).append(" then return 0 end\n");
        s.append("  pinfo.cols.protocol = \"VIOS\"\n");
        s.append("  local t = tree:add(p, buf(), \"VIOS cluster packet\")\n");
        s.append("  t:add(f_from, buf(0, 4))\n  t:add(f_to, buf(4, 4))\n");
        s.append("  local b = buf(8):tvb()\n");
        String[][] header = { { "magic", "OFF_MAGIC", "4" }, { "major", "OFF_VERSION_MAJOR", "1" }, { "minor", "OFF_VERSION_MINOR", "1" },
                { "hlen", "OFF_HEADER_LENGTH", "2" }, { "type", "OFF_TYPE", "2" }, { "flags", "OFF_FLAGS", "2" },
                { "source", "OFF_SOURCE", "4" }, { "msgid", "OFF_MESSAGE_ID", "8" }, { "seq", "OFF_SEQUENCE", "4" },
                { "dcount", "OFF_DESTINATION_COUNT", "2" }, { "sublen", "OFF_SUB_HEADER_LENGTH", "2" },
                { "paylen", "OFF_PAYLOAD_LENGTH", "4" }, { "paycrc", "OFF_PAYLOAD_CHECKSUM", "4" }, { "hdrcrc", "OFF_HEADER_CHECKSUM", "4" } };
        s.append("  local h = t:add(b(0, b(").append(Wire.OFF_HEADER_LENGTH).append(", 2):uint()), \"Header\")\n");
        for (String[] f : header) {
            s.append(String.format(Locale.ROOT, "  h:add(f_%s, b(%d, %s))%n", f[0], offset(f[1]), f[2]));
        }
        s.append("  local hlen = b(").append(Wire.OFF_HEADER_LENGTH).append(", 2):uint()\n");
        s.append("  local dcount = b(").append(Wire.OFF_DESTINATION_COUNT).append(", 2):uint()\n");
        s.append("  for i = 0, dcount - 1 do h:add(f_dest, b(").append(Wire.OFF_DESTINATIONS).append(" + 4 * i, 4)) end\n");
        s.append("  local sublen = b(").append(Wire.OFF_SUB_HEADER_LENGTH).append(", 2):uint()\n");
        s.append("  local sub = t:add(b(hlen, sublen), \"Sub-header\")\n");
        s.append("  local at = hlen\n");
        s.append("  while at + ").append(Wire.ENTRY_HEADER_LENGTH).append(" <= hlen + sublen do\n");
        s.append("    local len = b(at + 2, 2):uint()\n");
        s.append("    local code = b(at, 1):uint()\n");
        s.append("    local e = sub:add(b(at, ").append(Wire.ENTRY_HEADER_LENGTH).append(" + len), entries[code] or string.format(\"Entry 0x%02X\", code))\n");
        s.append("    e:add(f_entry, b(at, 1))\n    e:add(f_eflags, b(at + 1, 1))\n    e:add(f_elen, b(at + 2, 2))\n");
        s.append("    if len > 0 then e:add(f_evalue, b(at + ").append(Wire.ENTRY_HEADER_LENGTH).append(", len)) end\n");
        s.append("    at = at + ").append(Wire.ENTRY_HEADER_LENGTH).append(" + len\n  end\n");
        s.append("  if b:len() > hlen + sublen then t:add(f_payload, b(hlen + sublen)) end\n");
        s.append("  pinfo.cols.info = (types[b(").append(Wire.OFF_TYPE).append(", 2):uint()] or \"?\") .. \" message \" .. b(")
                .append(Wire.OFF_MESSAGE_ID).append(", 8):uint64():tostring()\n");
        s.append("  return buf:len()\nend\n\n");
        s.append("DissectorTable.get(\"wtap_encap\"):add(wtap.USER0, p)\n");
        return s.toString();
    }

    private static int offset(String constant) {
        try {
            return Wire.class.getField(constant).getInt(null);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(constant, e);
        }
    }
}
