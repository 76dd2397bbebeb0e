package org.viosbench.cluster.step;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.LinkedHashSet;

import org.viosbench.engine.Layer;
import org.viosbench.engine.TraceEvent;
import org.viosbench.engine.TraceKind;

/**
 * How two branches of a step-mode run differ: how many events they share from the start, the first
 * event where they part, and for every request how it ended in each ("success", "failed" or
 * "open", with what happened to its responses).
 *
 * @param commonPrefix   events equal in both, from the start
 * @param firstA         branch A's first event after the common part, or null when A ends there
 * @param firstB         branch B's, likewise
 * @param outcomesA      request ("VIOS 0 m3": sender and message id) → outcome in A, in the order requests were made
 * @param outcomesB      likewise for B
 * @param differing      requests whose outcome differs (made in one branch only counts)
 */
public record BranchComparison(int commonPrefix, TraceEvent firstA, TraceEvent firstB, Map<String, String> outcomesA,
        Map<String, String> outcomesB, List<String> differing) {

    public static BranchComparison of(List<TraceEvent> a, List<TraceEvent> b) {
        Objects.requireNonNull(a);
        Objects.requireNonNull(b);
        int n = 0;
        while (n < a.size() && n < b.size() && a.get(n).equals(b.get(n))) {
            n++;
        }
        Map<String, String> oa = outcomes(a);
        Map<String, String> ob = outcomes(b);
        List<String> differing = new ArrayList<>();
        LinkedHashSet<String> all = new LinkedHashSet<>(oa.keySet());
        all.addAll(ob.keySet());
        for (String id : all) {
            if (!Objects.equals(oa.get(id), ob.get(id))) {
                differing.add(id);
            }
        }
        return new BranchComparison(n, n < a.size() ? a.get(n) : null, n < b.size() ? b.get(n) : null, oa, ob, List.copyOf(differing));
    }

    /** Whether both branches are the same run. */
    public boolean identical() {
        return firstA == null && firstB == null;
    }

    /**
     * Per request (by message id, at the sending VIOS's queue): "success", "failed" or "open",
     * followed by the counts of matched, error, timed-out, suspected and late responses.
     */
    static Map<String, String> outcomes(List<TraceEvent> events) {
        Map<String, int[]> counts = new LinkedHashMap<>();
        Map<String, String> end = new LinkedHashMap<>();
        for (TraceEvent e : events) {
            if (e.layer() != Layer.QUEUE) {
                continue;
            }
            String key = "VIOS " + e.vios() + " m" + org.viosbench.engine.MessageIds.label(e.messageId());
            if (e.kind() == TraceKind.QUEUE_CREATE) {
                counts.put(key, new int[5]);
                continue;
            }
            int[] c = counts.get(key);
            if (c == null) {
                continue;
            }
            switch (e.kind()) {
                case MATCH -> c[0]++;
                case MATCH_ERROR -> c[1]++;
                case TIMEOUT -> c[2] += Math.max(e.bytes(), 0);
                case SUSPECT -> c[3]++;
                case LATE -> c[4]++;
                case COMPLETE -> end.put(key, e.outcome());
                default -> {
                }
            }
        }
        Map<String, String> out = new LinkedHashMap<>();
        counts.forEach((id, c) -> out.put(id, end.getOrDefault(id, "open") + " (" + c[0] + " matched, " + c[1] + " error, " + c[2]
                + " timed out, " + c[3] + " suspected, " + c[4] + " late)"));
        return out;
    }

    /** A few lines for people. */
    public String summary() {
        StringBuilder sb = new StringBuilder();
        if (identical()) {
            sb.append("The branches are identical (").append(commonPrefix).append(" events).");
            return sb.toString();
        }
        sb.append("Shared: the first ").append(commonPrefix).append(" events.\n");
        sb.append("A continues with: ").append(firstA == null ? "nothing (A ends)" : describe(firstA)).append('\n');
        sb.append("B continues with: ").append(firstB == null ? "nothing (B ends)" : describe(firstB)).append('\n');
        if (differing.isEmpty()) {
            sb.append("Every request ended the same way in both.");
        }
        for (String id : differing) {
            sb.append(id).append(": A ").append(outcomesA.getOrDefault(id, "not sent")).append(" | B ")
                    .append(outcomesB.getOrDefault(id, "not sent")).append('\n');
        }
        return sb.toString().strip();
    }

    private static String describe(TraceEvent e) {
        return String.format(java.util.Locale.ROOT, "%.3f ms VIOS %d %s %s m%s%s %s", e.timeNanos() / 1e6, e.vios(), e.layer(),
                e.kind(), org.viosbench.engine.MessageIds.label(e.messageId()), e.peer() >= 0 ? " peer " + e.peer() : "", e.outcome());
    }
}
