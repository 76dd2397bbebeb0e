package org.viosbench.topology;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The {@code *.vios.json} file format, version {@value #VERSION}: read as a whole or refused with
 * the problem and where it is (line and column, or JSON path), never half-loaded; written with a
 * stable field order so files diff well. The format is documented in docs/topology-format.md.
 */
public final class TopologyFile {
    public static final String FORMAT = "viosbench-topology";
    public static final int VERSION = 1;
    /** File name suffix. */
    public static final String SUFFIX = ".vios.json";

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY);

    private TopologyFile() {
    }

    /** Reads a topology file. */
    public static Topology read(Path file) throws IOException, TopologyFileException {
        return parse(Files.readString(file, StandardCharsets.UTF_8));
    }

    /** Parses the text of a topology file. */
    public static Topology parse(String json) throws TopologyFileException {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JsonParseException e) {
            throw new TopologyFileException(where(e), "not valid JSON: " + e.getOriginalMessage());
        } catch (JsonProcessingException e) {
            throw new TopologyFileException(where(e), e.getOriginalMessage());
        }
        if (root == null || root.isMissingNode()) {
            throw new TopologyFileException("line 1, column 1", "the file is empty");
        }
        return new Reader().topology(root);
    }

    private static String where(JsonProcessingException e) {
        return e.getLocation() == null ? "unknown place" : "line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
    }

    /** Writes {@code t} to {@code file} atomically (a temporary file moved over it). */
    public static void write(Topology t, Path file) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, ".viosbench-", ".tmp");
        try {
            Files.writeString(tmp, format(t), StandardCharsets.UTF_8);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** The text of {@code t} as a topology file. */
    public static String format(Topology t) {
        ObjectNode root = MAPPER.createObjectNode().put("format", FORMAT).put("version", VERSION);
        root.putObject("cluster").put("name", t.name()).put("heartbeatMillis", t.heartbeatMillis())
                .put("failureTimeoutMillis", t.failureTimeoutMillis());
        ArrayNode cecs = root.putArray("cecs");
        for (Cec c : t.cecs()) {
            ObjectNode cn = cecs.addObject().put("serial", c.serial()).put("name", c.name());
            if (!c.model().isEmpty()) {
                cn.put("model", c.model());
            }
            bounds(cn, c);
            ArrayNode vs = cn.putArray("vioses");
            for (Vios v : c.vioses()) {
                ObjectNode vn = vs.addObject().put("id", v.id()).put("name", v.name()).put("partitionId", v.partitionId())
                        .put("role", v.role().name());
                if (!v.address().isEmpty()) {
                    vn.put("address", v.address());
                }
                ArrayNode ds = vn.putArray("daemons");
                v.daemons().forEach(ds::add);
                bounds(vn, v);
            }
            ArrayNode ls = cn.putArray("lpars");
            for (Lpar l : c.lpars()) {
                ObjectNode ln = ls.addObject().put("id", l.id()).put("name", l.name()).put("partitionId", l.partitionId())
                        .put("osType", l.osType().name());
                bounds(ln, l);
            }
        }
        ArrayNode ms = root.putArray("mappings");
        for (Mapping m : t.mappings()) {
            ms.addObject().put("lpar", m.lpar().id()).put("vios", m.vios().id()).put("adapter", m.adapter())
                    .put("backingDevice", m.backingDevice());
        }
        try {
            return MAPPER.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a topology as JSON", e);
        }
    }

    private static void bounds(ObjectNode n, Element e) {
        Bounds b = e.bounds();
        if (b != null) {
            n.putArray("bounds").add(b.x()).add(b.y()).add(b.width()).add(b.height());
        }
    }

    /** Reads the tree, checking every field; the first problem ends it. */
    private static final class Reader {
        private final Map<Long, String> viosPaths = new HashMap<>();
        private final Map<Integer, String> lparPaths = new HashMap<>();
        private final Map<String, String> cecPaths = new HashMap<>();

        Topology topology(JsonNode root) throws TopologyFileException {
            object(root, "");
            fields(root, "", Set.of("format", "version", "cluster", "cecs", "mappings"));
            String format = text(root, "format", "");
            if (!format.equals(FORMAT)) {
                throw new TopologyFileException("/format", "\"" + format + "\" is not a viosbench topology (expected \"" + FORMAT + "\")");
            }
            long version = integer(root, "version", "", 1, Integer.MAX_VALUE);
            if (version != VERSION) {
                throw new TopologyFileException("/version", "version " + version + " is not supported; this viosbench reads version " + VERSION
                        + (version > VERSION ? " (the file was written by a newer viosbench)" : ""));
            }
            JsonNode cluster = member(root, "cluster", "");
            object(cluster, "/cluster");
            fields(cluster, "/cluster", Set.of("name", "heartbeatMillis", "failureTimeoutMillis"));
            Topology t = new Topology(text(cluster, "name", "/cluster"));
            int heartbeat = (int) integer(cluster, "heartbeatMillis", "/cluster", 1, 3_600_000);
            int failure = (int) integer(cluster, "failureTimeoutMillis", "/cluster", 1, 3_600_000);
            t.setTiming(heartbeat, failure);
            JsonNode cecs = array(root, "cecs", "");
            for (int i = 0; i < cecs.size(); i++) {
                t.addCec(cec(cecs.get(i), "/cecs/" + i));
            }
            JsonNode mappings = array(root, "mappings", "");
            for (int i = 0; i < mappings.size(); i++) {
                t.addMapping(mapping(t, mappings.get(i), "/mappings/" + i));
            }
            return t;
        }

        private Cec cec(JsonNode n, String path) throws TopologyFileException {
            object(n, path);
            fields(n, path, Set.of("serial", "name", "model", "bounds", "vioses", "lpars"));
            String serial = text(n, "serial", path);
            String earlier = cecPaths.putIfAbsent(serial, path);
            if (earlier != null) {
                throw new TopologyFileException(path + "/serial", "CEC serial " + serial + " is already used at " + earlier);
            }
            Cec c = new Cec(serial, text(n, "name", path));
            if (n.has("model")) {
                c.setModel(text(n, "model", path));
            }
            c.setBounds(bounds(n, path));
            JsonNode vioses = array(n, "vioses", path);
            for (int i = 0; i < vioses.size(); i++) {
                c.add(vios(vioses.get(i), path + "/vioses/" + i));
            }
            JsonNode lpars = array(n, "lpars", path);
            for (int i = 0; i < lpars.size(); i++) {
                c.add(lpar(lpars.get(i), path + "/lpars/" + i));
            }
            return c;
        }

        private Vios vios(JsonNode n, String path) throws TopologyFileException {
            object(n, path);
            fields(n, path, Set.of("id", "name", "partitionId", "role", "address", "daemons", "bounds"));
            long id = integer(n, "id", path, 0, 0xFFFF_FFFFL);
            String earlier = viosPaths.putIfAbsent(id, path);
            if (earlier != null) {
                throw new TopologyFileException(path + "/id", "VIOS id " + id + " is already used at " + earlier + " (mappings name VIOSes by id)");
            }
            Vios v = new Vios(id, text(n, "name", path), (int) integer(n, "partitionId", path, 1, 65535));
            String role = text(n, "role", path);
            try {
                v.setRole(ViosRole.valueOf(role));
            } catch (IllegalArgumentException e) {
                throw new TopologyFileException(path + "/role", "role \"" + role + "\" is not one of " + List.of(ViosRole.values()));
            }
            if (n.has("address")) {
                v.setAddress(text(n, "address", path));
            }
            JsonNode daemons = array(n, "daemons", path);
            List<Integer> ds = new ArrayList<>();
            for (int i = 0; i < daemons.size(); i++) {
                JsonNode d = daemons.get(i);
                if (!d.isIntegralNumber() || d.asLong() < 0 || d.asLong() > 0xFFFF) {
                    throw new TopologyFileException(path + "/daemons/" + i, "a daemon id is a whole number 0..65535, not " + d);
                }
                ds.add(d.asInt());
            }
            v.setDaemons(ds);
            v.setBounds(bounds(n, path));
            return v;
        }

        private Lpar lpar(JsonNode n, String path) throws TopologyFileException {
            object(n, path);
            fields(n, path, Set.of("id", "name", "partitionId", "osType", "bounds"));
            int id = (int) integer(n, "id", path, 1, Integer.MAX_VALUE);
            String earlier = lparPaths.putIfAbsent(id, path);
            if (earlier != null) {
                throw new TopologyFileException(path + "/id", "LPAR id " + id + " is already used at " + earlier + " (mappings name LPARs by id)");
            }
            Lpar l = new Lpar(id, text(n, "name", path), (int) integer(n, "partitionId", path, 1, 65535));
            String os = text(n, "osType", path);
            try {
                l.setOsType(OsType.valueOf(os));
            } catch (IllegalArgumentException e) {
                throw new TopologyFileException(path + "/osType", "OS type \"" + os + "\" is not one of " + List.of(OsType.values()));
            }
            l.setBounds(bounds(n, path));
            return l;
        }

        private Mapping mapping(Topology t, JsonNode n, String path) throws TopologyFileException {
            object(n, path);
            fields(n, path, Set.of("lpar", "vios", "adapter", "backingDevice"));
            int lparId = (int) integer(n, "lpar", path, 1, Integer.MAX_VALUE);
            long viosId = integer(n, "vios", path, 0, 0xFFFF_FFFFL);
            Lpar l = t.lpar(lparId);
            if (l == null) {
                throw new TopologyFileException(path + "/lpar", "no LPAR has id " + lparId);
            }
            Vios v = t.vios(viosId);
            if (v == null) {
                throw new TopologyFileException(path + "/vios", "no VIOS has id " + viosId);
            }
            return new Mapping(l, v, text(n, "adapter", path), text(n, "backingDevice", path));
        }

        private static Bounds bounds(JsonNode n, String path) throws TopologyFileException {
            if (!n.has("bounds")) {
                return null;
            }
            JsonNode b = n.get("bounds");
            String at = path + "/bounds";
            if (!b.isArray() || b.size() != 4) {
                throw new TopologyFileException(at, "bounds are [x, y, width, height]");
            }
            int[] v = new int[4];
            for (int i = 0; i < 4; i++) {
                if (!b.get(i).isIntegralNumber() || Math.abs(b.get(i).asLong()) > 1_000_000) {
                    throw new TopologyFileException(at + "/" + i, "a coordinate is a whole number within +-1000000, not " + b.get(i));
                }
                v[i] = b.get(i).asInt();
            }
            if (v[2] <= 0 || v[3] <= 0) {
                throw new TopologyFileException(at, "width and height must be positive, not " + v[2] + "x" + v[3]);
            }
            return new Bounds(v[0], v[1], v[2], v[3]);
        }

        private static void object(JsonNode n, String path) throws TopologyFileException {
            if (!n.isObject()) {
                throw new TopologyFileException(path.isEmpty() ? "/" : path, "expected a JSON object, found " + kind(n));
            }
        }

        private static void fields(JsonNode n, String path, Set<String> known) throws TopologyFileException {
            for (Iterator<String> it = n.fieldNames(); it.hasNext();) {
                String f = it.next();
                if (!known.contains(f)) {
                    throw new TopologyFileException(path + "/" + f, "unknown field \"" + f + "\" (known here: " + new java.util.TreeSet<>(known) + ")");
                }
            }
        }

        private static JsonNode member(JsonNode n, String field, String path) throws TopologyFileException {
            JsonNode v = n.get(field);
            if (v == null || v.isNull()) {
                throw new TopologyFileException(path + "/" + field, "missing field \"" + field + "\"");
            }
            return v;
        }

        private static String text(JsonNode n, String field, String path) throws TopologyFileException {
            JsonNode v = member(n, field, path);
            if (!v.isTextual()) {
                throw new TopologyFileException(path + "/" + field, "expected a string, found " + kind(v));
            }
            return v.asText();
        }

        private static long integer(JsonNode n, String field, String path, long min, long max) throws TopologyFileException {
            JsonNode v = member(n, field, path);
            if (!v.isIntegralNumber() || !v.canConvertToLong() || v.asLong() < min || v.asLong() > max) {
                throw new TopologyFileException(path + "/" + field, "expected a whole number " + min + ".." + max + ", found " + v);
            }
            return v.asLong();
        }

        private static JsonNode array(JsonNode n, String field, String path) throws TopologyFileException {
            JsonNode v = member(n, field, path);
            if (!v.isArray()) {
                throw new TopologyFileException(path + "/" + field, "expected an array, found " + kind(v));
            }
            return v;
        }

        private static String kind(JsonNode n) {
            return switch (n.getNodeType()) {
                case ARRAY -> "an array";
                case OBJECT -> "an object";
                case STRING -> "the string " + n;
                case NUMBER -> "the number " + n;
                case BOOLEAN -> n.asText();
                default -> "null";
            };
        }
    }
}
