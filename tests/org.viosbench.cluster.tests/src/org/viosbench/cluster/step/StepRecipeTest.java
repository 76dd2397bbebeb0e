package org.viosbench.cluster.step;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.viosbench.cluster.ClusterDescription;
import org.viosbench.engine.Message;
import org.viosbench.protocol.MessageType;

/** Step recipes: a run kept as a file replays to the same trace; bad files are refused whole with where. */
class StepRecipeTest {
    private static final int DAEMON = 10;

    @TempDir
    Path tmp;

    /** A run with every kind of choice and every kind of message. */
    private static StepCluster run() throws Exception {
        StepCluster c = StepCluster.start(ClusterDescription.of(4, DAEMON), 11);
        c.fire(0, DAEMON, Message.broadcast().targetDaemon(DAEMON).payload(new byte[] { 1, 2 }).expectAll().timeout(Duration.ofMillis(3)).build());
        c.fire(1, DAEMON, Message.to(2, 3).type(MessageType.PING).targetDaemon(DAEMON).payload(new byte[0]).expectAtLeast(1)
                .timeout(Duration.ofMillis(4)).build());
        c.fire(2, DAEMON, Message.to(0).targetDaemon(DAEMON).payload(new byte[] { 9 }).build());
        c.deliver(c.pending().get(2).id());
        c.deliverRandom();
        c.drop(c.pending().get(0).id());
        c.delay(c.pending().get(0).id(), Duration.ofMillis(1));
        c.deliverNext();
        c.kill(3);
        c.advanceToNextTimer();
        c.runToQuiet(100);
        return c;
    }

    @Test
    void aRunKeptAsARecipeReplaysToTheSameTrace() throws Exception {
        try (StepCluster original = run()) {
            StepRecipe recipe = StepRecipe.of(original);
            Path file = tmp.resolve("branch.step.json");
            recipe.write(file);
            StepRecipe back = StepRecipe.read(file);
            assertEquals(recipe, back);
            assertEquals(11, back.seed());
            assertEquals(original.choices().size(), back.choices().size());
            try (StepCluster replayed = StepCluster.replay(ClusterDescription.of(4, DAEMON), back.seed(), back.choices())) {
                assertEquals(original.events(), replayed.events(), "the same trace, time stamps included");
            }
            assertTrue(Files.readString(file).contains("\"advanceToTimer\""), Files.readString(file));
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "not JSON        | \"seed\" : 11     | \"seed\" 11         | line 4, column 10                   | not valid JSON",
            "unknown field   | \"seed\" : 11     | \"seeds\" : 11      | /seeds                              | unknown field \"seeds\"",
            "key twice       | \"seed\" : 11     | \"seed\" : 11, \"seed\" : 12 | line 4, column 25      | appears twice",
            "wrong format    | viosbench-step    | other               | /format                             | not a viosbench step recipe",
            "newer version   | \"version\" : 1   | \"version\" : 2     | /version                            | not supported",
            "unknown choice  | \"deliverNext\"   | \"deliverSoon\"     | /choices/7/deliverSoon              | unknown choice",
            "bad VIOS        | \"kill\" : 3      | \"kill\" : -3       | /choices/8/kill                     | whole number",
            "bad type        | \"PING\"          | \"PONG\"            | /choices/1/fire/message/type        | must be one of [DATA, PING",
            "bad payload     | \"0102\"          | \"01zz\"            | /choices/0/fire/message/payloadHex  | must be hex",
            "bad expect      | \"expect\" : 1    | \"expect\" : 0      | /choices/1/fire/message/expect      | whole number",
    })
    void badRecipesAreRefusedWithWhere(String name, String from, String to, String where, String why) throws Exception {
        String text;
        try (StepCluster c = run()) {
            text = StepRecipe.of(c).toJson();
        }
        assertTrue(text.contains(from), name + ": " + text);
        StepRecipe.BadRecipeException e = assertThrows(StepRecipe.BadRecipeException.class, () -> StepRecipe.parse(text.replaceFirst(
                java.util.regex.Pattern.quote(from), java.util.regex.Matcher.quoteReplacement(to))), name);
        assertEquals(where, e.where(), e.getMessage());
        assertTrue(e.getMessage().contains(why), e.getMessage());
    }

    /** A recipe with one "deliver next" more than there is to deliver does not stop early in silence: the step is named. */
    @Test
    void aChoiceWithNothingToActOnFailsTheReplay() throws Exception {
        StepRecipe recipe;
        try (StepCluster c = run()) {
            c.runToQuiet(1000);
            recipe = StepRecipe.of(c);
        }
        java.util.List<Choice> more = new java.util.ArrayList<>(recipe.choices());
        more.add(new Choice.DeliverNext());
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> StepCluster.replay(ClusterDescription.of(4, DAEMON), recipe.seed(), more));
        assertTrue(e.getMessage().contains("nothing is pending to deliver"), e.getMessage());
        more.set(more.size() - 1, new Choice.AdvanceToTimer());
        assertTrue(assertThrows(IllegalStateException.class, () -> StepCluster.replay(ClusterDescription.of(4, DAEMON), recipe.seed(), more))
                .getMessage().contains("no timeout is armed"));
    }

    @Test
    void replayingARecipeOnAnotherClusterSaysWhichStepFailed() throws Exception {
        StepRecipe recipe;
        try (StepCluster c = run()) {
            recipe = StepRecipe.of(c);
        }
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> StepCluster.replay(ClusterDescription.of(2, DAEMON), recipe.seed(), recipe.choices()));
        assertTrue(e.getMessage().startsWith("replaying \"fire"), e.getMessage());
    }
}
