package org.viosbench.ui.topology.run;

import java.util.Collections;
import java.util.Set;
import java.util.WeakHashMap;

import org.viosbench.topology.Topology;

/**
 * Which topologies run now: their editors refuse edits (every command says it cannot execute), so
 * that what runs is always what is drawn. Stop the cluster to edit.
 */
public final class RunLock {
    private static final Set<Topology> RUNNING = Collections.synchronizedSet(Collections.newSetFromMap(new WeakHashMap<>()));

    private RunLock() {
    }

    public static boolean isRunning(Topology t) {
        return t != null && RUNNING.contains(t);
    }

    public static void set(Topology t, boolean running) {
        if (running) {
            RUNNING.add(t);
        } else {
            RUNNING.remove(t);
        }
    }
}
