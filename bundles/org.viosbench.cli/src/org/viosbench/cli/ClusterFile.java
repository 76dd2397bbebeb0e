package org.viosbench.cli;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.viosbench.cluster.ClusterDescription;
import org.viosbench.cluster.ViosSpec;

import org.viosbench.json.InputException;
import org.viosbench.json.JsonAt;
import org.viosbench.json.StrictJson;

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

    /** A problem in the file, with where it is (its JSON path, or line and column). */
    static final class BadFileException extends InputException {
        private static final long serialVersionUID = 1L;

        BadFileException(InputException e) {
            super(e);
        }
    }

    /**
     * Writes a cluster file of VIOSes 0 to {@code vioses - 1}, named {@code vios<id>}, with daemon 10, each on a loopback
     * port that was free a moment ago (for soaks and tests on one machine); {@code fields} (JSON members, may be empty) go
     * into the top-level object, and with {@code cecs} VIOSes 2k and 2k+1 share CEC {@code cec<k>}.
     */
    static Path writeLoopback(Path file, String name, int vioses, String fields, boolean cecs) throws IOException {
        StringBuilder f = new StringBuilder("{\"name\":\"" + name + "\"," + (fields.isEmpty() ? "" : fields + ",") + "\"vioses\":[");
        for (int i = 0; i < vioses; i++) {
            try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
                f.append(i == 0 ? "" : ",").append("{\"id\":").append(i).append(",\"name\":\"vios").append(i).append('"')
                        .append(cecs ? ",\"cec\":\"cec" + i / 2 + "\"" : "").append(",\"address\":\"127.0.0.1:").append(s.getLocalPort())
                        .append("\",\"daemons\":[10]}");
            }
        }
        return Files.writeString(file, f.append("]}").toString());
    }

    /**
     * Reads a cluster file, or refuses it whole.
     *
     * @throws java.nio.file.NoSuchFileException when there is no such file
     */
    static ClusterFile read(Path file) throws BadFileException, IOException {
        try {
            return read(StrictJson.file(file, org.viosbench.json.InputFiles.DEFAULT_MAX_BYTES));
        } catch (InputException e) {
            throw new BadFileException(e);
        }
    }

    private static ClusterFile read(JsonAt root) throws InputException {
        root.object(Set.of("name", "heartbeatMillis", "failureTimeoutMillis", "vioses"));
        String name = root.nonBlank("name");
        long heartbeat = root.integer("heartbeatMillis", 1, 3_600_000, ClusterDescription.DEFAULT_HEARTBEAT.toMillis());
        long failure = root.integer("failureTimeoutMillis", 1, 3_600_000, ClusterDescription.DEFAULT_FAILURE_TIMEOUT.toMillis());
        List<JsonAt> list = root.array("vioses");
        if (list.isEmpty()) {
            throw root.problem("vioses", "expected a non-empty array of VIOSes");
        }
        List<ViosSpec> specs = new ArrayList<>();
        Map<Integer, InetSocketAddress> addresses = new LinkedHashMap<>();
        for (JsonAt v : list) {
            v.object(Set.of("id", "name", "cec", "address", "daemons"));
            long id = v.integer("id", 0, 0xFFFF_FFFFL);
            List<Integer> daemons = new ArrayList<>();
            if (v.has("daemons")) {
                for (JsonAt d : v.array("daemons")) {
                    daemons.add((int) d.integer(0, 0xFFFF));
                }
            }
            InetSocketAddress address = address(v.get("address"));
            try {
                specs.add(new ViosSpec((int) id, v.nonBlank("name"), v.text("cec", "cec0"), daemons));
            } catch (IllegalArgumentException e) {
                throw v.problem(e.getMessage());
            }
            if (addresses.containsValue(address)) {
                throw v.problem("address", address + " is used by another VIOS");
            }
            addresses.put((int) id, address);
        }
        try {
            return new ClusterFile(new ClusterDescription(name, specs, Duration.ofMillis(heartbeat), Duration.ofMillis(failure)),
                    addresses);
        } catch (IllegalArgumentException e) {
            throw root.problem(e.getMessage());
        }
    }

    private static InetSocketAddress address(JsonAt n) throws InputException {
        String text = n.text();
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
            throw n.problem("expected host:port or a port 1..65535, got \"" + text + "\"");
        }
    }
}
