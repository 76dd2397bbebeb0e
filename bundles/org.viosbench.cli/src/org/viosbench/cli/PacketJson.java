package org.viosbench.cli;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.viosbench.protocol.CompletionPolicy;
import org.viosbench.protocol.DecodeFailure;
import org.viosbench.protocol.MessageType;
import org.viosbench.protocol.Packet;
import org.viosbench.protocol.PacketHeader;
import org.viosbench.protocol.ReplyTo;
import org.viosbench.protocol.ResponseSpec;
import org.viosbench.protocol.SubHeader;
import org.viosbench.protocol.UnknownEntry;
import org.viosbench.protocol.Wire;
import org.viosbench.json.InputException;
import org.viosbench.json.JsonAt;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.netty.buffer.ByteBufUtil;

/**
 * The JSON form of a packet, used by {@code packet decode} (output) and {@code packet encode}
 * (input): every header field, every sub-header entry, the payload as hex. Reading reports the
 * JSON path of the first problem.
 */
final class PacketJson {
    private static final Map<String, Integer> FLAGS = Map.of("BROADCAST", Wire.FLAG_BROADCAST, "RESPONSE_REQUESTED",
            Wire.FLAG_RESPONSE_REQUESTED, "RESPONSE", Wire.FLAG_RESPONSE, "ERROR", Wire.FLAG_ERROR);
    private static final String[] FLAG_ORDER = { "BROADCAST", "RESPONSE_REQUESTED", "RESPONSE", "ERROR" };

    private PacketJson() {
    }

    static ObjectNode toJson(Packet p) {
        ObjectNode root = Json.object();
        root.put("ok", true);
        root.put("length", p.encodedLength());
        PacketHeader h = p.header();
        ObjectNode header = root.putObject("header");
        header.put("versionMajor", Wire.VERSION_MAJOR);
        header.put("versionMinor", h.versionMinor());
        header.put("headerLength", h.encodedLength());
        if (h.extensionLength() > 0) {
            header.put("extensionHex", ByteBufUtil.hexDump(h.extension()));
        }
        header.put("type", h.type().name());
        header.put("typeCode", h.type().code());
        ArrayNode flags = header.putArray("flags");
        for (String f : FLAG_ORDER) {
            if ((h.flags() & FLAGS.get(f)) != 0) {
                flags.add(f);
            }
        }
        header.put("flagBits", h.flags());
        header.put("source", Integer.toUnsignedLong(h.source()));
        header.put("messageId", new BigInteger(Long.toUnsignedString(h.messageId())));
        header.put("sequence", Integer.toUnsignedLong(h.sequence()));
        ArrayNode dest = header.putArray("destinations");
        for (int i = 0; i < h.destinationCount(); i++) {
            dest.add(Integer.toUnsignedLong(h.destination(i)));
        }
        header.put("subHeaderLength", p.subHeader().encodedLength());
        header.put("payloadLength", p.payloadLength());

        SubHeader s = p.subHeader();
        ObjectNode sub = root.putObject("subHeader");
        if (s.responses() != null) {
            ObjectNode r = sub.putObject("expectedResponses");
            r.put("policy", s.responses().policy().name());
            r.put("expected", s.responses().expected());
            r.put("required", s.responses().required());
        }
        putIfPresent(sub, "timeoutMillis", s.timeoutMillis());
        putIfPresent(sub, "targetDaemon", s.targetDaemon());
        if (s.replyTo() != null) {
            ObjectNode r = sub.putObject("replyTo");
            r.put("vios", Integer.toUnsignedLong(s.replyTo().vios()));
            r.put("daemon", s.replyTo().daemon());
        }
        putIfPresent(sub, "originatingDaemon", s.originatingDaemon());
        putIfPresent(sub, "errorCode", s.errorCode());
        if (!s.unknownEntries().isEmpty()) {
            ArrayNode unknown = sub.putArray("unknownEntries");
            for (UnknownEntry e : s.unknownEntries()) {
                ObjectNode u = unknown.addObject();
                u.put("type", e.type());
                u.put("flags", e.flags());
                u.put("valueHex", ByteBufUtil.hexDump(e.value()));
            }
        }
        ObjectNode payload = root.putObject("payload");
        payload.put("length", p.payloadLength());
        payload.put("hex", ByteBufUtil.hexDump(p.payload()));
        return root;
    }

    static ObjectNode failureJson(DecodeFailure f) {
        ObjectNode root = Json.object();
        root.put("ok", false);
        root.put("error", f.error().name());
        root.put("offset", f.offset());
        root.put("detail", f.detail());
        root.put("summary", f.error().summary());
        root.put("length", f.length());
        return root;
    }

    private static void putIfPresent(ObjectNode node, String name, int value) {
        if (value != SubHeader.ABSENT) {
            node.put(name, value);
        }
    }

