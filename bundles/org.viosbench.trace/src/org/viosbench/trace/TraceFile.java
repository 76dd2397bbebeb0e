package org.viosbench.trace;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.viosbench.engine.Layer;
import org.viosbench.engine.TraceEvent;
import org.viosbench.engine.TraceKind;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

/**
 * Trace files: JSON lines, version {@value #VERSION}. The first line describes the trace
 * ({@code {"format":"viosbench-trace","version":2,"vioses":{"1":"vios1",...}}}), every further line
 * is one event ({@code {"t":nanos,"vios":1,"layer":"VKE","kind":"ROUTE","msg":7,"peer":-1,"bytes":85,"outcome":"unicast to 1"}});
 * since version 2 a kcluster send (TRANSMIT) may carry the packet it sent ({@code "packet":"5649..."}, hex);
 * since version 3 an event about a packet names its type and header flags ({@code "type":"DATA","flags":4}:
 * flag 4 a response, 8 an error, 1 a broadcast). Versions 1 and 2 are still read (the facts are
 * inferred, see {@link RecordedTrace}). A bad file is refused whole with its line (and
 * column) and what is wrong; nothing half-loaded.
 */
public final class TraceFile {
    public static final String FORMAT = "viosbench-trace";
    public static final int VERSION = 3;
    /** The oldest version this reader reads. */
    public static final int OLDEST_VERSION = 1;
    private static final JsonFactory JSON = new JsonFactory();

    private TraceFile() {
    }

