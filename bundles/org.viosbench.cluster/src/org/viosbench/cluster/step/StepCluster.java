package org.viosbench.cluster.step;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.viosbench.cluster.ClusterDescription;
import org.viosbench.cluster.EmbeddedCluster;
import org.viosbench.cluster.ViosSpec;
import org.viosbench.protocol.Errno;
import org.viosbench.engine.Layer;
import org.viosbench.engine.Message;
import org.viosbench.engine.MessageHandler;
import org.viosbench.engine.Request;
import org.viosbench.engine.SyscallException;
import org.viosbench.engine.Trace;
import org.viosbench.engine.TraceEvent;
import org.viosbench.engine.TraceKind;
import org.viosbench.engine.ViosNode;
import org.viosbench.engine.kcluster.KCluster;
import org.viosbench.engine.kcluster.KClusterReceiver;
import org.viosbench.engine.kcluster.MembershipListener;
import org.viosbench.protocol.Decoded;
import org.viosbench.protocol.Packet;
import org.viosbench.protocol.PacketDecoder;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;

/**
 * Deterministic step mode: the real engines of a cluster (daemons, system calls, VKEs, response
 * queues) on a kcluster that delivers nothing by itself. Every packet sent waits in the
 * {@linkplain #pending() pending list} until the user delivers it (the earliest, or any other one:
 * a reorder), drops it or delays it; time is a virtual clock that moves only with deliveries and
 * when the user lets it reach the next timeout. Everything runs on the caller's thread.
 * <p>
 * The run is a function of the description, the seed and the {@linkplain #choices() choices}: the
 * same three give the same trace, event for event and nanosecond for nanosecond, which is how
 * {@link #fork(int)} branches off at any earlier point. Not for concurrent use: one thread steps.
 */
public final class StepCluster implements AutoCloseable {

    /** Virtual time a packet takes on a link unless delayed. */
    public static final long LINK_NANOS = 50_000;

    private final ClusterDescription description;
    private final long seed;
    private final Random random;
    private final VirtualTimer timer = new VirtualTimer();
    private final Trace trace = new Trace(timer::nanos);
    private final List<TraceEvent> events = new ArrayList<>();
    private final Map<Integer, ViosNode> nodes = new TreeMap<>();
    private final Map<Integer, Endpoint> endpoints = new TreeMap<>();
    /** Handlers set on top of the built-in echo, in the order set: part of the recipe, copied to forks. */
    private final Map<String, MessageHandler> handlers = new LinkedHashMap<>();
    private final Map<Long, Held> pending = new TreeMap<>();
    private final List<Choice> choices = new ArrayList<>();
    /** Per choice, what it did, for people ("deliver next: #3 VIOS 2 → 0 DATA response m1, ..."). */
    private final List<String> log = new ArrayList<>();
    private final List<Request> requests = new ArrayList<>();
    private final CopyOnWriteArrayList<Runnable> listeners = new CopyOnWriteArrayList<>();
    private long nextPending = 1;
    private boolean closed;

    /** A packet in flight: what the views see, and its bytes. */
    private record Held(Pending info, byte[] bytes) {
    }

    private StepCluster(ClusterDescription description, long seed) {
        this.description = Objects.requireNonNull(description, "description");
        this.seed = seed;
        this.random = new Random(seed);
        trace.addListener(events::add);
        for (ViosSpec spec : description.vioses()) {
            Endpoint e = new Endpoint(spec.id());
            endpoints.put(spec.id(), e);
        }
        for (ViosSpec spec : description.vioses()) {
            ViosNode node = new ViosNode(spec.name(), endpoints.get(spec.id()), trace, timer);
            nodes.put(spec.id(), node);
            for (int d : spec.daemons()) {
                node.registerHandler(d, EmbeddedCluster.ECHO);
            }
        }
    }

