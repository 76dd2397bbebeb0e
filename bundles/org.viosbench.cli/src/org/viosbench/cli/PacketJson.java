package org.viosbench.cli;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

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

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.netty.buffer.ByteBufUtil;

/**
 * The JSON form of a packet, used by {@code packet decode} (output) and {@code packet encode}
 * (input): every header field, every sub-header entry, the payload as hex. Reading reports the
 * JSON path of the first problem.
 */
final class PacketJson {
    private static final BigInteger UNSIGNED_LONG_MAX = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);
    private static final Map<String, Integer> FLAGS = Map.of("BROADCAST", Wire.FLAG_BROADCAST, "RESPONSE_REQUESTED",
            Wire.FLAG_RESPONSE_REQUESTED, "RESPONSE", Wire.FLAG_RESPONSE, "ERROR", Wire.FLAG_ERROR);
    private static final String[] FLAG_ORDER = { "BROADCAST", "RESPONSE_REQUESTED", "RESPONSE", "ERROR" };

    /** A problem in the JSON input, with the JSON path where it is. */
    static final class JsonInputException extends Exception {
        private static final long serialVersionUID = 1L;
        final String path;

        JsonInputException(String path, String message) {
            super(path + ": " + message);
            this.path = path;
        }
    }

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

    /** Reads the JSON form back; computed fields (lengths, codes, ok) are ignored. */
    static Packet fromJson(JsonNode root) throws JsonInputException {
        JsonNode h = object(root, "header", "/header");
        MessageType type = enumValue(MessageType.class, text(h, "type", "/header/type"), "/header/type");
        int flags = 0;
        JsonNode flagList = required(h, "flags", "/header/flags");
        if (!flagList.isArray()) {
            throw new JsonInputException("/header/flags", "expected an array of flag names " + List.of(FLAG_ORDER));
        }
        for (int i = 0; i < flagList.size(); i++) {
            Integer bit = FLAGS.get(flagList.get(i).asText());
            if (bit == null) {
                throw new JsonInputException("/header/flags/" + i, "unknown flag \"" + flagList.get(i).asText() + "\", known: "
                        + List.of(FLAG_ORDER));
            }
            flags |= bit;
        }
        int source = (int) unsigned(h, "source", "/header", 0xFFFFFFFFL);
        long messageId = unsignedLong(h, "messageId", "/header");
        int sequence = (int) unsigned(h, "sequence", "/header", 0xFFFFFFFFL);
        JsonNode destNode = required(h, "destinations", "/header/destinations");
        if (!destNode.isArray()) {
            throw new JsonInputException("/header/destinations", "expected an array of VIOS ids");
        }
        int[] destinations = new int[destNode.size()];
        for (int i = 0; i < destinations.length; i++) {
            destinations[i] = (int) unsignedValue(destNode.get(i), "/header/destinations/" + i, 0xFFFFFFFFL);
        }

        JsonNode s = object(root, "subHeader", "/subHeader");
        SubHeader.Builder b = SubHeader.builder();
        try {
            JsonNode r = s.get("expectedResponses");
            if (r != null) {
                CompletionPolicy policy = enumValue(CompletionPolicy.class, text(r, "policy", "/subHeader/expectedResponses/policy"),
                        "/subHeader/expectedResponses/policy");
                int expected = (int) unsigned(r, "expected", "/subHeader/expectedResponses", 0xFFFF);
                int requiredN = (int) unsigned(r, "required", "/subHeader/expectedResponses", 0xFFFF);
                b.responses(checked(() -> new ResponseSpec(policy, expected, requiredN), "/subHeader/expectedResponses"));
            }
            if (s.has("timeoutMillis")) {
                b.timeoutMillis((int) unsigned(s, "timeoutMillis", "/subHeader", Integer.MAX_VALUE));
            }
            if (s.has("targetDaemon")) {
                b.targetDaemon((int) unsigned(s, "targetDaemon", "/subHeader", 0xFFFF));
            }
            JsonNode rt = s.get("replyTo");
            if (rt != null) {
                b.replyTo(new ReplyTo((int) unsigned(rt, "vios", "/subHeader/replyTo", 0xFFFFFFFFL),
                        (int) unsigned(rt, "daemon", "/subHeader/replyTo", 0xFFFF)));
            }
            if (s.has("originatingDaemon")) {
                b.originatingDaemon((int) unsigned(s, "originatingDaemon", "/subHeader", 0xFFFF));
            }
            if (s.has("errorCode")) {
                b.errorCode((int) unsigned(s, "errorCode", "/subHeader", 0xFFFF));
            }
            JsonNode unknown = s.get("unknownEntries");
            if (unknown != null) {
                List<UnknownEntry> entries = new ArrayList<>();
                for (int i = 0; i < unknown.size(); i++) {
                    String at = "/subHeader/unknownEntries/" + i;
                    JsonNode u = unknown.get(i);
                    int t = (int) unsigned(u, "type", at, 0xFF);
                    int f = (int) unsigned(u, "flags", at, 0xFF);
                    byte[] value = hex(text(u, "valueHex", at + "/valueHex"), at + "/valueHex");
                    entries.add(checked(() -> new UnknownEntry(t, f, value), at));
                }
                b.unknownEntries(entries);
            }
            for (Iterator<String> names = s.fieldNames(); names.hasNext();) {
                String n = names.next();
                if (!List.of("expectedResponses", "timeoutMillis", "targetDaemon", "replyTo", "originatingDaemon", "errorCode",
                        "unknownEntries").contains(n)) {
                    throw new JsonInputException("/subHeader/" + n, "unknown sub-header entry name");
                }
            }
        } catch (IllegalArgumentException e) {
            throw new JsonInputException("/subHeader", e.getMessage());
        }
        JsonNode payload = object(root, "payload", "/payload");
        byte[] bytes = hex(text(payload, "hex", "/payload/hex"), "/payload/hex");
        int finalFlags = flags;
        return checked(() -> new Packet(new PacketHeader(type, finalFlags, source, messageId, sequence, destinations), b.build(),
                bytes), "/");
    }

    private interface Maker<T> {
        T make();
    }

    private static <T> T checked(Maker<T> maker, String path) throws JsonInputException {
        try {
            return maker.make();
        } catch (IllegalArgumentException e) {
            throw new JsonInputException(path, e.getMessage());
        }
    }

    private static JsonNode required(JsonNode node, String name, String path) throws JsonInputException {
        JsonNode v = node.get(name);
        if (v == null || v.isNull()) {
            throw new JsonInputException(path, "missing");
        }
        return v;
    }

    private static JsonNode object(JsonNode node, String name, String path) throws JsonInputException {
        JsonNode v = required(node, name, path);
        if (!v.isObject()) {
            throw new JsonInputException(path, "expected an object");
        }
        return v;
    }

    private static String text(JsonNode node, String name, String path) throws JsonInputException {
        JsonNode v = required(node, name, path);
        if (!v.isTextual()) {
            throw new JsonInputException(path, "expected a string");
        }
        return v.asText();
    }

    private static long unsigned(JsonNode node, String name, String parent, long max) throws JsonInputException {
        return unsignedValue(required(node, name, parent + "/" + name), parent + "/" + name, max);
    }

    private static long unsignedValue(JsonNode v, String path, long max) throws JsonInputException {
        if (!v.isIntegralNumber() || v.bigIntegerValue().signum() < 0 || v.bigIntegerValue().compareTo(BigInteger.valueOf(max)) > 0) {
            throw new JsonInputException(path, "expected an integer 0.." + max + ", got " + v);
        }
        return v.longValue();
    }

    private static long unsignedLong(JsonNode node, String name, String parent) throws JsonInputException {
        String path = parent + "/" + name;
        JsonNode v = required(node, name, path);
        if (!v.isIntegralNumber() || v.bigIntegerValue().signum() < 0 || v.bigIntegerValue().compareTo(UNSIGNED_LONG_MAX) > 0) {
            throw new JsonInputException(path, "expected an integer 0..2^64-1, got " + v);
        }
        return v.bigIntegerValue().longValue();
    }

    private static <E extends Enum<E>> E enumValue(Class<E> type, String value, String path) throws JsonInputException {
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            throw new JsonInputException(path, "unknown value \"" + value + "\", known: " + List.of(type.getEnumConstants()));
        }
    }

    static byte[] hex(String text, String path) throws JsonInputException {
        String clean = text.replaceAll("\\s+", "");
        if (clean.length() % 2 != 0 || !clean.matches("[0-9a-fA-F]*")) {
            int bad = 0;
            while (bad < clean.length() && Character.digit(clean.charAt(bad), 16) >= 0) {
                bad++;
            }
            throw new JsonInputException(path, bad < clean.length() ? "not hex at character " + bad
                    : "odd number of hex digits (" + clean.length() + ")");
        }
        return ByteBufUtil.decodeHexDump(clean);
    }
}
