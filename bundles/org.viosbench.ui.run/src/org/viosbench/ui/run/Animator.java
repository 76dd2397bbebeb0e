package org.viosbench.ui.run;

import org.viosbench.session.ClusterSession;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicLong;

import org.eclipse.draw2d.ColorConstants;
import org.eclipse.draw2d.Ellipse;
import org.eclipse.draw2d.IFigure;
import org.eclipse.draw2d.Label;
import org.eclipse.draw2d.geometry.Point;
import org.eclipse.draw2d.geometry.Rectangle;
import org.eclipse.gef.GraphicalEditPart;
import org.eclipse.gef.GraphicalViewer;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.widgets.Display;
import org.viosbench.engine.Layer;
import org.viosbench.engine.TraceEvent;
import org.viosbench.engine.TraceKind;
import org.viosbench.engine.TraceListener;
import org.viosbench.topology.Topology;
import org.viosbench.topology.Vios;
import org.viosbench.ui.topology.parts.PartitionFigure;

/**
 * Draws the messages fired from the editor moving through the running cluster: a dot at each layer
 * a packet passes inside a VIOS (daemon, system call, VKE), a dot travelling along the kcluster
 * from VKE to VKE, requests blue, responses green, drops and errors red. Events come from the
 * engine's trace and are played in their order at the chosen speed; beyond {@link #MAX_TOKENS} dots
 * at once the rest are counted, not drawn, and a label says how many.
 */
public final class Animator implements TraceListener {
    /** Playback speed. */
    public enum Speed {
        /** For teaching: every hop takes long enough to follow. */
        SLOW(320, 700),
        /** Real time: as fast as the eye can follow, keeping up with a few requests per second. */
        NORMAL(60, 160),
        /** Instant: results only, no animation. */
        OFF(0, 0);

        final int hopMillis;
        final int linkMillis;

        Speed(int hopMillis, int linkMillis) {
            this.hopMillis = hopMillis;
            this.linkMillis = linkMillis;
        }
    }

    public static final Color REQUEST = new Color(30, 90, 200);
    public static final Color RESPONSE = new Color(20, 150, 60);
    public static final Color FAILURE = new Color(210, 30, 30);
    /** Dots on the diagram at most; more are aggregated. */
    public static final int MAX_TOKENS = 150;

    private static volatile Speed speed = Speed.SLOW;
    private static volatile boolean paused;