    /** Starts every VIOS of {@code description} in step mode; {@code seed} drives {@link #deliverRandom()}. */
    public static StepCluster start(ClusterDescription description, long seed) {
        return new StepCluster(description, seed);
    }

    public ClusterDescription description() {
        return description;
    }

    public long seed() {
        return seed;
    }

    /** The virtual clock, in nanoseconds since the start. */
    public synchronized long nowNanos() {
        return timer.nanos();
    }

    /** VIOS ids, ascending. */
    public List<Integer> ids() {
        return List.copyOf(nodes.keySet());
    }

    /** VIOS {@code vios}'s engine. */
    public synchronized ViosNode node(int vios) {
        ViosNode n = nodes.get(vios);
        if (n == null) {
            throw new NoSuchElementException("no VIOS " + vios + " in the cluster");
        }
        return n;
    }

    /** Whether VIOS {@code vios} runs (was not killed). */
    public synchronized boolean isAlive(int vios) {
        Endpoint e = endpoints.get(vios);
        return e != null && e.alive;
    }

    /** Sets the handler of daemon {@code daemon} on VIOS {@code vios}; forks get it too. */
    public synchronized void registerHandler(int vios, int daemon, MessageHandler handler) {
        node(vios).registerHandler(daemon, Objects.requireNonNull(handler, "handler"));
        handlers.put(vios + "/" + daemon, handler);
    }

    /** The trace so far (virtual time stamps). */
    public synchronized List<TraceEvent> events() {
        return List.copyOf(events);
    }

    /** The engine's trace: listeners see each event as it happens. */
    public Trace trace() {
        return trace;
    }

    /** The choices made so far, in order. */
    public synchronized List<Choice> choices() {
        return List.copyOf(choices);
    }

    /** Per choice, in order: what it did, in words (the choice and the packet it moved). */
    public synchronized List<String> log() {
        return List.copyOf(log);
    }

    /** The requests fired so far, in order (their response queues show how each went). */
    public synchronized List<Request> requests() {
        return List.copyOf(requests);
    }

    /** Deliveries waiting, earliest due first (ties: sent first). */
    public synchronized List<Pending> pending() {
        List<Pending> list = new ArrayList<>();
        for (Held h : pending.values()) {
            list.add(h.info());
        }
        list.sort(DUE_ORDER);
        return list;
    }

    /** The packet bytes of every kcluster send so far, by the index of its TRANSMIT event (copies; the events carry them). */
    public synchronized Map<Integer, byte[]> packets() {
        Map<Integer, byte[]> copy = new TreeMap<>();
        for (int i = 0; i < events.size(); i++) {
            if (events.get(i).packet() != null) {
                copy.put(i, events.get(i).packet().clone());
            }
        }
        return copy;
    }

    /** The bytes of pending delivery {@code id} (a copy), for the packet inspector. */
    public synchronized byte[] packet(long id) {
        return held(id).bytes().clone();
    }

    /** Due times of the armed timeouts (response timeouts), earliest first. */
    public synchronized List<Long> timers() {
        return timer.dueTimes();
    }

    /** Whether nothing is pending and no timeout is armed: the run cannot move any more. */
    public synchronized boolean isQuiet() {
        return pending.isEmpty() && timer.armedCount() == 0;
    }

    /** Called after every choice (on the stepping thread). */
    public void addListener(Runnable l) {
        listeners.add(Objects.requireNonNull(l));
    }

    public void removeListener(Runnable l) {
        listeners.remove(l);
    }

    // ---- choices ----

    /**
     * A daemon of {@code vios} sends {@code message}; its packets join the pending list.
     *
     * @throws SyscallException when the system call refuses it (nothing is sent, no choice recorded)
     */
    public Request fire(int vios, int daemon, Message message) throws SyscallException {
        Request r;
        synchronized (this) {
            checkOpen();
            ViosNode sender = node(vios);
            if (!isAlive(vios)) {
                throw new IllegalStateException("VIOS " + vios + " was killed; it cannot send");
            }
            r = sender.daemon(daemon).send(message);
            requests.add(r);
            record(new Choice.Fire(vios, daemon, message), "m" + org.viosbench.engine.MessageIds.label(r.messageId()));
        }
        changed();
        return r;
    }

