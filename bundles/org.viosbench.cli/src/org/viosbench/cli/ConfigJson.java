package org.viosbench.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.viosbench.db.ClusterConfig;
import org.viosbench.json.InputException;
import org.viosbench.json.JsonAt;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The JSON file form of a VIOS database's cluster configuration ({@code db export} / {@code db
 * import}); reading names the JSON path of the first problem.
 */
final class ConfigJson {
    static final String FORMAT = "viosbench-cluster-config";
    static final int VERSION = 1;

    private ConfigJson() {
    }

    static ObjectNode toJson(ClusterConfig c) {
        ObjectNode root = Json.object().put("format", FORMAT).put("version", VERSION);
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

    /** The configuration of {@code root}, or the first problem at its JSON path. */
    static ClusterConfig fromJson(JsonAt root) throws InputException {
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
        List<ClusterConfig.Cec> cecs = new ArrayList<>();
        for (JsonAt c : root.array("cecs")) {
            c.object(Set.of("serial", "name"));
            cecs.add(new ClusterConfig.Cec(c.nonBlank("serial"), c.nonBlank("name")));
        }
        List<ClusterConfig.Vios> vioses = new ArrayList<>();
        for (JsonAt v : root.array("vioses")) {
            v.object(Set.of("id", "name", "cec", "address", "role"));
            vioses.add(new ClusterConfig.Vios(v.integer("id", 0, 0xFFFF_FFFFL), v.nonBlank("name"), v.nonBlank("cec"),
                    v.has("address") ? v.nonBlank("address") : null, v.nonBlank("role")));
        }
        List<ClusterConfig.Lpar> lpars = new ArrayList<>();
        for (JsonAt l : root.array("lpars")) {
            l.object(Set.of("id", "name", "cec", "osType"));
            lpars.add(new ClusterConfig.Lpar((int) l.integer("id", 1, Integer.MAX_VALUE), l.nonBlank("name"), l.nonBlank("cec"),
                    l.nonBlank("osType")));
        }
        List<ClusterConfig.Mapping> mappings = new ArrayList<>();
        for (JsonAt m : root.array("mappings")) {
            m.object(Set.of("vios", "adapter", "lpar", "backingDevice"));
            mappings.add(new ClusterConfig.Mapping(m.integer("vios", 0, 0xFFFF_FFFFL), m.nonBlank("adapter"),
                    (int) m.integer("lpar", 1, Integer.MAX_VALUE), m.nonBlank("backingDevice")));
        }
        List<ClusterConfig.LogicalUnit> lus = new ArrayList<>();
        for (JsonAt u : root.array("logicalUnits")) {
            u.object(Set.of("name", "sizeMb"));
            lus.add(new ClusterConfig.LogicalUnit(u.nonBlank("name"), u.integer("sizeMb", 1, Long.MAX_VALUE)));
        }
        return new ClusterConfig(name, heartbeat, failure, cecs, vioses, lpars, mappings, lus);
    }
}
