package org.viosbench.engine;

import java.util.Arrays;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * The trace event stream of an engine. Emitting costs one volatile read when nobody listens:
 * callers guard event construction with {@link #enabled()}.
 */
public final class Trace {
    private static final TraceListener[] NONE = new TraceListener[0];

    private volatile TraceListener[] listeners = NONE;
    private final LongSupplier clock;

    /** A trace stamping events with {@link System#nanoTime()}. */
    public Trace() {
        this(System::nanoTime);
    }

    /** A trace stamping events with {@code clock} (nanoseconds), e.g. the virtual clock of step mode. */
    public Trace(LongSupplier clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** True when at least one listener is registered. */
    public boolean enabled() {
        return listeners.length != 0;
    }

    public synchronized void addListener(TraceListener listener) {
        Objects.requireNonNull(listener);
        TraceListener[] now = listeners;
        TraceListener[] next = Arrays.copyOf(now, now.length + 1);
        next[now.length] = listener;
        listeners = next;
    }

    public synchronized void removeListener(TraceListener listener) {
        listeners = Arrays.stream(listeners).filter(l -> l != listener).toArray(TraceListener[]::new);
    }

    /** Sends one event to every listener; a failing listener does not stop the others or the engine. */
    public void emit(int vios, Layer layer, TraceKind kind, long messageId, int peer, int bytes, String outcome) {
        TraceListener[] now = listeners;
        if (now.length == 0) {
            return;
        }
        TraceEvent event = new TraceEvent(clock.getAsLong(), vios, layer, kind, messageId, peer, bytes, outcome);
        for (TraceListener l : now) {
            try {
                l.onEvent(event);
            } catch (RuntimeException e) {
                // a listener's bug must not break message delivery
            }
        }
    }
}