    private final GraphicalViewer viewer;
    private final Topology topology;
    private final ClusterSession session;
    private final IFigure layer;
    private final BlockingQueue<TraceEvent> incoming = new ArrayBlockingQueue<>(20_000);
    private final Queue<TraceEvent> backlog = new ArrayDeque<>();
    private final List<Token> tokens = new ArrayList<>();
    private final AtomicLong overflow = new AtomicLong();
    private final Label aggregate = new Label();
    private long clock;
    private long lastFrame = System.nanoTime();
    private long nextStart;
    private long started;
    private boolean disposed;
    /** The trace time of the latest event the animation has reached since it was last caught up. */
    private long reachedUpTo = Long.MIN_VALUE;
    /** Messages the animation takes in (added on engine threads). */
    private final java.util.Set<Long> animated = java.util.concurrent.ConcurrentHashMap.newKeySet();
    /** Queue events that did not fit the incoming buffer: never drawn, but past for the queues shown. */
    private final Queue<TraceEvent> lostQueueEvents = new java.util.concurrent.ConcurrentLinkedQueue<>();
    /** The kcluster sends (message id, sending VIOS) the animation has reached. UI thread only. */
    private final java.util.Map<Send, Boolean> reachedSends = new java.util.LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(java.util.Map.Entry<Send, Boolean> eldest) {
            return size() > 8 * ClusterSession.KEPT;
        }
    };

    private record Send(long messageId, int from) {
    }

    /** Per message, the queue events the animation has reached (played, or passed over): its "now". UI thread only. */
    private final java.util.Map<Long, List<TraceEvent>> reached = new java.util.LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(java.util.Map.Entry<Long, List<TraceEvent>> eldest) {
            if (size() <= 2 * ClusterSession.KEPT) {
                return false;
            }
            animated.remove(eldest.getKey()); // forgotten here: shown as the engine has it, not as never reached
            return true;
        }
    };

    /** One dot: where it goes from and to, when, and its figure. */
    private record Token(Ellipse figure, Point from, Point to, long start, long duration) {
    }

    /** A dot on the diagram; it knows the message it draws (a click on it shows that packet). */
    public static final class Dot extends Ellipse {
        private final long messageId;

        Dot(long messageId) {
            this.messageId = messageId;
        }

        public long messageId() {
            return messageId;
        }
    }

    public Animator(GraphicalViewer viewer, IFigure layer, Topology topology, ClusterSession session) {
        this.viewer = viewer;
        this.layer = layer;
        this.topology = topology;
        this.session = session;
        aggregate.setForegroundColor(FAILURE);
        session.cluster().trace().addListener(this);
        viewer.getControl().addListener(org.eclipse.swt.SWT.MouseDown, clicked);
        Display.getDefault().timerExec(30, this::frame);
    }

    /** A click on a dot shows its packet in the Packet Inspector (when that view is open). */
    private final org.eclipse.swt.widgets.Listener clicked = e -> {
        Dot dot = dotAt(e.x, e.y);
        if (dot != null) {
            Inspect.message(dot.messageId());
        }
    };

    /** The dot under canvas point (x, y), or null. */
    public Dot dotAt(int x, int y) {
        for (Token t : tokens) {
            Rectangle r = t.figure().getBounds().getCopy();
            t.figure().translateToAbsolute(r);
            if (r.getExpanded(3, 3).contains(x, y) && t.figure() instanceof Dot d) {
                return d;
            }
        }
        return null;
    }

    public static Speed speed() {
        return speed;
    }

    public static void setSpeed(Speed s) {
        speed = s;
    }

    public static boolean paused() {
        return paused;
    }

    public static void setPaused(boolean p) {
        paused = p;
    }

    /** Engine threads: keep the events of fired requests (not heartbeats or registrations). */
    @Override
    public void onEvent(TraceEvent e) {
        if (speed == Speed.OFF || !session.isFired(e.messageId())) {
            return;
        }
        animated.add(e.messageId());
        if (!incoming.offer(e)) {
            overflow.incrementAndGet();
            if (e.layer() == Layer.QUEUE) {
                lostQueueEvents.add(e);
            }
        }
    }

    /**
     * Whether message {@code messageId} is being animated: then the views show its queue as the
     * animation has reached it ({@link #shownQueue}), not as the engine has it already.
     */
    public boolean animates(long messageId) {
        return animated.contains(messageId);
    }

    /** Request {@code messageId}'s response queue at the moment being animated, or null before the animation reached its creation. */
    public org.viosbench.trace.QueueState shownQueue(long messageId) {
        List<TraceEvent> events = reached.get(messageId);
        return events == null ? null : org.viosbench.trace.QueueState.of(messageId, events);
    }

    /** Whether the animation has reached VIOS {@code from}'s kcluster send of message {@code messageId}: its packet has left, as shown. */
    public boolean hasShownSend(long messageId, int from) {
        return reachedSends.containsKey(new Send(messageId, from));
    }

    /** Whether the animation still has something to play or show. */
    public boolean busy() {
        return !incoming.isEmpty() || !backlog.isEmpty() || !tokens.isEmpty();
    }

    /** The animation has reached {@code e} (played it or passed over it). */
    private void reach(TraceEvent e) {
        reachedUpTo = Math.max(reachedUpTo, e.timeNanos()); // never back: events of several threads come nearly in time order
        session.setShownUpTo(reachedUpTo);
        if (e.kind() == TraceKind.TRANSMIT) {
            reachedSends.put(new Send(e.messageId(), e.vios()), Boolean.TRUE);
        }
        if (e.layer() == Layer.QUEUE) {
            reached.computeIfAbsent(e.messageId(), k -> new ArrayList<>()).add(e);
        }
    }

    /** How many dots were started so far (for tests). */
    public long started() {
        return started;
    }

    /** How many dots are on the diagram now (for tests). */
    public int onScreen() {
        return tokens.size();
    }

    /** How many events were not drawn because too many were in flight. */
    public long aggregated() {
        return overflow.get();
    }

    private void frame() {
        if (disposed || viewer.getControl() == null || viewer.getControl().isDisposed()) {
            return;
        }
        long now = System.nanoTime();
        if (!paused) {
            clock += (now - lastFrame) / 1_000_000;
        }
        lastFrame = now;
        incoming.drainTo(backlog);
        for (TraceEvent lost; (lost = lostQueueEvents.poll()) != null;) {
            reach(lost);
        }
        // start the next events in order, one hop after another
        while (!paused && !backlog.isEmpty() && nextStart <= clock) {
            TraceEvent e = backlog.poll();
            reach(e);
            if (tokens.size() >= MAX_TOKENS) {
                overflow.incrementAndGet();
                continue;
            }
            long duration = start(e);
            nextStart = Math.max(nextStart, clock) + (e.kind() == TraceKind.TRANSMIT ? duration / 4 : duration);
        }
        if (backlog.size() > 4 * MAX_TOKENS) { // far behind: skip ahead, counting what is skipped
            while (backlog.size() > MAX_TOKENS) {
                reach(backlog.poll());
                overflow.incrementAndGet();
            }
        }
        for (Iterator<Token> it = tokens.iterator(); it.hasNext();) {
            Token t = it.next();
            double p = Math.min(1, (double) (clock - t.start()) / Math.max(1, t.duration()));
            int x = (int) (t.from().x + (t.to().x - t.from().x) * p);
            int y = (int) (t.from().y + (t.to().y - t.from().y) * p);
            t.figure().setBounds(new Rectangle(x - 6, y - 6, 12, 12));
            if (p >= 1) {
                layer.remove(t.figure());
                it.remove();
            }
        }
        if (!busy()) {
            reachedUpTo = Long.MIN_VALUE;
            session.setShownUpTo(Long.MAX_VALUE); // caught up: the newest is what is shown
        }
        long skipped = overflow.get();
        if (skipped > 0) {
            aggregate.setText(skipped + " more not drawn");
            Rectangle view = ((org.eclipse.draw2d.FigureCanvas) viewer.getControl()).getViewport().getClientArea();
            aggregate.setBounds(new Rectangle(view.x + 8, view.y + 4, 200, 18));
            if (aggregate.getParent() == null) {
                layer.add(aggregate);
            }
        }
        Display.getDefault().timerExec(30, this::frame);
    }

    /** Puts the dot of {@code e} on the diagram; returns how long it shows. */
    private long start(TraceEvent e) {
        PartitionFigure at = figure(e.vios());
        if (at == null) {
            return 0;
        }
        boolean failure = e.kind() == TraceKind.DROP || e.kind() == TraceKind.ERROR || e.kind() == TraceKind.FAULT
                || e.kind() == TraceKind.TIMEOUT || e.kind() == TraceKind.SUSPECT || e.kind() == TraceKind.MATCH_ERROR;
        boolean response = e.response();
        Color color = failure ? FAILURE : response ? RESPONSE : REQUEST;
        Point from = center(at, e.layer());
        Point to = from;
        long duration = speed.hopMillis;
        if (e.kind() == TraceKind.TRANSMIT && e.peer() != -1) {
            PartitionFigure peer = figure(e.peer());
            if (peer != null) {
                to = center(peer, Layer.VKE);
                from = center(at, Layer.VKE);
                duration = speed.linkMillis;
            }
        }
        Ellipse dot = new Dot(e.messageId());
        dot.setBackgroundColor(color);
        dot.setForegroundColor(ColorConstants.white);
        dot.setBounds(new Rectangle(from.x - 6, from.y - 6, 12, 12));
        dot.setToolTip(new Label(e.kind() + " " + e.layer() + " message " + e.messageId() + " " + e.outcome()));
        layer.add(dot);
        tokens.add(new Token(dot, from, to, clock, duration));
        started++;
        return duration;
    }


    private PartitionFigure figure(int viosId) {
        Vios v = topology.vios(Integer.toUnsignedLong(viosId));
        Object part = v == null ? null : viewer.getEditPartRegistry().get(v);
        return part == null ? null : (PartitionFigure) ((GraphicalEditPart) part).getFigure();
    }

    /** The middle of the layer box of {@code layer} in a VIOS figure (kcluster and queue: the VKE's and the daemon's). */
    static Point center(PartitionFigure f, Layer layer) {
        int i = switch (layer) {
            case DAEMON, QUEUE -> 0;
            case SYSCALL -> 1;
            case VKE, KCLUSTER -> 2;
        };
        return f.layerBounds(i).getCenter();
    }

    /** The marks of the Trace view's cursor on the diagram: a ring at the event's layer, a dashed line for a send. */
    private final List<IFigure> cursorMarks = new ArrayList<>();
    private TraceEvent cursorEvent;
    public static final Color CURSOR = new Color(230, 120, 0);

    /**
     * Marks where event {@code e} happens (the Trace view's cursor): a ring on its VIOS's daemon,
     * system-call or VKE box, and for a kcluster send a dashed line to the receiving VKE. Replaces the
     * previous mark; events of VIOSes not on the diagram leave none.
     */
    public void showCursor(TraceEvent e) {
        cursorMarks.forEach(layer::remove);
        cursorMarks.clear();
        cursorEvent = null;
        PartitionFigure at = figure(e.vios());
        if (at == null || disposed) {
            return;
        }
        cursorEvent = e;
        Point p = center(at, e.layer());
        Ellipse ring = new Ellipse();
        ring.setFill(false);
        ring.setLineWidth(3);
        ring.setForegroundColor(CURSOR);
        ring.setBounds(new Rectangle(p.x - 14, p.y - 14, 28, 28));
        ring.setToolTip(new Label("trace cursor: " + e.kind() + " " + e.layer() + " message " + e.messageId()));
        cursorMarks.add(ring);
        PartitionFigure peer = e.kind() == TraceKind.TRANSMIT && e.peer() != -1 ? figure(e.peer()) : null;
        if (peer != null) {
            org.eclipse.draw2d.Polyline line = new org.eclipse.draw2d.Polyline();
            line.setForegroundColor(CURSOR);
            line.setLineStyle(org.eclipse.swt.SWT.LINE_DASH);
            line.setLineWidth(2);
            line.addPoint(p);
            line.addPoint(center(peer, Layer.VKE));
            cursorMarks.add(line);
        }
        cursorMarks.forEach(layer::add);
    }

    /** The event the diagram marks now, or null. */
    public TraceEvent cursorEvent() {
        return cursorEvent;
    }

    /** The centre of the cursor ring (viewer coordinates), or null. */
    public Point cursorAt() {
        return cursorMarks.isEmpty() ? null : cursorMarks.get(0).getBounds().getCenter();
    }

    /** Where event {@code e}'s ring goes: the middle of its layer box in its VIOS figure, or null. */
    public Point placeOf(TraceEvent e) {
        PartitionFigure f = figure(e.vios());
        return f == null ? null : center(f, e.layer());
    }

    /** Stops listening and takes every dot off the diagram. */
    public void dispose() {
        disposed = true;
        if (viewer.getControl() != null && !viewer.getControl().isDisposed()) {
            viewer.getControl().removeListener(org.eclipse.swt.SWT.MouseDown, clicked);
        }
        session.cluster().trace().removeListener(this);
        session.setShownUpTo(Long.MAX_VALUE);
        tokens.forEach(t -> layer.remove(t.figure()));
        tokens.clear();
        cursorMarks.forEach(layer::remove);
        cursorMarks.clear();
        if (aggregate.getParent() != null) {
            layer.remove(aggregate);
        }
    }
}
