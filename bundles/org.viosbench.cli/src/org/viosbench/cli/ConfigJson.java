package org.viosbench.cli;

import java.util.ArrayList;
import java.util.List;

import org.viosbench.db.ClusterConfig;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The JSON file form of a VIOS database's cluster configuration ({@code db export} / {@code db
 * import}); reading names the JSON path of the first problem.
 */
final class ConfigJson {
    static final String FORMAT = "viosbench-cluster-config";
    static final int VERSION = 1;

    /** A problem in the file, with its JSON path. */
    static final class BadConfigException extends Exception {
        private static final long serialVersionUID = 1L;

        BadConfigException(String path, String message) {
            super(path + ": " + message);
        }
    }

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

    static ClusterConfig fromJson(JsonNode root) throws BadConfigException {
        if (root == null || !root.isObject()) {
            throw new BadConfigException("/", "expected a JSON object");
        }
        if (!FORMAT.equals(root.path("format").asText())) {
            throw new BadConfigException("/format", "expected \"" + FORMAT + "\", got " + root.get("format"));
        }
        if (root.path("version").asInt(-1) != VERSION) {
            throw new BadConfigException("/version", "this viosbench reads version " + VERSION + ", the file has " + root.get("version"));
        }
        JsonNode cluster = object(root, "cluster", "/cluster");
        String name = text(cluster, "name", "/cluster/name", false);
        int heartbeat = (int) number(cluster, "heartbeatMillis", "/cluster/heartbeatMillis", 1, Integer.MAX_VALUE);
        int failure = (int) number(cluster, "failureTimeoutMillis", "/cluster/failureTimeoutMillis", 1, Integer.MAX_VALUE);
        List<ClusterConfig.Cec> cecs = new ArrayList<>();
        JsonNode list = array(root, "cecs");
        for (int i = 0; i < list.size(); i++) {
            String at = "/cecs/" + i;
            cecs.add(new ClusterConfig.Cec(text(list.get(i), "serial", at + "/serial", false), text(list.get(i), "name", at + "/name", false)));
        }
        List<ClusterConfig.Vios> vioses = new ArrayList<>();
        list = array(root, "vioses");
        for (int i = 0; i < list.size(); i++) {
            String at = "/vioses/" + i;
            JsonNode v = list.get(i);
            vioses.add(new ClusterConfig.Vios(number(v, "id", at + "/id", 0, 0xFFFFFFFFL), text(v, "name", at + "/name", false),
                    text(v, "cec", at + "/cec", false), text(v, "address", at + "/address", true), text(v, "role", at + "/role", false)));
        }
        List<ClusterConfig.Lpar> lpars = new ArrayList<>();
        list = array(root, "lpars");
        for (int i = 0; i < list.size(); i++) {
            String at = "/lpars/" + i;
            JsonNode l = list.get(i);
            lpars.add(new ClusterConfig.Lpar((int) number(l, "id", at + "/id", 1, Integer.MAX_VALUE), text(l, "name", at + "/name", false),
                    text(l, "cec", at + "/cec", false), text(l, "osType", at + "/osType", false)));
        }
        List<ClusterConfig.Mapping> mappings = new ArrayList<>();
        list = array(root, "mappings");
        for (int i = 0; i < list.size(); i++) {
            String at = "/mappings/" + i;
            JsonNode m = list.get(i);
            mappings.add(new ClusterConfig.Mapping(number(m, "vios", at + "/vios", 0, 0xFFFFFFFFL), text(m, "adapter", at + "/adapter", false),
                    (int) number(m, "lpar", at + "/lpar", 1, Integer.MAX_VALUE), text(m, "backingDevice", at + "/backingDevice", false)));
        }
        List<ClusterConfig.LogicalUnit> lus = new ArrayList<>();
        list = array(root, "logicalUnits");
        for (int i = 0; i < list.size(); i++) {
            String at = "/logicalUnits/" + i;
            lus.add(new ClusterConfig.LogicalUnit(text(list.get(i), "name", at + "/name", false),
                    number(list.get(i), "sizeMb", at + "/sizeMb", 1, Long.MAX_VALUE)));
        }
        return new ClusterConfig(name, heartbeat, failure, cecs, vioses, lpars, mappings, lus);
    }

    private static JsonNode object(JsonNode node, String field, String path) throws BadConfigException {
        JsonNode v = node.get(field);
        if (v == null || !v.isObject()) {
            throw new BadConfigException(path, v == null ? "missing" : "expected an object");
        }
        return v;
    }

    private static JsonNode array(JsonNode root, String field) throws BadConfigException {
        JsonNode v = root.get(field);
        if (v == null || !v.isArray()) {
            throw new BadConfigException("/" + field, v == null ? "missing" : "expected an array");
        }
        for (int i = 0; i < v.size(); i++) {
            if (!v.get(i).isObject()) {
                throw new BadConfigException("/" + field + "/" + i, "expected an object");
            }
        }
        return v;
    }

    private static String text(JsonNode node, String field, String path, boolean nullable) throws BadConfigException {
        JsonNode v = node.get(field);
        if (nullable && (v == null || v.isNull())) {
            return null;
        }
        if (v == null || !v.isTextual() || v.asText().isBlank()) {
            throw new BadConfigException(path, v == null ? "missing" : "expected a non-empty string, got " + v);
        }
        return v.asText();
    }

    private static long number(JsonNode node, String field, String path, long min, long max) throws BadConfigException {
        JsonNode v = node.get(field);
        if (v == null || !v.isIntegralNumber() || !v.canConvertToLong() || v.asLong() < min || v.asLong() > max) {
            throw new BadConfigException(path, v == null ? "missing" : "expected an integer " + min + ".." + max + ", got " + v);
        }
        return v.asLong();
    }
}
