package org.viosbench.trace;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.viosbench.engine.Layer;
import org.viosbench.engine.TraceEvent;
import org.viosbench.engine.TraceKind;

import org.viosbench.json.InputException;
import org.viosbench.json.JsonAt;
import org.viosbench.json.StrictJson;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

/**
 * Trace files: JSON lines, version {@value #VERSION}. The first line describes the trace
 * ({@code {"format":"viosbench-trace","version":2,"vioses":{"1":"vios1",...}}}), every further line
 * is one event ({@code {"t":nanos,"vios":1,"layer":"VKE","kind":"ROUTE","msg":7,"peer":-1,"bytes":85,"outcome":"unicast to 1"}});
 * since version 2 a kcluster send (TRANSMIT) may carry the packet it sent ({@code "packet":"5649..."}, hex);
 * since version 3 an event about a packet names its type and header flags ({@code "type":"DATA","flags":4}:
 * flag 4 a response, 8 an error, 1 a broadcast). Versions 1 and 2 are still read (the facts are
 * inferred, see {@link RecordedTrace}). Each line is read by the strict JSON reader; a bad file
 * is refused whole with its line (and column, or the field's path) and what is wrong; nothing half-loaded.
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

    /** Longest line read, in bytes: an event with the largest packet in hex is far shorter. */
    static final int MAX_LINE = 1 << 20;

    /** Reads a trace file (a regular file of UTF-8 lines of at most {@link #MAX_LINE} bytes), or refuses it whole. */
    public static RecordedTrace read(Path file) throws IOException, TraceFileException {
        try {
            org.viosbench.json.InputFiles.requireRegular(file);
        } catch (InputException e) {
            throw new TraceFileException(e.where(), e.problem());
        }
        try (java.io.InputStream r = Files.newInputStream(file)) {
            Lines lines = new Lines(r);
            String first = lines.next();
            if (first == null || first.isBlank()) {
                throw new TraceFileException(1, "the file is empty");
            }
            Map<Integer, String> names = new TreeMap<>();
            int version = header(line(first, 1), names);
            List<TraceEvent> events = new ArrayList<>();
            long lastTime = Long.MIN_VALUE;
            for (String text; (text = lines.next()) != null;) {
                if (text.isBlank()) {
                    continue;
                }
                int line = lines.number;
                TraceEvent e;
                try {
                    e = event(line(text, line), version);
                } catch (InputException x) {
                    throw new TraceFileException(line, x);
                }
                if (e.timeNanos() < lastTime) {
                    throw new TraceFileException(line, "time " + e.timeNanos() + " goes back (the line before says " + lastTime + ")");
                }
                lastTime = e.timeNanos();
                events.add(e);
            }
            return new RecordedTrace(events, names);
        }
    }

    /** The lines of a stream, each at most {@link #MAX_LINE} bytes, each checked to be UTF-8 (the line and byte of the first that is not named). */
    private static final class Lines {
        private final java.io.InputStream in;
        private final byte[] buffer = new byte[1 << 16];
        private int at;
        private int end;
        private final java.io.ByteArrayOutputStream line = new java.io.ByteArrayOutputStream();
        int number;

        Lines(java.io.InputStream in) {
            this.in = in;
        }

        /** The next line (without its end), or null at the end. */
        String next() throws IOException, TraceFileException {
            line.reset();
            number++;
            while (true) {
                if (at == end) {
                    end = in.read(buffer);
                    at = 0;
                    if (end <= 0) {
                        end = 0;
                        return line.size() == 0 ? null : text();
                    }
                }
                int from = at;
                while (at < end && buffer[at] != '\n') {
                    at++;
                }
                if (line.size() + (at - from) > MAX_LINE) {
                    throw new TraceFileException(number, "the line is longer than " + MAX_LINE + " bytes");
                }
                line.write(buffer, from, at - from);
                if (at < end) { // the line's end
                    at++;
                    return text();
                }
            }
        }

        private String text() throws TraceFileException {
            try {
                return org.viosbench.json.InputFiles.text(line.toByteArray());
            } catch (InputException e) {
                throw new TraceFileException(number, e);
            }
        }
    }

    /** Line {@code number}'s one JSON value (strict: keys once, nothing after it). */
    private static JsonAt line(String text, int number) throws TraceFileException {
        try {
            return JsonAt.root(StrictJson.parse(text, number));
        } catch (InputException e) {
            throw new TraceFileException(number, e);
        }
    }

    /** Reads the description line into {@code names}; returns the file's version. */
    private static int header(JsonAt h, Map<Integer, String> names) throws TraceFileException {
        try {
            if (!h.node().isObject()) {
                throw h.problem("the first line must be a JSON object describing the trace");
            }
            h.object(Set.of("format", "version", "vioses"));
            String format = h.text("format", "");
            if (!FORMAT.equals(format)) {
                throw h.problem("format", "not a viosbench trace (format \"" + format + "\", expected \"" + FORMAT + "\")");
            }
            long version = h.integer("version", 0, Integer.MAX_VALUE);
            if (version < OLDEST_VERSION || version > VERSION) {
                throw h.problem("version", "version " + version + " is not supported; this viosbench reads versions " + OLDEST_VERSION
                        + " to " + VERSION + (version > VERSION ? " (written by a newer viosbench)" : ""));
            }
            JsonAt vioses = h.find("vioses");
            if (vioses != null) {
                if (!vioses.node().isObject()) {
                    throw vioses.problem("\"vioses\" must map VIOS ids to names");
                }
                for (var it = vioses.node().fieldNames(); it.hasNext();) {
                    String id = it.next();
                    long n;
                    try {
                        n = Long.parseLong(id);
                    } catch (NumberFormatException e) {
                        throw vioses.problem(id, "VIOS id \"" + id + "\" is not a number");
                    }
                    names.put((int) n, vioses.text(id));
                }
            }
            return (int) version;
        } catch (InputException e) {
            throw new TraceFileException(1, e);
        }
    }

    /** The fields of event lines, and the version each came with. */
    private static final Map<String, Integer> FIELDS = Map.ofEntries(Map.entry("t", 1), Map.entry("vios", 1), Map.entry("layer", 1),
            Map.entry("kind", 1), Map.entry("msg", 1), Map.entry("peer", 1), Map.entry("bytes", 1), Map.entry("outcome", 1),
            Map.entry("packet", 2), Map.entry("type", 3), Map.entry("flags", 3));

    /** One event line, with the packet it carries. */
    private static TraceEvent event(JsonAt e, int version) throws InputException {
        if (!e.node().isObject()) {
            throw e.problem("an event line must be a JSON object");
        }
        for (var it = e.node().fieldNames(); it.hasNext();) {
            String f = it.next();
            Integer since = FIELDS.get(f);
            if (since == null) {
                throw e.problem(f, "unknown field \"" + JsonAt.clipped(f) + "\"");
            }
            if (since > version) {
                throw e.problem(f, "unknown field \"" + JsonAt.clipped(f) + "\" (it came with version " + since + ")");
            }
        }
        long t = e.integer("t", Long.MIN_VALUE, Long.MAX_VALUE);
        int vios = (int) e.integer("vios", 0, 0xFFFF_FFFFL);
        Layer layer = e.get("layer").oneOf(Layer.class);
        TraceKind kind = e.get("kind").oneOf(TraceKind.class);
        long msg = e.integer("msg", Long.MIN_VALUE, Long.MAX_VALUE);
        long peer = e.integer("peer", -1, 0xFFFF_FFFFL);
        int bytes = (int) e.integer("bytes", -1, Integer.MAX_VALUE);
        String outcome = e.text("outcome");
        org.viosbench.protocol.MessageType type = e.has("type") ? e.get("type").oneOf(org.viosbench.protocol.MessageType.class) : null;
        int flags = 0;
        if (e.has("flags")) {
            JsonAt f = e.get("flags");
            if (!f.node().isIntegralNumber() || f.node().asLong() < 0 || f.node().asLong() > 0xFFFF) {
                throw f.problem("\"flags\" must be a 16-bit header flag word, not " + f.node());
            }
            flags = f.node().asInt();
        }
        byte[] packet = null;
        if (e.has("packet")) {
            JsonAt p = e.get("packet");
            try {
                packet = java.util.HexFormat.of().parseHex(p.text());
            } catch (IllegalArgumentException x) {
                throw p.problem("\"packet\" must be the packet's bytes in hex: " + x.getMessage());
            }
            if (kind != TraceKind.TRANSMIT) {
                throw p.problem("a " + kind + " event carries a packet; only kcluster sends (TRANSMIT) do");
            }
        }
        if (flags != 0 && type == null) {
            throw e.problem("flags", "\"flags\" without \"type\": an event about a packet names both");
        }
        return new TraceEvent(t, vios, layer, kind, msg, peer == -1 ? -1 : (int) peer, bytes, outcome, type, flags, packet);
    }
}
