package org.viosbench.cluster;

import java.time.Duration;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.viosbench.engine.Layer;
import org.viosbench.engine.Trace;
import org.viosbench.engine.TraceKind;

/**
 * Faults injected into an embedded cluster's kcluster links: drop, delay (fixed plus jitter),
 * duplicate and reorder, on one link or for every link from or to a VIOS; partitions between sets
 * of VIOSes. Rules take effect for the next packet. Random choices use a seeded generator, so a
 * run with the same seed and the same packet order makes the same choices. Setting a rule is traced.
 */
public final class Faults {
    /** Stands for "any VIOS" in a link. */
    public static final int ANY = -1;

    /** What happens on a link; probabilities are 0..1. */
    public record Rule(double drop, Duration delay, Duration jitter, double duplicate, double reorder) {
        public static final Rule NONE = new Rule(0, Duration.ZERO, Duration.ZERO, 0, 0);

        public Rule {
            check(drop, "drop");
            check(duplicate, "duplicate");
            check(reorder, "reorder");
            if (delay.isNegative() || jitter.isNegative()) {
                throw new IllegalArgumentException("delay and jitter must not be negative");
            }
        }

        private static void check(double p, String what) {
            if (!(p >= 0 && p <= 1)) {
                throw new IllegalArgumentException(what + " probability must be 0..1, not " + p);
            }
        }

        boolean isNone() {
            return equals(NONE);
        }

        @Override
        public String toString() {
            StringBuilder sb = new StringBuilder();
            if (drop > 0) {
                sb.append(" drop ").append(Math.round(drop * 100)).append('%');
            }
            if (!delay.isZero() || !jitter.isZero()) {
                sb.append(" delay ").append(delay.toMillis()).append("ms");
                if (!jitter.isZero()) {
                    sb.append("+-").append(jitter.toMillis()).append("ms");
                }
            }
            if (duplicate > 0) {
                sb.append(" duplicate ").append(Math.round(duplicate * 100)).append('%');
            }
            if (reorder > 0) {
                sb.append(" reorder ").append(Math.round(reorder * 100)).append('%');
            }
            return sb.isEmpty() ? "none" : sb.substring(1);
        }
    }

    private final Trace trace;
    private final Random random;
    private final Map<Long, Rule> rules = new ConcurrentHashMap<>();
    private final Map<Long, Boolean> cut = new ConcurrentHashMap<>();
    private volatile boolean active;

    Faults(Trace trace, long seed) {
        this.trace = trace;
        this.random = new Random(seed);
    }

    /** Drops packets from {@code from} to {@code to} ({@link #ANY} for either) with probability {@code p}. */
    public void drop(int from, int to, double p) {
        update(from, to, r -> new Rule(p, r.delay(), r.jitter(), r.duplicate(), r.reorder()));
    }

    /** Delays packets by {@code fixed} plus a uniform random 0..{@code jitter}. */
    public void delay(int from, int to, Duration fixed, Duration jitter) {
        update(from, to, r -> new Rule(r.drop(), fixed, jitter, r.duplicate(), r.reorder()));
    }

    /** Sends packets twice with probability {@code p}. */
    public void duplicate(int from, int to, double p) {
        update(from, to, r -> new Rule(r.drop(), r.delay(), r.jitter(), p, r.reorder()));
    }

    /** Holds a packet back behind the next one on the same link with probability {@code p}. */
    public void reorder(int from, int to, double p) {
        update(from, to, r -> new Rule(r.drop(), r.delay(), r.jitter(), r.duplicate(), p));
    }

    /** Cuts every link between a VIOS of {@code a} and a VIOS of {@code b}, both ways. */
    public void partition(Set<Integer> a, Set<Integer> b) {
        for (int x : a) {
            for (int y : b) {
                cut.put(key(x, y), Boolean.TRUE);
                cut.put(key(y, x), Boolean.TRUE);
            }
        }
        active = true;
        emit(ANY, ANY, "partition " + a + " | " + b);
    }

    /** Removes the rule of one link (not partitions). */
    public void clear(int from, int to) {
        rules.remove(key(from, to));
        recompute();
        emit(from, to, "rule cleared");
    }

    /** Removes every rule and partition. */
    public void heal() {
        rules.clear();
        cut.clear();
        recompute();
        emit(ANY, ANY, "healed: no faults");
    }

    /** Whether any rule or partition is set (when not, packets take the direct path). */
    boolean active() {
        return active;
    }

    boolean partitioned(int from, int to) {
        return cut.containsKey(key(from, to));
    }

    /** The rule for the link: the link's own, else from-any, else any-to, else any-any. */
    Rule rule(int from, int to) {
        Rule r = rules.get(key(from, to));
        if (r == null) {
            r = rules.get(key(from, ANY));
        }
        if (r == null) {
            r = rules.get(key(ANY, to));
        }
        if (r == null) {
            r = rules.get(key(ANY, ANY));
        }
        return r == null ? Rule.NONE : r;
    }

    /** A uniform random number in [0, 1); synchronized for repeatable sequences. */
    synchronized double nextDouble() {
        return random.nextDouble();
    }

    private void update(int from, int to, java.util.function.UnaryOperator<Rule> change) {
        Rule next = rules.compute(key(from, to), (k, old) -> change.apply(old == null ? Rule.NONE : old));
        if (next.isNone()) {
            rules.remove(key(from, to));
        }
        recompute();
        emit(from, to, next.toString());
    }

    private void recompute() {
        active = !rules.isEmpty() || !cut.isEmpty();
    }

    private void emit(int from, int to, String what) {
        if (trace.enabled()) {
            trace.emit(from, Layer.KCLUSTER, TraceKind.FAULT, -1, to, -1, "set " + link(from, to) + ": " + what);
        }
    }

    static String link(int from, int to) {
        return (from == ANY ? "*" : Integer.toUnsignedString(from)) + "->" + (to == ANY ? "*" : Integer.toUnsignedString(to));
    }

    private static long key(int from, int to) {
        return ((long) from << 32) | (to & 0xFFFFFFFFL);
    }
}
