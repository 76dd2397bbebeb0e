package org.viosbench.ui.run.step;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.viosbench.cluster.ClusterDescription;
import org.viosbench.cluster.step.BranchComparison;
import org.viosbench.cluster.step.StepCluster;
import org.viosbench.cluster.step.StepRecipe;
import org.viosbench.trace.RecordedTrace;
import org.viosbench.trace.TraceFile;

/**
 * The branches of a step-mode run, one of them current: the main run from a start, forks after any
 * step, recipes replayed as branches; saved as recipes and traces, compared. No widgets: the Step
 * Mode view shows them.
 */
final class StepBranches {

    /** A line of choices: its name, where it came from, and its cluster. */
    record Branch(String name, String origin, StepCluster cluster) {
    }

    private final List<Branch> all = new ArrayList<>();
    private Branch current;

    /** The current branch, or null before a start. */
    Branch current() {
        return current;
    }

    List<Branch> all() {
        return List.copyOf(all);
    }

    /** Closes every branch and starts a main one on {@code description} with {@code seed}. */
    Branch start(ClusterDescription description, long seed) {
        closeAll();
        return add(new Branch("main", "start, seed " + seed, StepCluster.start(description, seed)));
    }

    /** A new current branch: the current one's first {@code after} choices replayed, free to go another way. */
    Branch fork(int after) {
        return add(new Branch("branch " + all.size(), current.name() + " after step " + after, current.cluster().fork(after)));
    }

    /** Makes branch {@code index} the current one; false when there is none such. */
    boolean switchTo(int index) {
        if (index < 0 || index >= all.size()) {
            return false;
        }
        current = all.get(index);
        return true;
    }

    /** Branch {@code index} (A) against the current one (B), for people. */
    String compare(int index) {
        Branch other = all.get(index);
        return "A = " + other.name() + ", B = " + current.name() + "\n"
                + BranchComparison.of(other.cluster().events(), current.cluster().events()).summary();
    }

    /** Replays recipe {@code file} on the current cluster's description as a new current branch. */
    Branch replay(Path file) throws IOException, StepRecipe.BadRecipeException {
        StepRecipe r = StepRecipe.read(file);
        StepCluster c = StepCluster.replay(current.cluster().description(), r.seed(), r.choices());
        return add(new Branch("branch " + all.size(), file.getFileName() + ", seed " + r.seed(), c));
    }

    /** Writes the current branch's recipe (seed and choices). */
    void saveRecipe(Path file) throws IOException {
        StepRecipe.of(current.cluster()).write(file);
    }

    /** Writes the current branch's trace, its sends with their packets, VIOSes named by {@code names}. */
    void saveTrace(Path file, Map<Integer, String> names) throws IOException {
        TraceFile.write(new RecordedTrace(current.cluster().events(), names), file);
    }

    void closeAll() {
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
