package org.viosbench.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

import org.viosbench.engine.Message;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * A scenario file (docs/scenario-format.md): timed steps — fire a message, kill / restart a VIOS,
 * drop / delay its packets, cut a link, heal — read as a whole or refused with the JSON path (or
 * line and column) of the problem.
 */
record Scenario(List<Step> steps) {
    static final String FORMAT = "viosbench-scenario";
    static final int VERSION = 1;
    private static final Set<String> ACTIONS = Set.of("fire", "kill", "restart", "drop", "delay", "cut", "heal");

    /** One step: when (ms after the start), what, on which VIOS(es), and for fire the message and sending daemon. */
    record Step(int index, long atMillis, String action, int vios, int other, org.viosbench.engine.MessageSpec fire, double percent,
            long millis) {
    }

    static final class BadScenarioException extends Exception {
        private static final long serialVersionUID = 1L;

        BadScenarioException(String message) {
            super(message);
        }
    }

    /** Reads {@code file}; VIOS ids must be among {@code vioses}. */
    static Scenario read(Path file, Set<Integer> vioses) throws IOException, BadScenarioException {
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(Files.readString(file));
        } catch (JsonProcessingException e) {
            throw new BadScenarioException(file + ": not valid JSON at line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + ": " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw new BadScenarioException(file + ": /: expected a JSON object");
        }
        if (!FORMAT.equals(root.path("format").asText())) {
            throw new BadScenarioException(file + ": /format: \"" + root.path("format").asText() + "\" is not a viosbench scenario");
        }
        if (root.path("version").asInt(-1) != VERSION) {
            throw new BadScenarioException(file + ": /version: " + root.path("version") + " is not supported (this viosbench reads " + VERSION + ")");
        }
        JsonNode steps = root.path("steps");
        if (!steps.isArray()) {
            throw new BadScenarioException(file + ": /steps: expected an array of steps");
        }
        List<Step> out = new ArrayList<>();
        for (int i = 0; i < steps.size(); i++) {
            out.add(step(file, steps.get(i), i, vioses));
        }
        out.sort(Comparator.comparingLong(Step::atMillis).thenComparingInt(Step::index));
        return new Scenario(out);
    }

    private static Step step(Path file, JsonNode n, int i, Set<Integer> vioses) throws BadScenarioException {
        String path = "/steps/" + i;
        if (!n.isObject() || !n.path("at").canConvertToLong() || n.path("at").asLong() < 0) {
            throw new BadScenarioException(file + ": " + path + "/at: every step needs \"at\", milliseconds after the start (>= 0)");
        }
        List<String> actions = new ArrayList<>();
        n.fieldNames().forEachRemaining(f -> {
            if (!f.equals("at")) {
                actions.add(f);
            }
        });
        if (actions.size() != 1 || !ACTIONS.contains(actions.get(0))) {
            throw new BadScenarioException(file + ": " + path + ": exactly one action of " + new java.util.TreeSet<>(ACTIONS) + ", found " + actions);
        }
        String action = actions.get(0);
        JsonNode v = n.get(action);
        long at = n.path("at").asLong();
        return switch (action) {
            case "fire" -> {
                int from = vios(file, v.path("from"), path + "/fire/from", vioses);
                org.viosbench.engine.MessageSpec m = fire(file, v, path + "/fire", vioses);
                yield new Step(i, at, action, from, -1, m, 0, 0);
            }
            case "kill", "restart" -> new Step(i, at, action, vios(file, v, path + "/" + action, vioses), -1, null, 0, 0);
            case "drop" -> new Step(i, at, action, vios(file, v.path("vios"), path + "/drop/vios", vioses), -1, null,
                    range(file, v.path("percent"), path + "/drop/percent", 0, 100), 0);
            case "delay" -> new Step(i, at, action, vios(file, v.path("vios"), path + "/delay/vios", vioses), -1, null, 0,
                    (long) range(file, v.path("millis"), path + "/delay/millis", 0, 60_000));
            case "cut" -> new Step(i, at, action, vios(file, v.path(0), path + "/cut/0", vioses), vios(file, v.path(1), path + "/cut/1", vioses),
                    null, 0, 0);
            default -> new Step(i, at, "heal", -1, -1, null, 0, 0);
        };
    }

    /** A fire step's message: read like every message a person or file gives. */
    private static org.viosbench.engine.MessageSpec fire(Path file, JsonNode v, String path, Set<Integer> vioses) throws BadScenarioException {
        try {
            return org.viosbench.cluster.JsonMessage.read(v, path, Set.of("from"), java.util.Map.of(), vioses::contains);
        } catch (org.viosbench.engine.MessageSpec.Invalid e) {
            throw new BadScenarioException(file + ": " + e.getMessage());
        }
    }

    private static int vios(Path file, JsonNode n, String path, Set<Integer> vioses) throws BadScenarioException {
        if (!n.canConvertToLong() || !vioses.contains((int) n.asLong())) {
            throw new BadScenarioException(file + ": " + path + ": " + n + " is not a VIOS of the topology " + new java.util.TreeSet<>(vioses));
        }
        return (int) n.asLong();
    }

    private static double range(Path file, JsonNode n, String path, double min, double max) throws BadScenarioException {
        if (!n.isNumber() || n.asDouble() < min || n.asDouble() > max) {
            throw new BadScenarioException(file + ": " + path + ": a number " + (long) min + ".." + (long) max + ", not " + n);
        }
        return n.asDouble();
    }
}
