package org.viosbench.session;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.viosbench.engine.TraceEvent;
import org.viosbench.engine.TraceListener;
import org.viosbench.trace.RecordedTrace;

/**
 * Everything a running cluster did, from its start: its trace events in the order they were
 * emitted, each kcluster send with its packet. Bounded by a stated policy: the newest
 * {@link #capacity()} events are kept in memory; older ones are let go, and
 * {@link #letGo()} counts them so views can say so. Thread-safe; appended to on engine threads.
 * Every event has a sequence number (0 for the first ever); {@link #since(long)} gives a view
 * what it has not seen yet.
 */
public final class Timeline implements TraceListener {
    /** Events kept unless told otherwise: about 30-60 MB of events and packets in the worst case. */
    public static final int DEFAULT_CAPACITY = 250_000;

    private final TraceEvent[] ring;
    private long appended;

    public Timeline() {
        this(DEFAULT_CAPACITY);
    }

    public Timeline(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("a timeline keeps at least one event, not " + capacity);
        }
        ring = new TraceEvent[capacity];
    }

    @Override
    public synchronized void onEvent(TraceEvent e) {
        ring[(int) (appended % ring.length)] = e;
        appended++;
    }

    /** How many events it keeps at most. */
    public int capacity() {
        return ring.length;
    }

    /** Every event ever appended (kept or let go). */
    public synchronized long appended() {
        return appended;
    }

    /** How many of the oldest events were let go to keep within {@link #capacity()}. */
    public synchronized long letGo() {
        return Math.max(0, appended - ring.length);
    }

    /** The events kept, oldest first (emission order). */
    public synchronized List<TraceEvent> events() {
        return since(0);
    }

    /**
     * The kept events with sequence number {@code sequence} or later, oldest first (those let go
     * are skipped: compare {@link #letGo()}).
     */
    public synchronized List<TraceEvent> since(long sequence) {
        long from = Math.max(sequence, letGo());
        List<TraceEvent> out = new ArrayList<>((int) Math.max(0, appended - from));
        for (long s = from; s < appended; s++) {
            out.add(ring[(int) (s % ring.length)]);
        }
        return out;
    }

    /**
     * The kept events as a recorded trace, in time order (events of several VIOS threads can be
     * emitted a little out of time order), with the VIOS names {@code names}.
     */
    public RecordedTrace snapshot(Map<Integer, String> names) {
        List<TraceEvent> events = events();
        events.sort(Comparator.comparingLong(TraceEvent::timeNanos));
        return new RecordedTrace(events, names);
    }
}
