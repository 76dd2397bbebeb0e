package org.viosbench.topology;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.viosbench.json.InputException;
import org.viosbench.json.JsonAt;
import org.viosbench.json.StrictJson;
import org.viosbench.json.Unique;

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

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private TopologyFile() {
    }

    /** Most bytes a topology file may have (the largest sample has a few KB). */
    public static final long MAX_BYTES = 16L << 20;

    /** Reads a topology file (a regular file of at most {@link #MAX_BYTES} bytes of UTF-8). */
    public static Topology read(Path file) throws IOException, TopologyFileException {
        try {
            return parse(org.viosbench.json.InputFiles.read(file, MAX_BYTES));
        } catch (TopologyFileException e) {
            throw e;
        } catch (InputException e) {
            throw new TopologyFileException(e);
        }
    }

    /** Parses the text of a topology file. */
    public static Topology parse(String json) throws TopologyFileException {
        try {
            return new Reader().topology(JsonAt.root(StrictJson.parse(json)));
        } catch (InputException e) {
            throw new TopologyFileException(e);
        }
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
        private final Unique unique = new Unique();

        Topology topology(JsonAt root) throws InputException {
            root.object(Set.of("format", "version", "cluster", "cecs", "mappings"));
            String format = root.text("format", "");
            if (!format.equals(FORMAT)) {
                throw root.problem("format", "\"" + format + "\" is not a viosbench topology (expected \"" + FORMAT + "\")");
            }
            long version = root.integer("version", 1, Integer.MAX_VALUE);
            if (version != VERSION) {
                throw root.problem("version", "version " + version + " is not supported; this viosbench reads version " + VERSION
                        + (version > VERSION ? " (the file was written by a newer viosbench)" : ""));
            }
            JsonAt cluster = root.get("cluster").object(Set.of("name", "heartbeatMillis", "failureTimeoutMillis"));
            Topology t = new Topology(cluster.text("name"));
            int heartbeat = (int) cluster.integer("heartbeatMillis", 1, 3_600_000);
            int failure = (int) cluster.integer("failureTimeoutMillis", 1, 3_600_000);
            t.setTiming(heartbeat, failure);
            for (JsonAt c : root.array("cecs")) {
                t.addCec(cec(c));
            }
            for (JsonAt m : root.array("mappings")) {
                t.addMapping(mapping(t, m));
            }
            return t;
        }

        private Cec cec(JsonAt n) throws InputException {
            n.object(Set.of("serial", "name", "model", "bounds", "vioses", "lpars"));
            String serial = unique.of("CEC serial", n, "serial", n.text("serial"), "");
            Cec c = new Cec(serial, n.text("name"));
            if (n.has("model")) {
                c.setModel(n.text("model"));
            }
            c.setBounds(bounds(n));
            for (JsonAt v : n.array("vioses")) {
                c.add(vios(v));
            }
            for (JsonAt l : n.array("lpars")) {
                c.add(lpar(l));
            }
            return c;
        }

        private Vios vios(JsonAt n) throws InputException {
            n.object(Set.of("id", "name", "partitionId", "role", "address", "daemons", "bounds"));
            long id = unique.of("VIOS id", n, "id", n.integer("id", 0, 0xFFFF_FFFFL), "mappings name VIOSes by id");
            Vios v = new Vios(id, n.text("name"), (int) n.integer("partitionId", 1, 65535));
            String role = n.text("role");
            try {
                v.setRole(ViosRole.valueOf(role));
            } catch (IllegalArgumentException e) {
                throw n.problem("role", "role \"" + role + "\" is not one of " + List.of(ViosRole.values()));
            }
            if (n.has("address")) {
                v.setAddress(n.text("address"));
            }
            List<Integer> ds = new ArrayList<>();
            for (JsonAt d : n.array("daemons")) {
                if (!d.node().isIntegralNumber() || d.node().asLong() < 0 || d.node().asLong() > 0xFFFF) {
                    throw d.problem("a daemon id is a whole number 0..65535, not " + d.node());
                }
                ds.add(d.node().asInt());
            }
            v.setDaemons(ds);
            v.setBounds(bounds(n));
            return v;
        }

        private Lpar lpar(JsonAt n) throws InputException {
            n.object(Set.of("id", "name", "partitionId", "osType", "bounds"));
            int id = unique.of("LPAR id", n, "id", (int) n.integer("id", 1, Integer.MAX_VALUE), "mappings name LPARs by id");
            Lpar l = new Lpar(id, n.text("name"), (int) n.integer("partitionId", 1, 65535));
            String os = n.text("osType");
            try {
                l.setOsType(OsType.valueOf(os));
            } catch (IllegalArgumentException e) {
                throw n.problem("osType", "OS type \"" + os + "\" is not one of " + List.of(OsType.values()));
            }
            l.setBounds(bounds(n));
            return l;
        }

        private Mapping mapping(Topology t, JsonAt n) throws InputException {
            n.object(Set.of("lpar", "vios", "adapter", "backingDevice"));
            int lparId = (int) n.integer("lpar", 1, Integer.MAX_VALUE);
            long viosId = n.integer("vios", 0, 0xFFFF_FFFFL);
            Lpar l = t.lpar(lparId);
            if (l == null) {
                throw n.problem("lpar", "no LPAR has id " + lparId);
            }
            Vios v = t.vios(viosId);
            if (v == null) {
                throw n.problem("vios", "no VIOS has id " + viosId);
            }
            return new Mapping(l, v, n.text("adapter"), n.text("backingDevice"));
        }

        private static Bounds bounds(JsonAt n) throws InputException {
            JsonAt b = n.find("bounds");
            if (b == null) {
                return null;
            }
            if (!b.node().isArray() || b.node().size() != 4) {
                throw b.problem("bounds are [x, y, width, height]");
            }
            int[] v = new int[4];
            List<JsonAt> coordinates = b.elements();
            for (int i = 0; i < 4; i++) {
                JsonAt c = coordinates.get(i);
                if (!c.node().isIntegralNumber() || Math.abs(c.node().asLong()) > 1_000_000) {
                    throw c.problem("a coordinate is a whole number within +-1000000, not " + c.node());
                }
                v[i] = c.node().asInt();
            }
            if (v[2] <= 0 || v[3] <= 0) {
                throw b.problem("width and height must be positive, not " + v[2] + "x" + v[3]);
            }
            return new Bounds(v[0], v[1], v[2], v[3]);
        }
    }
}
