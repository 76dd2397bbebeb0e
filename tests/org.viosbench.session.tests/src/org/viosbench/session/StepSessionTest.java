package org.viosbench.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.viosbench.engine.EntryState;
import org.viosbench.protocol.MessageType;
import org.viosbench.topology.Lpar;
import org.viosbench.topology.Samples;
import org.viosbench.topology.Topology;
import org.viosbench.trace.RecordedTrace;
import org.viosbench.trace.TraceFile;

/** Step mode is a kind of session: a topology's cluster on the virtual clock, with branches, recipes and traces. */
class StepSessionTest {

    @TempDir
    Path tmp;

    private static FireSpec broadcastFrom(int vios) {
        return new FireSpec(vios, 20, MessageType.DATA, true, new int[0], 10, "hi".getBytes(), FireSpec.ALL, 0, 5000, 1);
    }

    @Test
    void aTopologyRunsStepByStepAndNothingMovesUntilTold() throws Exception {
        Topology t = Samples.build("small");
        try (StepSession s = StepSession.start(t, 7)) {
            assertEquals(t.vioses().size(), s.names().size());
            assertEquals("vios1", s.names().get(1));
            s.fire(broadcastFrom(1));
            assertEquals(3, s.cluster().pending().size(), "a broadcast waits as one delivery per other VIOS");
            long before = s.cluster().nowNanos();
            Thread.sleep(20);
            assertEquals(before, s.cluster().nowNanos(), "the virtual clock does not move by itself");
            s.cluster().runToQuiet(100);
            assertTrue(s.cluster().requests().get(0).await(java.time.Duration.ofSeconds(1)).success());
            assertEquals(3, s.cluster().requests().get(0).await(java.time.Duration.ofSeconds(1)).count(EntryState.MATCHED));
            RecordedTrace trace = s.trace();
            assertEquals(s.cluster().events().size(), trace.size());
        }
    }

    @Test
    void branchesForkCompareAndReplayFromRecipes() throws Exception {
        try (StepSession s = StepSession.start(Samples.build("small"), 1)) {
            s.fire(broadcastFrom(2));
            s.cluster().deliverNext();
            s.cluster().deliverNext();
            StepSession.Branch fork = s.fork(2);
            assertEquals("main after step 2", fork.origin());
            assertEquals(fork, s.current());
            s.cluster().drop(s.cluster().pending().get(0).id());
            assertTrue(s.switchTo(0));
            s.cluster().runToQuiet(100);
            String comparison = s.compare(1);
            assertTrue(comparison.startsWith("A = branch 1, B = main"), comparison);
            assertFalse(s.switchTo(5), "no such branch");

            Path recipe = tmp.resolve("main.step.json");
            s.saveRecipe(recipe);
            StepSession.Branch replayed = s.replay(recipe);
            assertEquals(s.all().get(0).cluster().events(), replayed.cluster().events(), "the same seed and choices give the same trace");
            assertEquals(3, s.all().size());

            Path trace = tmp.resolve("t.jsonl");
            s.saveTrace(trace);
            assertEquals(replayed.cluster().events().size(), TraceFile.read(trace).size());
            assertNotEquals(s.all().get(1).cluster().events(), replayed.cluster().events(), "the fork went its own way");
        }
    }

    @Test
    void aTopologyThatCannotRunIsRefusedWithWhy() {
        Topology t = Samples.build("small");
        t.cecs().get(0).add(new Lpar(900, "lpar900", 9)); // an LPAR no VIOS serves
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> StepSession.start(t, 1));
        assertTrue(e.getMessage().contains("fix them to run it"), e.getMessage());
        assertThrows(IllegalStateException.class, () -> StepSession.start(new Topology("empty"), 1));
    }
}