    /**
     * Reads the JSON form back; computed fields (lengths, codes, checksums, ok) are ignored; any other field is
     * refused. {@code versionMinor} and {@code extensionHex} (the header fields of a newer minor) are written as given.
     */
    static Packet fromJson(JsonAt root) throws InputException {
        root.object(Set.of("ok", "length", "header", "subHeader", "payload"));
        JsonAt h = root.get("header").object(Set.of("versionMajor", "versionMinor", "headerLength", "extensionHex", "type", "typeCode",
                "flags", "flagBits", "source", "messageId", "sequence", "destinations", "subHeaderLength", "payloadLength"));
        if (h.has("versionMajor")) {
            h.integer("versionMajor", Wire.VERSION_MAJOR, Wire.VERSION_MAJOR);
        }
        int minor = h.has("versionMinor") ? (int) h.integer("versionMinor", 0, 0xFF) : Wire.VERSION_MINOR;
        byte[] extension = h.has("extensionHex") ? hex(h.text("extensionHex"), h.pathOf("extensionHex")) : new byte[0];
        MessageType type = h.get("type").oneOf(MessageType.class);
        int flags = 0;
        for (JsonAt f : h.array("flags")) {
            Integer bit = FLAGS.get(f.text());
            if (bit == null) {
                throw f.problem("unknown flag \"" + JsonAt.clipped(f.text()) + "\", known: " + List.of(FLAG_ORDER));
            }
            flags |= bit;
        }
        int source = (int) h.integer("source", 0, 0xFFFF_FFFFL);
        long messageId = h.get("messageId").unsignedLong();
        int sequence = (int) h.integer("sequence", 0, 0xFFFF_FFFFL);
        List<JsonAt> destList = h.array("destinations");
        int[] destinations = new int[destList.size()];
        for (int i = 0; i < destinations.length; i++) {
            destinations[i] = (int) destList.get(i).integer(0, 0xFFFF_FFFFL);
        }
        SubHeader.Builder b = subHeader(root.get("subHeader"));
        JsonAt payload = root.get("payload").object(Set.of("length", "hex"));
        byte[] bytes = hex(payload.text("hex"), payload.pathOf("hex"));
        int finalFlags = flags;
        PacketHeader header = checked(() -> new PacketHeader(type, finalFlags, source, messageId, sequence, destinations)
                .withVersion(minor, extension), h);
        return checked(() -> new Packet(header, b.build(), bytes), root);
    }

    private static SubHeader.Builder subHeader(JsonAt s) throws InputException {
        s.object(Set.of("expectedResponses", "timeoutMillis", "targetDaemon", "replyTo", "originatingDaemon", "errorCode", "unknownEntries"));
        SubHeader.Builder b = SubHeader.builder();
        JsonAt r = s.find("expectedResponses");
        if (r != null) {
            r.object(Set.of("policy", "expected", "required"));
            CompletionPolicy policy = r.get("policy").oneOf(CompletionPolicy.class);
            int expected = (int) r.integer("expected", 0, 0xFFFF);
            int requiredN = (int) r.integer("required", 0, 0xFFFF);
            b.responses(checked(() -> new ResponseSpec(policy, expected, requiredN), r));
        }
        if (s.has("timeoutMillis")) {
            b.timeoutMillis((int) s.integer("timeoutMillis", 0, Integer.MAX_VALUE));
        }
        if (s.has("targetDaemon")) {
            b.targetDaemon((int) s.integer("targetDaemon", 0, 0xFFFF));
        }
        JsonAt rt = s.find("replyTo");
        if (rt != null) {
            rt.object(Set.of("vios", "daemon"));
            b.replyTo(new ReplyTo((int) rt.integer("vios", 0, 0xFFFF_FFFFL), (int) rt.integer("daemon", 0, 0xFFFF)));
        }
        if (s.has("originatingDaemon")) {
            b.originatingDaemon((int) s.integer("originatingDaemon", 0, 0xFFFF));
        }
        if (s.has("errorCode")) {
            b.errorCode((int) s.integer("errorCode", 0, 0xFFFF));
        }
        if (s.has("unknownEntries")) {
            List<UnknownEntry> entries = new ArrayList<>();
            for (JsonAt u : s.array("unknownEntries")) {
                u.object(Set.of("type", "flags", "valueHex"));
                int t = (int) u.integer("type", 0, 0xFF);
                int f = (int) u.integer("flags", 0, 0xFF);
                byte[] value = hex(u.text("valueHex"), u.pathOf("valueHex"));
                entries.add(checked(() -> new UnknownEntry(t, f, value), u));
            }
            b.unknownEntries(entries);
        }
        return b;
    }

    private interface Maker<T> {
        T make();
    }

    /** What {@code maker} makes, or its refusal (a protocol rule) at {@code at}. */
    private static <T> T checked(Maker<T> maker, JsonAt at) throws InputException {
        try {
            return maker.make();
        } catch (IllegalArgumentException e) {
            throw at.problem(e.getMessage());
        }
    }

    static byte[] hex(String text, String path) throws InputException {
        String clean = text.replaceAll("\\s+", "");
        if (clean.length() % 2 != 0 || !clean.matches("[0-9a-fA-F]*")) {
            int bad = 0;
            while (bad < clean.length() && Character.digit(clean.charAt(bad), 16) >= 0) {
                bad++;
            }
            throw new InputException(path, bad < clean.length() ? "not hex at character " + bad
                    : "odd number of hex digits (" + clean.length() + ")");
        }
        return ByteBufUtil.decodeHexDump(clean);
    }
}
