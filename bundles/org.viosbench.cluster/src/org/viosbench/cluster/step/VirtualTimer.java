package org.viosbench.cluster.step;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import io.netty.util.Timeout;
import io.netty.util.Timer;
import io.netty.util.TimerTask;

/**
 * A virtual clock and the engine's timer on it: time moves only when {@link #advanceTo} is called,
 * and due timeouts run then, on the calling thread, in due order (ties: in the order they were
 * armed). Step mode's engines use it for response timeouts, so a timeout happens exactly when the
 * user lets the clock pass it. Not thread-safe: one stepping thread drives it.
 */
public final class VirtualTimer implements Timer {

    private final class Armed implements Timeout {
        final TimerTask task;
        final long due;
        final long order;
        boolean cancelled;
        boolean expired;

        Armed(TimerTask task, long due, long order) {
            this.task = task;
            this.due = due;
            this.order = order;
        }

        @Override
        public Timer timer() {
            return VirtualTimer.this;
        }

        @Override
        public TimerTask task() {
            return task;
        }

        @Override
        public boolean isExpired() {
            return expired;
        }

        @Override
        public boolean isCancelled() {
            return cancelled;
        }

        @Override
        public boolean cancel() {
            if (expired || cancelled) {
                return false;
            }
            cancelled = true;
            queue.remove(this);
            return true;
        }
    }

    private final PriorityQueue<Armed> queue = new PriorityQueue<>(
            (a, b) -> a.due != b.due ? Long.compare(a.due, b.due) : Long.compare(a.order, b.order));
    private long now;
    private long armed;
    private boolean stopped;

    /** Virtual nanoseconds since the start. */
    public long nanos() {
        return now;
    }

    @Override
    public Timeout newTimeout(TimerTask task, long delay, TimeUnit unit) {
        if (stopped) {
            throw new IllegalStateException("the virtual timer is stopped");
        }
        Armed a = new Armed(task, now + Math.max(0, unit.toNanos(delay)), armed++);
        queue.add(a);
        return a;
    }

    /** When the next armed timeout is due, or -1 when none is armed. */
    public long nextDue() {
        Armed a = queue.peek();
        return a == null ? -1 : a.due;
    }

    /** How many timeouts are armed. */
    public int armedCount() {
        return queue.size();
    }

    /**
     * Moves the clock to {@code nanos} (never back), running every timeout due by then in order;
     * returns how many ran. A task that throws does not stop the others.
     */
    public int advanceTo(long nanos) {
        int ran = 0;
        while (!queue.isEmpty() && queue.peek().due <= nanos) {
            Armed a = queue.poll();
            now = Math.max(now, a.due);
            a.expired = true;
            ran++;
            try {
                a.task.run(a);
            } catch (Exception e) {
                // a failing timeout task must not stop the clock; it is logged
                System.getLogger(VirtualTimer.class.getName()).log(System.Logger.Level.ERROR,
                        "a timeout task due at " + a.due + " ns (virtual) threw; the clock goes on", e);
            }
        }
        now = Math.max(now, nanos);
        return ran;
    }

    @Override
    public Set<Timeout> stop() {
        stopped = true;
        Set<Timeout> left = new HashSet<>(new ArrayList<>(queue));
        queue.clear();
        return left;
    }

    /** For tests and views: the due times of the armed timeouts, in order. */
    public List<Long> dueTimes() {
        return queue.stream().sorted(queue.comparator()).map(a -> a.due).toList();
    }
}
