package org.viosbench.cli;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.viosbench.cluster.ClusterDescription;
import org.viosbench.cluster.ViosSpec;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * A cluster file for VIOSes running as separate processes: every VIOS with its id, name, CEC,
 * daemons and TCP address ("host:port", or just a port on 127.0.0.1), plus membership timing.
 *
 * <pre>
 * {"name": "demo", "heartbeatMillis": 100, "failureTimeoutMillis": 1000,
 *  "vioses": [{"id": 0, "name": "vios0", "cec": "cec0", "address": "127.0.0.1:7400", "daemons": [10]}, ...]}
 * </pre>
 */
record ClusterFile(ClusterDescription description, Map<Integer, InetSocketAddress> addresses) {

    /** A problem in the file, with where it is. */
    static final class BadFileException extends Exception {
        private static final long serialVersionUID = 1L;

        BadFileException(String message) {
            super(message);
        }
    }

    static ClusterFile read(Path file) throws BadFileException, IOException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new BadFileException(file + ": no such file");
        }
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(bytes);
        } catch (JsonProcessingException e) {
            throw new BadFileException(file + ": not valid JSON at line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + ": " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw new BadFileException(file + ": /: expected a JSON object");
        }
        String name = text(root, "name", "/name", file);
        long heartbeat = number(root.get("heartbeatMillis"), "/heartbeatMillis", file, ClusterDescription.DEFAULT_HEARTBEAT.toMillis());
        long failure = number(root.get("failureTimeoutMillis"), "/failureTimeoutMillis", file,
                ClusterDescription.DEFAULT_FAILURE_TIMEOUT.toMillis());
        JsonNode list = root.get("vioses");
        if (list == null || !list.isArray() || list.isEmpty()) {
            throw new BadFileException(file + ": /vioses: expected a non-empty array of VIOSes");
        }
        List<ViosSpec> specs = new ArrayList<>();
        Map<Integer, InetSocketAddress> addresses = new LinkedHashMap<>();
        for (int i = 0; i < list.size(); i++) {
            String at = "/vioses/" + i;
            JsonNode v = list.get(i);
            if (!v.isObject()) {
                throw new BadFileException(file + ": " + at + ": expected an object");
            }
            long id = number(v.get("id"), at + "/id", file, -1);
            if (id < 0 || id > 0xFFFFFFFFL) {
                throw new BadFileException(file + ": " + at + "/id: expected an id 0..4294967295");
            }
            List<Integer> daemons = new ArrayList<>();
            JsonNode d = v.get("daemons");
            if (d != null) {
                if (!d.isArray()) {
                    throw new BadFileException(file + ": " + at + "/daemons: expected an array of daemon ids");
                }
                for (int k = 0; k < d.size(); k++) {
                    long daemon = number(d.get(k), at + "/daemons/" + k, file, -1);
                    if (daemon < 0 || daemon > 0xFFFF) {
                        throw new BadFileException(file + ": " + at + "/daemons/" + k + ": expected a daemon id 0..65535");
                    }
                    daemons.add((int) daemon);
                }
            }
            InetSocketAddress address = address(text(v, "address", at + "/address", file), at + "/address", file);
            try {
                specs.add(new ViosSpec((int) id, text(v, "name", at + "/name", file), v.has("cec") ? v.get("cec").asText() : "cec0", daemons));
            } catch (IllegalArgumentException e) {
                throw new BadFileException(file + ": " + at + ": " + e.getMessage());
            }
            if (addresses.containsValue(address)) {
                throw new BadFileException(file + ": " + at + "/address: " + address + " is used by another VIOS");
            }
            addresses.put((int) id, address);
        }
        try {
            return new ClusterFile(new ClusterDescription(name, specs, Duration.ofMillis(heartbeat), Duration.ofMillis(failure)),
                    addresses);
        } catch (IllegalArgumentException e) {
            throw new BadFileException(file + ": " + e.getMessage());
        }
    }

    private static String text(JsonNode node, String field, String path, Path file) throws BadFileException {
        JsonNode v = node.get(field);
        if (v == null || !v.isTextual() || v.asText().isBlank()) {
            throw new BadFileException(file + ": " + path + ": expected a non-empty string");
        }
        return v.asText();
    }

    private static long number(JsonNode v, String path, Path file, long absent) throws BadFileException {
        if (v == null) {
            if (absent >= 0) {
                return absent;
            }
            throw new BadFileException(file + ": " + path + ": missing");
        }
        if (!v.canConvertToLong() || !v.isIntegralNumber()) {
            throw new BadFileException(file + ": " + path + ": expected an integer, got " + v);
        }
        return v.asLong();
    }

    private static InetSocketAddress address(String text, String path, Path file) throws BadFileException {
        String host = "127.0.0.1";
        String port = text;
        int colon = text.lastIndexOf(':');
        if (colon >= 0) {
            host = text.substring(0, colon);
            port = text.substring(colon + 1);
        }
        try {
            int p = Integer.parseInt(port);
            if (p < 1 || p > 65535) {
                throw new NumberFormatException();
            }
            return new InetSocketAddress(host, p);
        } catch (NumberFormatException e) {
            throw new BadFileException(file + ": " + path + ": expected host:port or a port 1..65535, got \"" + text + "\"");
        }
    }
}
