package org.viosbench.engine;

import java.util.Arrays;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

import org.viosbench.protocol.MessageType;
import org.viosbench.protocol.PacketHeader;
import org.viosbench.protocol.Wire;

import io.netty.buffer.ByteBuf;

/**
 * The trace event stream of an engine. Emitting costs one volatile read when nobody listens:
 * callers guard event construction with {@link #enabled()}. A listener that throws does not stop
 * the others or the engine; its failure is logged (System.Logger "org.viosbench.engine.Trace")
 * and counted ({@link #listenerFailures()}).
 */
public final class Trace {
    private static final System.Logger LOG = System.getLogger(Trace.class.getName());
    private static final TraceListener[] NONE = new TraceListener[0];

    private volatile TraceListener[] listeners = NONE;
    private final LongSupplier clock;
    private final AtomicLong listenerFailures = new AtomicLong();

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

    /** The trace's clock now (nanoseconds). */
    public long now() {
        return clock.getAsLong();
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

    /** How many times a listener threw (each logged). */
    public long listenerFailures() {
        return listenerFailures.get();
    }

    /** An event not about a packet whose facts are at hand (membership, faults set, a refused system call). */
    public void emit(int vios, Layer layer, TraceKind kind, long messageId, int peer, int bytes, String outcome) {
        emit(vios, layer, kind, messageId, peer, bytes, outcome, null, 0, null);
    }

    /** An event about the packet with header {@code h}. */
    public void emit(int vios, Layer layer, TraceKind kind, PacketHeader h, int peer, int bytes, String outcome) {
        emit(vios, layer, kind, h.messageId(), peer, bytes, outcome, h.type(), h.flags(), null);
    }

    /** A kcluster send from {@code vios} to {@code to} of {@code packet} (header {@code h}); the event carries the bytes. */
    public void transmit(int vios, PacketHeader h, int to, byte[] packet, String outcome) {
        emit(vios, Layer.KCLUSTER, TraceKind.TRANSMIT, h.messageId(), to, packet.length, outcome, h.type(), h.flags(), packet);
    }

    /** An event about raw packet bytes not (yet) parsed: id, type and flags are read where the bytes hold them. */
    public void emitRaw(int vios, Layer layer, TraceKind kind, ByteBuf packet, int peer, String outcome) {
        int at = packet.readerIndex();
        int n = packet.readableBytes();
        long id = n >= Wire.OFF_MESSAGE_ID + 8 ? packet.getLong(at + Wire.OFF_MESSAGE_ID) : -1;
        MessageType type = n >= Wire.OFF_FLAGS + 2 ? MessageType.fromCode(packet.getUnsignedShort(at + Wire.OFF_TYPE)) : null;
        int flags = type == null ? 0 : packet.getUnsignedShort(at + Wire.OFF_FLAGS);
        emit(vios, layer, kind, id, peer, n, outcome, type, flags, null);
    }

    /** Sends one event to every listener. */
    public void emit(int vios, Layer layer, TraceKind kind, long messageId, int peer, int bytes, String outcome, MessageType type,
            int flags, byte[] packet) {
        TraceListener[] now = listeners;
        if (now.length == 0) {
            return;
        }
        TraceEvent event = new TraceEvent(clock.getAsLong(), vios, layer, kind, messageId, peer, bytes, outcome, type, flags, packet);
        for (TraceListener l : now) {
            try {
                l.onEvent(event);
            } catch (RuntimeException e) {
                // a listener's bug must not break message delivery; it is counted and logged, never hidden
                long n = listenerFailures.incrementAndGet();
                LOG.log(System.Logger.Level.ERROR, "trace listener " + l + " failed on " + event + " (failure " + n + ")", e);
            }
        }
    }
}
