package org.viosbench.cluster.step;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.Objects;

import org.viosbench.engine.Message;
import org.viosbench.protocol.CompletionPolicy;
import org.viosbench.protocol.MessageType;

import org.viosbench.json.InputException;
import org.viosbench.json.JsonAt;
import org.viosbench.json.StrictJson;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A step-mode run as a file: the seed and the choices, in order ({@code *.step.json}). Replayed on
 * the same cluster ({@link StepCluster#replay}) it gives the same trace, event for event, so a
 * branch can be kept, shared and replayed from the command line. A bad file is refused whole with
 * the JSON path of what is wrong.
 */
public record StepRecipe(long seed, List<Choice> choices) {
    public static final String FORMAT = "viosbench-step";
    public static final int VERSION = 1;
    private static final ObjectMapper JSON = new ObjectMapper();

    public StepRecipe {
        choices = List.copyOf(choices);
    }

    /** A recipe file that cannot be used: what is wrong and where (a JSON path such as /choices/3/fire/message/to). */
    public static final class BadRecipeException extends InputException {
        private static final long serialVersionUID = 1L;

        BadRecipeException(InputException e) {
            super(e);
        }
    }

    /** The recipe of {@code cluster} as it stands. */
    public static StepRecipe of(StepCluster cluster) {
        return new StepRecipe(cluster.seed(), cluster.choices());
    }

    /** The recipe as JSON (two-space indented). */
    public String toJson() {
        ObjectNode root = JSON.createObjectNode().put("format", FORMAT).put("version", VERSION).put("seed", seed);
        ArrayNode list = root.putArray("choices");
        for (Choice c : choices) {
            ObjectNode n = list.addObject();
            switch (c) {
                case Choice.Fire f -> {
                    ObjectNode fire = n.putObject("fire").put("vios", Integer.toUnsignedLong(f.vios())).put("daemon", f.daemon());
                    message(fire.putObject("message"), f.message());
                }
                case Choice.Deliver d -> n.put("deliver", d.pending());
                case Choice.DeliverNext d -> n.putObject("deliverNext");
                case Choice.DeliverRandom d -> n.putObject("deliverRandom");
                case Choice.Drop d -> n.put("drop", d.pending());
                case Choice.Delay d -> n.putObject("delay").put("pending", d.pending()).put("nanos", d.nanos());
                case Choice.AdvanceToTimer a -> n.putObject("advanceToTimer");
                case Choice.Kill k -> n.put("kill", Integer.toUnsignedLong(k.vios()));
            }
        }
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON: " + e.getOriginalMessage(), e);
        }
    }

    private static void message(ObjectNode n, Message m) {
        n.put("type", m.type().name());
        if (m.isBroadcast()) {
            n.put("broadcast", true);
        } else {
            ArrayNode to = n.putArray("to");
            for (int d : m.destinations()) {
                to.add(Integer.toUnsignedLong(d));
            }
        }
        n.put("targetDaemon", m.targetDaemon()).put("payloadHex", HexFormat.of().formatHex(m.payload()));
        if (!m.responsesWanted()) {
            n.put("expect", "none");
        } else if (m.policy() == CompletionPolicy.N_OF_M) {
            n.put("expect", m.required());
        } else {
            n.put("expect", m.policy() == CompletionPolicy.FIRST ? "first" : "all");
        }
        n.put("timeoutMillis", m.timeout().toMillis());
    }

    /** Writes the recipe to {@code file} atomically. */
    public void write(Path file) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, ".viosbench-step-", ".tmp");
        try {
            Files.writeString(tmp, toJson());
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** Reads a recipe file, or refuses it whole. */
    public static StepRecipe read(Path file) throws IOException, BadRecipeException {
        try {
            return parse(org.viosbench.json.InputFiles.read(file, org.viosbench.json.InputFiles.DEFAULT_MAX_BYTES));
        } catch (BadRecipeException e) {
            throw e;
        } catch (InputException e) {
            throw new BadRecipeException(e);
        }
    }

    /** Parses a recipe, or refuses it whole. */
    public static StepRecipe parse(String text) throws BadRecipeException {
        try {
            return read(JsonAt.root(StrictJson.parse(text)));
        } catch (InputException e) {
            throw new BadRecipeException(e);
        }
    }

    private static final List<String> CHOICES = List.of("fire", "deliver", "deliverNext", "deliverRandom", "drop", "delay", "advanceToTimer",
            "kill");

    private static StepRecipe read(JsonAt root) throws InputException {
        root.object(Set.of("format", "version", "seed", "choices"));
        if (!FORMAT.equals(root.text("format", ""))) {
            throw root.problem("format", "not a viosbench step recipe (expected \"" + FORMAT + "\")");
        }
        long version = root.integer("version", 1, Integer.MAX_VALUE);
        if (version != VERSION) {
            throw root.problem("version", "version " + version + " is not supported; this viosbench reads " + VERSION);
        }
        long seed = root.integer("seed", Long.MIN_VALUE, Long.MAX_VALUE);
        List<Choice> choices = new ArrayList<>();
        for (JsonAt c : root.array("choices")) {
            choices.add(choice(c));
        }
        return new StepRecipe(seed, choices);
    }

    private static Choice choice(JsonAt n) throws InputException {
        if (!n.node().isObject() || n.node().size() != 1) {
            throw n.problem("an object with one of " + CHOICES);
        }
        String kind = n.node().fieldNames().next();
        if (!CHOICES.contains(kind)) {
            throw n.problem(kind, "unknown choice \"" + org.viosbench.json.JsonAt.clipped(kind) + "\" (one of " + CHOICES + ")");
        }
        JsonAt v = n.get(kind);
        return switch (kind) {
            case "fire" -> {
                v.object(Set.of("vios", "daemon", "message"));
                long vios = v.integer("vios", 0, 0xFFFF_FFFFL);
                int daemon = (int) v.integer("daemon", 0, 0xFFFF);
                yield new Choice.Fire((int) vios, daemon, message(v.get("message")));
            }
            case "deliver" -> new Choice.Deliver(v.integer(1, Long.MAX_VALUE));
            case "drop" -> new Choice.Drop(v.integer(1, Long.MAX_VALUE));
            case "delay" -> {
                v.object(Set.of("pending", "nanos"));
                yield new Choice.Delay(v.integer("pending", 1, Long.MAX_VALUE), v.integer("nanos", 1, Long.MAX_VALUE));
            }
            case "kill" -> new Choice.Kill((int) v.integer(0, 0xFFFF_FFFFL));
            default -> {
                v.object(Set.of()); // deliverNext, deliverRandom, advanceToTimer: no arguments
                yield kind.equals("deliverNext") ? new Choice.DeliverNext()
                        : kind.equals("deliverRandom") ? new Choice.DeliverRandom() : new Choice.AdvanceToTimer();
            }
        };
    }

    /** A fire choice's message: read like every message a person or file gives ({@link org.viosbench.engine.MessageSpec}). */
    private static Message message(JsonAt n) throws InputException {
        return org.viosbench.cluster.JsonMessage.read(n.node(), n.path(), Set.of(),
                java.util.Map.of(org.viosbench.engine.MessageSpec.DAEMON, "targetDaemon"), null).message();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof StepRecipe r && r.seed == seed && r.toJson().equals(toJson());
    }

    @Override
    public int hashCode() {
        return Objects.hash(seed, toJson());
    }
}
