package org.viosbench.engine;

import org.viosbench.engine.kcluster.Idle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** The one idle strategy: spins, then yields, then it is time to park. */
class IdleTest {

    private static int pausesBeforePark(Idle idle) {
        int n = 0;
        while (idle.pause(n + 1)) {
            n++;
        }
        return n;
    }

    @Test
    void spinsThenYieldsThenParks() {
        assertEquals(30, pausesBeforePark(new Idle(20, 10, 1_000)));
        assertEquals(8, pausesBeforePark(Idle.yielding(8)));
        assertEquals(0, pausesBeforePark(Idle.PARK), "park at once");
        long t0 = System.nanoTime();
        new Idle(0, 0, 1_000_000).park(this);
        assertEquals(true, System.nanoTime() - t0 < 5_000_000_000L, "a park ends by itself");
        assertThrows(IllegalArgumentException.class, () -> new Idle(-1, 0, 0));
    }
}
