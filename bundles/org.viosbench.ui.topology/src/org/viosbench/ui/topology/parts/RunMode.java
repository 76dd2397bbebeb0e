package org.viosbench.ui.topology.parts;

/**
 * What the edit parts know of run mode: the viewer property that holds the running session while
 * the topology runs, and the object type of the requests of run-mode tools (they act on the
 * running cluster, not on the drawing, so the edit parts leave them to the edit policies that the
 * tool's contributor installs while the session runs).
 */
public final class RunMode {
    /** The viewer property holding the running {@code ClusterSession}, absent while the topology is edited. */
    public static final String SESSION = "org.viosbench.ui.topology.session";

    /** The object type of run-mode tools' requests (firing by dragging). */
    public static final Object TOOL = new Object() {
        @Override
        public String toString() {
            return "run-mode tool";
        }
    };

    private RunMode() {
    }
}
