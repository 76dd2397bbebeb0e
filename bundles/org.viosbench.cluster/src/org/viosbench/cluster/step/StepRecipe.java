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
import java.util.Objects;

import org.viosbench.engine.Message;
import org.viosbench.protocol.CompletionPolicy;
import org.viosbench.protocol.MessageType;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
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
    public static final class BadRecipeException extends Exception {
        private static final long serialVersionUID = 1L;
        private final String where;

        BadRecipeException(String where, String problem) {
            super((where.isEmpty() ? "" : "at " + where + ": ") + problem);
            this.where = where;
        }

        public String where() {
            return where;
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
        return parse(Files.readString(file, StandardCharsets.UTF_8));
    }

    /** Parses a recipe, or refuses it whole. */
    public static StepRecipe parse(String text) throws BadRecipeException {
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new BadRecipeException("", "not valid JSON (line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + "): " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw new BadRecipeException("", "a recipe is a JSON object");
        }
        if (!FORMAT.equals(root.path("format").asText())) {
            throw new BadRecipeException("/format", "not a viosbench step recipe (expected \"" + FORMAT + "\")");
        }
        if (root.path("version").asInt(-1) != VERSION) {
            throw new BadRecipeException("/version", "version " + root.path("version") + " is not supported; this viosbench reads " + VERSION);
        }
        if (!root.path("seed").canConvertToLong()) {
            throw new BadRecipeException("/seed", "the seed must be a whole number");
        }
        JsonNode list = root.path("choices");
        if (!list.isArray()) {
            throw new BadRecipeException("/choices", "a list of choices");
        }
        List<Choice> choices = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            choices.add(choice(list.get(i), "/choices/" + i));
        }
        return new StepRecipe(root.path("seed").asLong(), choices);
    }

    private static Choice choice(JsonNode n, String path) throws BadRecipeException {
        if (!n.isObject() || n.size() != 1) {
            throw new BadRecipeException(path, "one of fire, deliver, deliverNext, deliverRandom, drop, delay, advanceToTimer, kill");
        }
        String kind = n.fieldNames().next();
        JsonNode v = n.get(kind);
        String at = path + "/" + kind;
        return switch (kind) {
            case "fire" -> {
                long vios = whole(v.path("vios"), at + "/vios", 0, 0xFFFF_FFFFL);
                int daemon = (int) whole(v.path("daemon"), at + "/daemon", 0, 0xFFFF);
                yield new Choice.Fire((int) vios, daemon, message(v.path("message"), at + "/message"));
            }
            case "deliver" -> new Choice.Deliver(whole(v, at, 1, Long.MAX_VALUE));
            case "deliverNext" -> new Choice.DeliverNext();
            case "deliverRandom" -> new Choice.DeliverRandom();
            case "drop" -> new Choice.Drop(whole(v, at, 1, Long.MAX_VALUE));
            case "delay" -> new Choice.Delay(whole(v.path("pending"), at + "/pending", 1, Long.MAX_VALUE),
                    whole(v.path("nanos"), at + "/nanos", 1, Long.MAX_VALUE));
            case "advanceToTimer" -> new Choice.AdvanceToTimer();
            case "kill" -> new Choice.Kill((int) whole(v, at, 0, 0xFFFF_FFFFL));
            default -> throw new BadRecipeException(at, "unknown choice \"" + kind + "\"");
        };
    }

    private static long whole(JsonNode n, String path, long min, long max) throws BadRecipeException {
        if (!n.canConvertToLong() || !n.isIntegralNumber() || n.asLong() < min || n.asLong() > max) {
            throw new BadRecipeException(path, "a whole number from " + min + " to " + max + ", not " + (n.isMissingNode() ? "nothing" : n));
        }
        return n.asLong();
    }

    /** A fire choice's message: read like every message a person or file gives ({@link org.viosbench.engine.MessageSpec}). */
    private static Message message(JsonNode n, String path) throws BadRecipeException {
        try {
            return org.viosbench.cluster.JsonMessage.read(n, path, java.util.Set.of(),
                    java.util.Map.of(org.viosbench.engine.MessageSpec.DAEMON, "targetDaemon"), null).message();
        } catch (org.viosbench.engine.MessageSpec.Invalid e) {
            throw new BadRecipeException(e.where(), e.problem());
        }
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