    /** Delivers pending delivery {@code id} now (before earlier ones, when it is not the first: a reorder). */
    public void deliver(long id) {
        step(() -> {
            Held h = held(id);
            record(new Choice.Deliver(id), h.info().describe());
            deliver(h);
            return true;
        });
    }

    /** Delivers the earliest pending delivery; false when none is pending. */
    public boolean deliverNext() {
        return step(() -> {
            if (pending.isEmpty()) {
                return false;
            }
            Held h = held(pending().get(0).id());
            record(new Choice.DeliverNext(), h.info().describe());
            deliver(h);
            return true;
        });
    }

    /** Delivers a pending delivery picked by the seeded random source; false when none is pending. */
    public boolean deliverRandom() {
        return step(() -> {
            if (pending.isEmpty()) {
                return false;
            }
            List<Pending> list = pending();
            Held h = held(list.get(random.nextInt(list.size())).id());
            record(new Choice.DeliverRandom(), h.info().describe());
            deliver(h);
            return true;
        });
    }

    /** Loses pending delivery {@code id} on its link (the trace shows the drop). */
    public void drop(long id) {
        step(() -> {
            Held h = held(id);
            Pending p = h.info();
            record(new Choice.Drop(id), p.describe());
            pending.remove(id);
            trace.emitRaw(p.from(), Layer.KCLUSTER, TraceKind.DROP, Unpooled.wrappedBuffer(h.bytes()), p.to(), "dropped in step mode");
            return true;
        });
    }

    /** Makes pending delivery {@code id} due {@code by} later (the trace shows the fault). */
    public void delay(long id, Duration by) {
        long nanos = by.toNanos();
        if (nanos <= 0) {
            throw new IllegalArgumentException("a delay must be positive, not " + by);
        }
        step(() -> {
            Held h = held(id);
            Pending p = h.info();
            record(new Choice.Delay(id, nanos), p.describe());
            Pending later = new Pending(p.id(), p.from(), p.to(), p.messageId(), p.type(), p.response(), p.error(), p.bytes(),
                    p.sentNanos(), p.dueNanos() + nanos);
            pending.put(id, new Held(later, h.bytes()));
            trace.emitRaw(p.from(), Layer.KCLUSTER, TraceKind.FAULT, Unpooled.wrappedBuffer(h.bytes()), p.to(),
                    "delayed by " + nanos / 1000 + " µs in step mode");
            return true;
        });
    }

    /** Moves the clock to the next armed timeout and runs it; false when none is armed. */
    public boolean advanceToNextTimer() {
        return step(() -> {
            long due = timer.nextDue();
            if (due < 0) {
                return false;
            }
            record(new Choice.AdvanceToTimer(), String.format(java.util.Locale.ROOT, "t = %.3f ms", due / 1e6));
            timer.advanceTo(due);
            return true;
        });
    }

    /** Kills VIOS {@code vios}: packets to and from it are lost, its open requests abort, the others see it leave. */
    public void kill(int vios) {
        step(() -> {
            ViosNode victim = node(vios);
            if (!isAlive(vios)) {
                throw new IllegalStateException("VIOS " + vios + " is not running");
            }
            record(new Choice.Kill(vios), nodes.get(vios).name());
            for (Held h : new ArrayList<>(pending.values())) {
                Pending p = h.info();
                if (p.from() == vios || p.to() == vios) {
                    pending.remove(p.id());
                    trace.emitRaw(p.from(), Layer.KCLUSTER, TraceKind.DROP, Unpooled.wrappedBuffer(h.bytes()), p.to(), "VIOS " + vios + " killed");
                }
            }
            trace.emit(vios, Layer.KCLUSTER, TraceKind.FAULT, -1, -1, -1, "killed in step mode");
            victim.close();
            return true;
        });
    }

