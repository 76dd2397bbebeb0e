package org.viosbench.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

import java.util.TreeSet;

import org.viosbench.cluster.JsonMessage;
import org.viosbench.json.InputException;
import org.viosbench.json.JsonAt;
import org.viosbench.json.StrictJson;

/**
 * A scenario file (docs/scenario-format.md): timed steps — fire a message, kill / restart a VIOS,
 * drop / delay its packets, cut a link, heal — read as a whole or refused with the JSON path (or
 * line and column) of the problem.
 */
record Scenario(List<Step> steps) {
    static final String FORMAT = "viosbench-scenario";
    static final int VERSION = 1;
    /** Latest a step may be: one hour after the start (a run waits for its last step). */
    static final long MAX_AT_MILLIS = 3_600_000;
    private static final Set<String> ACTIONS = Set.of("fire", "kill", "restart", "drop", "delay", "cut", "heal");

    /** One step: when (ms after the start), what, on which VIOS(es), and for fire the message and sending daemon. */
    record Step(int index, long atMillis, String action, int vios, int other, org.viosbench.engine.MessageSpec fire, double percent,
            long millis) {
    }

    /** A scenario refused as a whole, at the JSON path (or line and column) of its first problem. */
    static final class BadScenarioException extends InputException {
        private static final long serialVersionUID = 1L;

        BadScenarioException(InputException e) {
            super(e);
        }
    }

    /** Reads {@code file}; VIOS ids must be among {@code vioses}. */
    static Scenario read(Path file, Set<Integer> vioses) throws IOException, BadScenarioException {
        try {
            return read(StrictJson.file(file, org.viosbench.json.InputFiles.DEFAULT_MAX_BYTES), vioses);
        } catch (InputException e) {
            throw new BadScenarioException(e);
        }
    }

    private static Scenario read(JsonAt root, Set<Integer> vioses) throws InputException {
        root.object(Set.of("format", "version", "steps"));
        String format = root.text("format", "");
        if (!FORMAT.equals(format)) {
            throw root.problem("format", "\"" + format + "\" is not a viosbench scenario (expected \"" + FORMAT + "\")");
        }
        long version = root.integer("version", 1, Integer.MAX_VALUE);
        if (version != VERSION) {
            throw root.problem("version", version + " is not supported (this viosbench reads " + VERSION + ")");
        }
        List<Step> out = new ArrayList<>();
        for (JsonAt step : root.array("steps")) {
            out.add(step(step, out.size(), vioses));
        }
        out.sort(Comparator.comparingLong(Step::atMillis).thenComparingInt(Step::index));
        return new Scenario(out);
    }

    private static Step step(JsonAt n, int i, Set<Integer> vioses) throws InputException {
        Set<String> fields = new TreeSet<>(ACTIONS);
        fields.add("at");
        n.object(fields);
        long at = n.integer("at", 0, MAX_AT_MILLIS);
        List<String> actions = new ArrayList<>();
        n.node().fieldNames().forEachRemaining(f -> {
            if (!f.equals("at")) {
                actions.add(f);
            }
        });
        if (actions.size() != 1) {
            throw n.problem("exactly one action of " + new TreeSet<>(ACTIONS) + ", found " + actions);
        }
        String action = actions.get(0);
        JsonAt v = n.get(action);
        return switch (action) {
            case "fire" -> new Step(i, at, action, vios(v.get("from"), vioses), -1,
                    JsonMessage.read(v.node(), v.path(), Set.of("from"), java.util.Map.of(), vioses::contains), 0, 0);
            case "kill", "restart" -> new Step(i, at, action, vios(v, vioses), -1, null, 0, 0);
            case "drop" -> new Step(i, at, action, vios(v.object(Set.of("vios", "percent")).get("vios"), vioses), -1, null,
                    v.number("percent", 0, 100), 0);
            case "delay" -> new Step(i, at, action, vios(v.object(Set.of("vios", "millis")).get("vios"), vioses), -1, null, 0,
                    v.integer("millis", 0, 60_000));
            case "cut" -> {
                List<JsonAt> pair = v.elements();
                if (pair.size() != 2) {
                    throw v.problem("two VIOS ids, found " + pair.size());
                }
                yield new Step(i, at, action, vios(pair.get(0), vioses), vios(pair.get(1), vioses), null, 0, 0);
            }
            default -> {
                if (!v.bool()) {
                    throw v.problem("\"heal\": true removes every fault; false is no step");
                }
                yield new Step(i, at, "heal", -1, -1, null, 0, 0);
            }
        };
    }

    private static int vios(JsonAt n, Set<Integer> vioses) throws InputException {
        long id = n.integer(0, 0xFFFF_FFFFL);
        if (!vioses.contains((int) id)) {
            throw n.problem(id + " is not a VIOS of the topology " + new TreeSet<>(vioses));
        }
        return (int) id;
    }
}