    /** Writes {@code trace} to {@code file} atomically. */
    public static void write(RecordedTrace trace, Path file) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, ".viosbench-trace-", ".tmp");
        try {
            try (BufferedWriter w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8); JsonGenerator g = JSON.createGenerator(w)) {
                g.setRootValueSeparator(null);
                g.writeStartObject();
                g.writeStringField("format", FORMAT);
                g.writeNumberField("version", VERSION);
                g.writeObjectFieldStart("vioses");
                for (Map.Entry<Integer, String> n : new TreeMap<>(trace.names()).entrySet()) {
                    g.writeStringField(Integer.toUnsignedString(n.getKey()), n.getValue());
                }
                g.writeEndObject();
                g.writeEndObject();
                g.writeRaw('\n');
                for (int i = 0; i < trace.size(); i++) {
                    TraceEvent e = trace.event(i);
                    g.writeStartObject();
                    g.writeNumberField("t", e.timeNanos());
                    g.writeNumberField("vios", Integer.toUnsignedLong(e.vios()));
                    g.writeStringField("layer", e.layer().name());
                    g.writeStringField("kind", e.kind().name());
                    g.writeNumberField("msg", e.messageId());
                    g.writeNumberField("peer", e.peer() == -1 ? -1 : Integer.toUnsignedLong(e.peer()));
                    g.writeNumberField("bytes", e.bytes());
                    g.writeStringField("outcome", e.outcome() == null ? "" : e.outcome());
                    if (e.type() != null) {
                        g.writeStringField("type", e.type().name());
                        g.writeNumberField("flags", e.flags());
                    }
                    byte[] packet = trace.packet(i);
                    if (packet != null) {
                        g.writeStringField("packet", java.util.HexFormat.of().formatHex(packet));
                    }
                    g.writeEndObject();
                    g.writeRaw('\n');
                }
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** Reads a trace file, or refuses it whole. */
    public static RecordedTrace read(Path file) throws IOException, TraceFileException {
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String first = r.readLine();
            if (first == null || first.isBlank()) {
                throw new TraceFileException(1, 1, "the file is empty");
            }
            Map<Integer, String> names = new TreeMap<>();
            int version = header(first, names);
            List<TraceEvent> events = new ArrayList<>();
            int line = 1;
            long lastTime = Long.MIN_VALUE;
            for (String text; (text = r.readLine()) != null;) {
                line++;
                if (text.isBlank()) {
                    continue;
                }
                TraceEvent e = event(text, line, version);
                if (e.timeNanos() < lastTime) {
                    throw new TraceFileException(line, 1, "time " + e.timeNanos() + " goes back (the line before says " + lastTime + ")");
                }
                lastTime = e.timeNanos();
                events.add(e);
            }
            return new RecordedTrace(events, names);
        }
    }

    /** Reads the description line into {@code names}; returns the file's version. */
    private static int header(String text, Map<Integer, String> names) throws TraceFileException, IOException {
        String format = null;
        long version = -1;
        try (JsonParser p = JSON.createParser(text)) {
            expect(p, JsonToken.START_OBJECT, 1, "the first line must be a JSON object describing the trace");
            for (JsonToken t; (t = p.nextToken()) == JsonToken.FIELD_NAME;) {
                String field = p.currentName();
                p.nextToken();
                switch (field) {
                    case "format" -> format = p.getValueAsString();
                    case "version" -> version = p.getValueAsLong(-1);
                    case "vioses" -> {
                        if (p.currentToken() != JsonToken.START_OBJECT) {
                            throw new TraceFileException(1, column(p), "\"vioses\" must map VIOS ids to names");
                        }
                        while (p.nextToken() == JsonToken.FIELD_NAME) {
                            String id = p.currentName();
                            p.nextToken();
                            try {
                                names.put((int) Long.parseLong(id), p.getValueAsString());
                            } catch (NumberFormatException e) {
                                throw new TraceFileException(1, column(p), "VIOS id \"" + id + "\" is not a number");
                            }
                        }
                    }
                    default -> throw new TraceFileException(1, column(p), "unknown field \"" + field + "\" in the trace description");
                }
            }
        } catch (JsonParseException e) {
            throw new TraceFileException(1, e.getLocation().getColumnNr(), "not valid JSON: " + e.getOriginalMessage());
        }
        if (!FORMAT.equals(format)) {
            throw new TraceFileException(1, 1, "not a viosbench trace (format \"" + format + "\", expected \"" + FORMAT + "\")");
        }
        if (version < OLDEST_VERSION || version > VERSION) {
            throw new TraceFileException(1, 1, "version " + version + " is not supported; this viosbench reads versions " + OLDEST_VERSION
                    + " to " + VERSION + (version > VERSION ? " (written by a newer viosbench)" : ""));
        }
        return (int) version;
    }

    /** One event line, with the packet it carries. */
    private static TraceEvent event(String text, int line, int version) throws TraceFileException, IOException {
        byte[] packet = null;
        long t = Long.MIN_VALUE;
        long vios = Long.MIN_VALUE;
        Layer layer = null;
        TraceKind kind = null;
        long msg = Long.MIN_VALUE;
        long peer = Long.MIN_VALUE;
        long bytes = Long.MIN_VALUE;
        String outcome = null;
        org.viosbench.protocol.MessageType type = null;
        long flags = 0;
        try (JsonParser p = JSON.createParser(text)) {
            expect(p, JsonToken.START_OBJECT, line, "an event line must be a JSON object");
            for (JsonToken tok; (tok = p.nextToken()) == JsonToken.FIELD_NAME;) {
                String field = p.currentName();
                JsonToken v = p.nextToken();
                int col = column(p);
                switch (field) {
                    case "t" -> t = number(p, v, line, col, field);
                    case "vios" -> vios = number(p, v, line, col, field);
                    case "msg" -> msg = number(p, v, line, col, field);
                    case "peer" -> peer = number(p, v, line, col, field);
                    case "bytes" -> bytes = number(p, v, line, col, field);
                    case "layer" -> layer = enumValue(Layer.class, p, line, col, field);
                    case "kind" -> kind = enumValue(TraceKind.class, p, line, col, field);
                    case "outcome" -> outcome = p.getValueAsString();
                    case "type" -> type = enumValue(org.viosbench.protocol.MessageType.class, p, line, col, newer(version, 3, field, line, col));
                    case "flags" -> {
                        flags = number(p, v, line, col, newer(version, 3, field, line, col));
                        if (flags < 0 || flags > 0xFFFF) {
                            throw new TraceFileException(line, col, "\"flags\" must be a 16-bit header flag word, not " + flags);
                        }
                    }
                    case "packet" -> {
                        if (version < 2) {
                            throw new TraceFileException(line, col, "unknown field \"packet\" (packets came with version 2)");
                        }
                        try {
                            packet = java.util.HexFormat.of().parseHex(v == JsonToken.VALUE_STRING ? p.getText() : "?");
                        } catch (IllegalArgumentException e) {
                            throw new TraceFileException(line, col, "\"packet\" must be the packet's bytes in hex: " + e.getMessage());
                        }
                    }
                    default -> throw new TraceFileException(line, col, "unknown field \"" + field + "\"");
                }
            }
        } catch (JsonParseException e) {
            throw new TraceFileException(line, e.getLocation().getColumnNr(), "not valid JSON: " + e.getOriginalMessage());
        }
        for (Object[] f : new Object[][] { { "t", t }, { "vios", vios }, { "msg", msg }, { "peer", peer }, { "bytes", bytes } }) {
            if ((long) f[1] == Long.MIN_VALUE) {
                throw new TraceFileException(line, 1, "missing field \"" + f[0] + "\"");
            }
        }
        if (layer == null || kind == null || outcome == null) {
            throw new TraceFileException(line, 1, "missing field \"" + (layer == null ? "layer" : kind == null ? "kind" : "outcome") + "\"");
        }
        if (vios < 0 || vios > 0xFFFF_FFFFL || peer < -1 || peer > 0xFFFF_FFFFL || bytes < -1 || bytes > Integer.MAX_VALUE) {
            throw new TraceFileException(line, 1, "vios, peer or bytes out of range");
        }
        if (packet != null && kind != TraceKind.TRANSMIT) {
            throw new TraceFileException(line, 1, "a " + kind + " event carries a packet; only kcluster sends (TRANSMIT) do");
        }
        if (flags != 0 && type == null) {
            throw new TraceFileException(line, 1, "\"flags\" without \"type\": an event about a packet names both");
        }
        return new TraceEvent(t, (int) vios, layer, kind, msg, peer == -1 ? -1 : (int) peer, (int) bytes, outcome, type, (int) flags, packet);
    }

    /** {@code field}, when the file's {@code version} has it; else the refusal. */
    private static String newer(int version, int since, String field, int line, int col) throws TraceFileException {
        if (version < since) {
            throw new TraceFileException(line, col, "unknown field \"" + field + "\" (it came with version " + since + ")");
        }
        return field;
    }

    private static void expect(JsonParser p, JsonToken token, int line, String problem) throws IOException, TraceFileException {
        if (p.nextToken() != token) {
            throw new TraceFileException(line, column(p), problem);
        }
    }

    private static int column(JsonParser p) {
        return p.currentTokenLocation().getColumnNr();
    }

    private static long number(JsonParser p, JsonToken v, int line, int col, String field) throws IOException, TraceFileException {
        if (v != JsonToken.VALUE_NUMBER_INT) {
            throw new TraceFileException(line, col, "\"" + field + "\" must be a whole number");
        }
        return p.getLongValue();
    }

    private static <E extends Enum<E>> E enumValue(Class<E> type, JsonParser p, int line, int col, String field) throws IOException,
            TraceFileException {
        String v = p.getValueAsString();
        try {
            return Enum.valueOf(type, v);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new TraceFileException(line, col, "\"" + field + "\" is \"" + v + "\", not one of " + java.util.List.of(type.getEnumConstants()));
        }
    }
}