    private void record(Choice c, String detail) {
        choices.add(c);
        log.add(c.describe() + ": " + detail);
    }

    /** Runs one choice under the lock (refused when closed), then tells the listeners. */
    private boolean step(java.util.function.BooleanSupplier body) {
        boolean result;
        synchronized (this) {
            checkOpen();
            result = body.getAsBoolean();
        }
        changed();
        return result;
    }

    /**
     * Delivers the earliest pending delivery, and when none is left, advances to the next timeout,
     * until the run is quiet or {@code maxSteps} steps were taken; returns the steps taken.
     */
    public int runToQuiet(int maxSteps) {
        int steps = 0;
        while (steps < maxSteps && (deliverNext() || advanceToNextTimer())) {
            steps++;
        }
        return steps;
    }

    /** A replayed choice that had nothing to act on: the replay does not match the run it came from. */
    private static void took(boolean acted, String otherwise) {
        if (!acted) {
            throw new IllegalStateException(otherwise);
        }
    }

    /** Applies {@code choice} as if the user made it now (replay); a choice with nothing to act on is refused, not skipped. */
    public void apply(Choice choice) throws SyscallException {
        switch (choice) {
            case Choice.Fire f -> fire(f.vios(), f.daemon(), f.message());
            case Choice.Deliver d -> deliver(d.pending());
            case Choice.DeliverNext d -> took(deliverNext(), "nothing is pending to deliver");
            case Choice.DeliverRandom d -> took(deliverRandom(), "nothing is pending to deliver");
            case Choice.Drop d -> drop(d.pending());
            case Choice.Delay d -> delay(d.pending(), Duration.ofNanos(d.nanos()));
            case Choice.AdvanceToTimer a -> took(advanceToNextTimer(), "no timeout is armed");
            case Choice.Kill k -> kill(k.vios());
        }
    }

    /**
     * A new step cluster that replays the first {@code choiceCount} choices of this one: a branch
     * that starts where this run stood after them. This run is not changed.
     */
    public StepCluster fork(int choiceCount) {
        List<Choice> prefix;
        Map<String, MessageHandler> copy;
        synchronized (this) {
            if (choiceCount < 0 || choiceCount > choices.size()) {
                throw new IllegalArgumentException("a branch starts after 0.." + choices.size() + " choices, not " + choiceCount);
            }
            prefix = List.copyOf(choices.subList(0, choiceCount));
            copy = new LinkedHashMap<>(handlers);
        }
        return replay(description, seed, copy, prefix);
    }

    /** Runs {@code choices} on a new step cluster of {@code description} with {@code seed}. */
    public static StepCluster replay(ClusterDescription description, long seed, List<Choice> choices) {
        return replay(description, seed, Map.of(), choices);
    }

