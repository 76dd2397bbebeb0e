package org.viosbench.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.viosbench.engine.Layer;
import org.viosbench.engine.TraceEvent;
import org.viosbench.engine.TraceKind;

/** Engine trace events stored in batches in a real Derby database and read back after reopening. */
class TraceStoreTest {

    @TempDir
    Path tmp;

    static TraceEvent event(int i) {
        return new TraceEvent(1_000_000L + i, i % 16, Layer.values()[i % Layer.values().length],
                TraceKind.values()[i % TraceKind.values().length], i / 3, (i + 1) % 16, 64 + i % 200, i % 7 == 0 ? null : "ok " + i);
    }

    @Test
    void recorderStoresEveryEventInOrderAndARunCanBeReopened() throws Exception {
        Path dir = tmp.resolve("db");
        long run;
        int n = 25_000;
        try (ViosDatabase db = ViosDatabase.open(dir)) {
            TraceRecorder recorder = new TraceRecorder(db, "demo run");
            run = recorder.run();
            for (int i = 0; i < n; i++) {
                recorder.onEvent(event(i));
            }
            recorder.close();
            assertEquals(n, recorder.written());
            assertEquals(0, recorder.dropped());
        }
        try (ViosDatabase db = ViosDatabase.open(dir)) {
            List<TraceStore.Run> runs = db.traces().runs();
            assertEquals(1, runs.size());
            assertEquals("demo run", runs.get(0).name());
            assertEquals(n, runs.get(0).events());
            List<TraceEvent> back = db.traces().events(run, 12_345, 100);
            assertEquals(100, back.size());
            for (int i = 0; i < back.size(); i++) {
                assertEquals(event(12_345 + i), back.get(i));
            }
        }
    }

    @Test
    void aBatchIsAllOrNothing() throws Exception {
        try (ViosDatabase db = ViosDatabase.open(tmp.resolve("db"))) {
            long run = db.traces().startRun("r");
            List<TraceEvent> batch = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                batch.add(event(i));
            }
            db.traces().append(run, 0, batch);
            DatabaseException e = org.junit.jupiter.api.Assertions.assertThrows(DatabaseException.class,
                    () -> db.traces().append(run, 5, batch)); // would overlap numbers 5..9
            assertTrue(e.getMessage().contains("continues at event 10, not 5"), e.getMessage());
            assertEquals(10, db.traces().runs().get(0).events(), "the refused batch left nothing behind");
            db.traces().append(run, 10, batch);
            assertEquals(event(3), db.traces().events(run, 13, 1).get(0), "numbers run on across batches");
            assertEquals(20, db.traces().events(run, 0, 1000).size());
        }
    }
}
