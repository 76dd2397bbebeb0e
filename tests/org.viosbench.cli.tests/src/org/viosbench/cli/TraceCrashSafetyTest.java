package org.viosbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.viosbench.db.TraceRecorder;
import org.viosbench.db.TraceStore;
import org.viosbench.db.ViosDatabase;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A child JVM writes trace batches into a real Derby database and is killed with SIGKILL at random
 * moments; every time the database reopens and every batch the child reported as committed is there,
 * whole, and earlier runs are untouched.
 */
class TraceCrashSafetyTest {

    @TempDir
    Path tmp;

    @Test
    void committedBatchesSurviveSigkill() throws Exception {
        Path db = tmp.resolve("db");
        Random random = new Random(4242);
        Map<Long, Long> earlierRuns = new HashMap<>();
        for (int round = 0; round < 10; round++) {
            List<String> cmd = ChildViosbench.command(tmp.resolve("config"),
                    List.of("db", "trace-bench", "--db", db.toString(), "--events", "1000000000", "--progress"));
            long reported = -1;
            long run = -1;
            try (NodeProcess child = new NodeProcess(cmd, tmp.resolve("child.log"))) {
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
                while (reported < 0 && System.nanoTime() < deadline) {
                    JsonNode line = child.poll(100, TimeUnit.MILLISECONDS);
                    if (line != null && line.has("committed")) {
                        reported = line.get("committed").asLong();
                        run = line.get("run").asLong();
                    }
                }
                assertTrue(reported > 0, "round " + round + ": the child never committed a batch");
                Thread.sleep(50 + random.nextInt(700));
                for (JsonNode line; (line = child.poll(0, TimeUnit.MILLISECONDS)) != null;) {
                    if (line.has("committed")) {
                        reported = Math.max(reported, line.get("committed").asLong());
                    }
                }
                child.process().destroyForcibly(); // SIGKILL
                assertTrue(child.process().waitFor(20, TimeUnit.SECONDS));
            }
            try (ViosDatabase reopened = ViosDatabase.open(db)) {
                Map<Long, Long> counts = new HashMap<>();
                for (TraceStore.Run r : reopened.traces().runs()) {
                    counts.put(r.id(), r.events());
                }
                long stored = counts.getOrDefault(run, 0L);
                assertTrue(stored >= reported, "round " + round + ": " + reported + " events reported committed, " + stored + " stored");
                assertEquals(0, stored % TraceRecorder.BATCH, "round " + round + ": a batch was stored in part");
                for (Map.Entry<Long, Long> e : earlierRuns.entrySet()) {
                    assertEquals(e.getValue(), counts.get(e.getKey()), "round " + round + ": run " + e.getKey() + " changed");
                }
                earlierRuns.put(run, stored);
                if (stored > 0) {
                    assertEquals(1, reopened.traces().events(run, stored - 1, 10).size(), "the last stored event reads back");
                }
            }
        }
    }
}
