package org.viosbench.db;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.viosbench.json.InputException;
import org.viosbench.json.JsonAt;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The JSON file form of a VIOS database's cluster configuration ({@code db export} / {@code db
 * import}); reading names the JSON path of the first problem.
 */
public final class ConfigJson {
    public static final String FORMAT = "viosbench-cluster-config";
    public static final int VERSION = 1;

    private ConfigJson() {
    }

    /** {@link #toJson} as the text of an export file (indented, a newline at the end). */
    public static String toText(ClusterConfig c) {
        return toJson(c).toPrettyString() + "\n";
    }

    public static ObjectNode toJson(ClusterConfig c) {
        ObjectNode root = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode().put("format", FORMAT).put("version", VERSION);
        root.putObject("cluster").put("name", c.name()).put("heartbeatMillis", c.heartbeatMillis())
                .put("failureTimeoutMillis", c.failureTimeoutMillis());
        ArrayNode cecs = root.putArray("cecs");
        c.cecs().forEach(x -> cecs.addObject().put("serial", x.serial()).put("name", x.name()));
        ArrayNode vioses = root.putArray("vioses");
        c.vioses().forEach(v -> vioses.addObject().put("id", v.id()).put("name", v.name()).put("cec", v.cecSerial())
                .put("address", v.address()).put("role", v.role()));
        ArrayNode lpars = root.putArray("lpars");
        c.lpars().forEach(l -> lpars.addObject().put("id", l.id()).put("name", l.name()).put("cec", l.cecSerial()).put("osType", l.osType()));
        ArrayNode mappings = root.putArray("mappings");
        c.mappings().forEach(m -> mappings.addObject().put("vios", m.viosId()).put("adapter", m.adapter()).put("lpar", m.lparId())
                .put("backingDevice", m.backingDevice()));
        ArrayNode lus = root.putArray("logicalUnits");
        c.logicalUnits().forEach(u -> lus.addObject().put("name", u.name()).put("sizeMb", u.sizeMb()));
        return root;
    }

    private static final Set<String> ROLES = new java.util.TreeSet<>(Set.of("MEMBER", "DB_PRIMARY"));
    private static final Set<String> OS_TYPES = new java.util.TreeSet<>(Set.of("AIX", "IBMI", "LINUX", "OTHER"));

    private static String cec(JsonAt n, Set<String> serials) throws InputException {
        String cec = n.nonBlank("cec");
        if (!serials.contains(cec)) {
            throw n.problem("cec", "no CEC of the file has serial \"" + cec + "\" (serials: " + new java.util.TreeSet<>(serials) + ")");
        }
        return cec;
    }

    private static String oneOf(JsonAt n, String field, Set<String> allowed) throws InputException {
        String v = n.nonBlank(field);
        if (!allowed.contains(v)) {
            throw n.problem(field, "\"" + v + "\" is not one of " + allowed);
        }
        return v;
    }

    /** The configuration of {@code root}, or the first problem at its JSON path. */
    public static ClusterConfig fromJson(JsonAt root) throws InputException {
        root.object(Set.of("format", "version", "cluster", "cecs", "vioses", "lpars", "mappings", "logicalUnits"));
        String format = root.text("format", "");
        if (!FORMAT.equals(format)) {
            throw root.problem("format", "expected \"" + FORMAT + "\", got \"" + format + "\"");
        }
        long version = root.integer("version", 1, Integer.MAX_VALUE);
        if (version != VERSION) {
            throw root.problem("version", "this viosbench reads version " + VERSION + ", the file has " + version);
        }
        JsonAt cluster = root.get("cluster").object(Set.of("name", "heartbeatMillis", "failureTimeoutMillis"));
        String name = cluster.nonBlank("name");
        int heartbeat = (int) cluster.integer("heartbeatMillis", 1, Integer.MAX_VALUE);
        int failure = (int) cluster.integer("failureTimeoutMillis", 1, Integer.MAX_VALUE);
        org.viosbench.json.Unique unique = new org.viosbench.json.Unique();
        List<ClusterConfig.Cec> cecs = new ArrayList<>();
        for (JsonAt c : root.array("cecs")) {
            c.object(Set.of("serial", "name"));
            cecs.add(new ClusterConfig.Cec(unique.of("CEC serial", c, "serial", c.nonBlank("serial"), ""), unique.of("CEC name", c, "name", c.nonBlank("name"), "")));
        }
        Set<String> serials = new java.util.HashSet<>();
        cecs.forEach(c -> serials.add(c.serial()));
        List<ClusterConfig.Vios> vioses = new ArrayList<>();
        for (JsonAt v : root.array("vioses")) {
            v.object(Set.of("id", "name", "cec", "address", "role"));
            vioses.add(new ClusterConfig.Vios(unique.of("VIOS id", v, "id", v.integer("id", 0, 0xFFFF_FFFFL), ""), unique.of("VIOS name", v, "name",
                    v.nonBlank("name"), ""), cec(v, serials), v.has("address") ? v.nonBlank("address") : null, oneOf(v, "role", ROLES)));
        }
        List<ClusterConfig.Lpar> lpars = new ArrayList<>();
        for (JsonAt l : root.array("lpars")) {
            l.object(Set.of("id", "name", "cec", "osType"));
            lpars.add(new ClusterConfig.Lpar(unique.of("LPAR id", l, "id", (int) l.integer("id", 1, Integer.MAX_VALUE), ""), unique.of("LPAR name", l,
                    "name", l.nonBlank("name"), ""), cec(l, serials), oneOf(l, "osType", OS_TYPES)));
        }
        List<ClusterConfig.Mapping> mappings = new ArrayList<>();
        for (JsonAt m : root.array("mappings")) {
            m.object(Set.of("vios", "adapter", "lpar", "backingDevice"));
            long vios = m.integer("vios", 0, 0xFFFF_FFFFL);
            if (vioses.stream().noneMatch(v -> v.id() == vios)) {
                throw m.problem("vios", "no VIOS of the file has id " + vios);
            }
            int lpar = (int) m.integer("lpar", 1, Integer.MAX_VALUE);
            if (lpars.stream().noneMatch(l -> l.id() == lpar)) {
                throw m.problem("lpar", "no LPAR of the file has id " + lpar);
            }
            mappings.add(new ClusterConfig.Mapping(vios, m.nonBlank("adapter"), lpar, m.nonBlank("backingDevice")));
        }
        List<ClusterConfig.LogicalUnit> lus = new ArrayList<>();
        for (JsonAt u : root.array("logicalUnits")) {
            u.object(Set.of("name", "sizeMb"));
            lus.add(new ClusterConfig.LogicalUnit(unique.of("logical unit name", u, "name", u.nonBlank("name"), ""), u.integer("sizeMb", 1, Long.MAX_VALUE)));
        }
        return new ClusterConfig(name, heartbeat, failure, cecs, vioses, lpars, mappings, lus);
    }
}