    private static StepCluster replay(ClusterDescription description, long seed, Map<String, MessageHandler> handlers,
            List<Choice> choices) {
        StepCluster c = new StepCluster(description, seed);
        handlers.forEach((key, h) -> {
            String[] parts = key.split("/");
            c.registerHandler(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]), h);
        });
        for (Choice choice : choices) {
            try {
                c.apply(choice);
            } catch (SyscallException | RuntimeException e) {
                c.close();
                throw new IllegalStateException("replaying \"" + choice.describe() + "\" failed: " + e.getMessage(), e);
            }
        }
        return c;
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        for (Map.Entry<Integer, ViosNode> e : nodes.entrySet()) {
            if (endpoints.get(e.getKey()).alive) {
                e.getValue().close();
            }
        }
        pending.clear();
        timer.stop();
    }

    // ---- internals ----

    private static final Comparator<Pending> DUE_ORDER = Comparator.comparingLong(Pending::dueNanos).thenComparingLong(Pending::id);

    private void changed() {
        for (Runnable l : listeners) {
            try {
                l.run();
            } catch (RuntimeException e) {
                // a view's bug must not break stepping; it is logged
                System.getLogger(StepCluster.class.getName()).log(System.Logger.Level.ERROR, "a step listener threw; stepping goes on", e);
            }
        }
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("the step cluster is closed");
        }
    }

    private Held held(long id) {
        Held h = pending.get(id);
        if (h == null) {
            throw new NoSuchElementException("no pending delivery #" + id + " (delivered, dropped or never sent)");
        }
        return h;
    }

    private void deliver(Held h) {
        Pending p = h.info();
        pending.remove(p.id());
        timer.advanceTo(Math.max(timer.nanos(), p.dueNanos())); // timeouts due before the arrival run first
        Endpoint to = endpoints.get(p.to());
        if (to.alive && to.receiver != null) {
            to.receiver.receive(p.from(), Unpooled.wrappedBuffer(h.bytes()));
        }
    }

    private void hold(int from, int to, ByteBuf packet) {
        byte[] bytes = ByteBufUtil.getBytes(packet);
        Decoded d = PacketDecoder.decode(Unpooled.wrappedBuffer(bytes), false, false);
        long now = timer.nanos();
        long id = nextPending++;
        Pending info;
        if (d instanceof Packet p) {
            info = new Pending(id, from, to, p.header().messageId(), p.header().type(), p.header().isResponse(), p.header().isError(),
                    bytes.length, now, now + LINK_NANOS);
        } else {
            info = new Pending(id, from, to, -1, null, false, false, bytes.length, now, now + LINK_NANOS);
        }
        pending.put(id, new Held(info, bytes));
    }

    /** One VIOS's kcluster end: sends join the pending list; membership is the set of live VIOSes. */
    private final class Endpoint implements KCluster {
        final int id;
        volatile boolean alive = true;
        KClusterReceiver receiver;
        final List<MembershipListener> membership = new CopyOnWriteArrayList<>();

        Endpoint(int id) {
            this.id = id;
        }

        @Override
        public int localId() {
            return id;
        }

        @Override
        public void bind(KClusterReceiver r) {
            this.receiver = r;
        }

        @Override
        public Errno send(int destination, ByteBuf packet) {
            if (!alive) {
                return Errno.ESHUTDOWN;
            }
            Endpoint to = endpoints.get(destination);
            if (to == null) {
                return Errno.ENXIO;
            }
            if (!to.alive) {
                return Errno.ENOTCONN;
            }
            hold(id, destination, packet);
            return Errno.OK;
        }

        @Override
        public int[] broadcast(ByteBuf packet) {
            List<Integer> sent = new ArrayList<>();
            for (Endpoint e : endpoints.values()) {
                if (e.id != id && e.alive && alive) {
                    hold(id, e.id, packet);
                    sent.add(e.id);
                }
            }
            return sent.stream().mapToInt(Integer::intValue).toArray();
        }

        @Override
        public int[] members() {
            return endpoints.values().stream().filter(e -> e.alive).mapToInt(e -> e.id).toArray();
        }

        @Override
        public boolean isMember(int vios) {
            return endpoints.containsKey(vios);
        }

        @Override
        public boolean isReachable(int vios) {
            Endpoint e = endpoints.get(vios);
            return alive && e != null && e.alive;
        }

        @Override
        public void addMembershipListener(MembershipListener l) {
            membership.add(l);
        }

        @Override
        public void removeMembershipListener(MembershipListener l) {
            membership.remove(l);
        }

        @Override
        public void close() {
            if (!alive) {
                return;
            }
            alive = false;
            for (Endpoint e : endpoints.values()) {
                if (e.alive) {
                    for (MembershipListener l : e.membership) {
                        l.nodeLeft(id, "VIOS " + id + " left");
                    }
                }
            }
        }
    }
}
