package org.viosbench.session;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.viosbench.cluster.ClusterDescription;
import org.viosbench.cluster.ViosSpec;
import org.viosbench.cluster.step.BranchComparison;
import org.viosbench.cluster.step.StepCluster;
import org.viosbench.cluster.step.StepRecipe;
import org.viosbench.engine.SyscallException;
import org.viosbench.topology.Topology;
import org.viosbench.trace.RecordedTrace;
import org.viosbench.trace.TraceFile;

/**
 * A topology's cluster in step mode: the kind of session that runs on a virtual clock and moves
 * only when told to (the real-time kind is {@link ClusterSession}). It holds the branches of the
 * run, one of them current: the main run from a start, forks after any step, recipes replayed as
 * branches; saved as recipes and traces, compared. Steps are taken on the current branch's
 * {@link StepCluster} ({@link #cluster()}). Not thread-safe: one driver (a view, a test, a script).
 */
public final class StepSession implements AutoCloseable {

    /** A line of choices: its name, where it came from, and its cluster. */
    public record Branch(String name, String origin, StepCluster cluster) {
    }

    private final ClusterDescription description;
    private final Map<Integer, String> names;
    private final List<Branch> all = new ArrayList<>();
    private Branch current;

    private StepSession(ClusterDescription description, long seed) {
        this.description = description;
        Map<Integer, String> n = new LinkedHashMap<>();
        for (ViosSpec v : description.vioses()) {
            n.put(v.id(), v.name());
        }
        this.names = Collections.unmodifiableMap(n);
        add(new Branch("main", "start, seed " + seed, StepCluster.start(description, seed)));
    }

    /**
     * Step mode on {@code topology} as drawn, the main branch driven by {@code seed}.
     *
     * @throws IllegalStateException when it cannot run (its validation errors named, or no VIOS)
     */
    public static StepSession start(Topology topology, long seed) {
        ClusterSession.requireRunnable(topology);
        return start(Conversions.toClusterDescription(topology), seed);
    }

    /**
     * Step mode on {@code description}, the main branch driven by {@code seed}.
     *
     * @throws IllegalStateException when it has no VIOS
     */
    public static StepSession start(ClusterDescription description, long seed) {
        if (description.vioses().isEmpty()) {
            throw new IllegalStateException("the topology has no VIOS to run");
        }
        return new StepSession(description, seed);
    }

    public ClusterDescription description() {
        return description;
    }

    /** VIOS id → name, in the description's order. */
    public Map<Integer, String> names() {
        return names;
    }

    /** The current branch. */
    public Branch current() {
        return current;
    }

    /** The current branch's cluster: where steps are taken. */
    public StepCluster cluster() {
        return current.cluster();
    }

    public List<Branch> all() {
        return List.copyOf(all);
    }

    /**
     * Fires {@code spec} from its source VIOS on the current branch: its packets wait to be delivered.
     *
     * @throws SyscallException when that VIOS's system call refuses it
     */
    public void fire(FireSpec spec) throws SyscallException {
        cluster().fire(spec.source(), spec.sendingDaemon(), spec.message());
    }

    /** A new current branch: the current one's first {@code after} choices replayed, free to go another way. */
    public Branch fork(int after) {
        return add(new Branch("branch " + all.size(), current.name() + " after step " + after, current.cluster().fork(after)));
    }

    /** Makes branch {@code index} the current one; false when there is none such. */
    public boolean switchTo(int index) {
        if (index < 0 || index >= all.size()) {
            return false;
        }
        current = all.get(index);
        return true;
    }

    /** Branch {@code index} (A) against the current one (B), for people. */
    public String compare(int index) {
        Branch other = all.get(index);
        return "A = " + other.name() + ", B = " + current.name() + "\n"
                + BranchComparison.of(other.cluster().events(), current.cluster().events()).summary();
    }

    /** Replays recipe {@code file} on this session's description as a new current branch. */
    public Branch replay(Path file) throws IOException, StepRecipe.BadRecipeException {
        StepRecipe r = StepRecipe.read(file);
        StepCluster c = StepCluster.replay(description, r.seed(), r.choices());
        return add(new Branch("branch " + all.size(), file.getFileName() + ", seed " + r.seed(), c));
    }

    /** Writes the current branch's recipe (seed and choices). */
    public void saveRecipe(Path file) throws IOException {
        StepRecipe.of(current.cluster()).write(file);
    }

    /** The current branch's events as a recorded trace, VIOSes named. */
    public RecordedTrace trace() {
        return new RecordedTrace(current.cluster().events(), names);
    }

    /** Writes the current branch's trace, its sends with their packets. */
    public void saveTrace(Path file) throws IOException {
        TraceFile.write(trace(), file);
    }

    /** Closes every branch's cluster. */
    @Override
    public void close() {
        all.forEach(b -> b.cluster().close());
        all.clear();
        current = null;
    }

    private Branch add(Branch b) {
        all.add(b);
        current = b;
        return b;
    }
}
