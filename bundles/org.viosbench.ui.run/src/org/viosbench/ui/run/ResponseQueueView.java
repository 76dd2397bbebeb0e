package org.viosbench.ui.run;

import org.viosbench.ui.trace.ColumnLabels;

import org.viosbench.session.ClusterSession;
import org.viosbench.session.SentRequest;

import java.util.List;
import java.util.Locale;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Tree;
import org.eclipse.swt.widgets.TreeColumn;
import org.viosbench.engine.EntryState;
import org.viosbench.engine.QueueEntry;
import org.viosbench.topology.Vios;

/**
 * The response queues of the requests fired in the active topology editor's running cluster: one
 * row per request (newest first) with one row per expected responder beneath it, its state
 * (pending, matched with the time it took, error, timed out, suspected, cancelled, aborted) updated
 * live as responses are matched, and the completion result.
 */
public final class ResponseQueueView extends SessionView {
    public static final String ID = "org.viosbench.ui.topology.responseQueue";
    /** How often open requests are redrawn while responses come in. */
    static final int REFRESH_MS = 200;
    /** The newest requests shown; older ones are counted. */
    static final int SHOWN = 100;

    private static final Color OK = new Color(20, 130, 50);
    private static final Color BAD = new Color(190, 30, 30);
    private static final Color WAIT = new Color(170, 100, 0);

    private org.eclipse.jface.viewers.TreeViewer viewer;
    private Tree tree;
    private final Runnable tick = this::refresh;
    private boolean openOnly;
    /** The requests shown, newest first: the viewer's input, refilled by {@link #refresh}. */
    private final List<SentRequest> shownRows = new java.util.ArrayList<>();

    /** A responder's row beneath its request: the request and the index of its entry. */
    private record Responder(SentRequest request, int index) {
        QueueEntry entry() {
            List<QueueEntry> all = request.entries();
            return index < all.size() ? all.get(index) : null;
        }
    }
    /** The selected request for the other views (the Trace view moves its cursor there). */
    private final org.viosbench.ui.trace.SelectionPublisher selection = new org.viosbench.ui.trace.SelectionPublisher();
    /** The Trace view's cursor selects the row of its message's request. */
    private final org.eclipse.ui.ISelectionListener traceCursor = (part, sel) -> {
        if (sel instanceof org.eclipse.jface.viewers.IStructuredSelection s && s.getFirstElement() instanceof org.viosbench.trace.SelectedEvent e) {
            showRequestOf(e);
        }
    };

    @Override
    public void createPartControl(Composite parent) {
        parent.setLayout(new org.eclipse.swt.layout.GridLayout(1, false));
        Composite legend = new Composite(parent, SWT.NONE);
        legend.setLayout(new org.eclipse.swt.layout.RowLayout());
        legend(legend, "\u25cf request", Animator.REQUEST);
        legend(legend, "\u25cf response", Animator.RESPONSE);
        legend(legend, "\u25cf drop, error, timeout, suspected", Animator.FAILURE);
        new org.eclipse.swt.widgets.Label(legend, SWT.NONE).setText("   (dots move on the diagram; speed in this view's toolbar)");
        viewer = new org.eclipse.jface.viewers.TreeViewer(parent, SWT.FULL_SELECTION | SWT.V_SCROLL | SWT.H_SCROLL);
        tree = viewer.getTree();
        viewer.setAutoExpandLevel(org.eclipse.jface.viewers.AbstractTreeViewer.ALL_LEVELS);
        viewer.setContentProvider(new Rows());
        viewer.setLabelProvider(new Labels());
        viewer.setInput(shownRows);
        tree.setLayoutData(new org.eclipse.swt.layout.GridData(SWT.FILL, SWT.FILL, true, true));
        speedActions();
        tree.setHeaderVisible(true);
        tree.setLinesVisible(true);
        column("Request / responder", 330);
        column("State", 110);
        column("Time", 110);
        column("Detail", 420);
        tree.addListener(SWT.Selection, e -> {
            inspect();
            SentRequest r = selectedRequest();
            selection.publish(r == null ? null : r.request());
        });
        getSite().setSelectionProvider(selection);
        getSite().getPage().addSelectionListener(org.viosbench.ui.trace.TraceView.ID, traceCursor);
        startFollowing();
    }

    /** Selects the row of the request that event {@code e} belongs to (and its packet in the inspector), if shown. */
    void showRequestOf(org.viosbench.trace.SelectedEvent e) {
        if (tree == null || tree.isDisposed() || e.sender() == null) {
            return;
        }
        for (SentRequest r : shownRequests()) {
            if (r.request() != null && r.messageId() == e.event().messageId() && r.request().queue().sender() == e.sender()) {
                viewer.setSelection(new org.eclipse.jface.viewers.StructuredSelection(r), true);
                inspect();
                return;
            }
        }
    }

    private SentRequest selectedRequest() {
        Object first = viewer.getStructuredSelection().getFirstElement();
        return first instanceof Responder x ? x.request() : first instanceof SentRequest r ? r : null;
    }

    private List<SentRequest> shownRequests() {
        return List.copyOf(shownRows);
    }

    /** Requests (newest first) and beneath each its responders. */
    private static final class Rows implements org.eclipse.jface.viewers.ITreeContentProvider {
        @Override
        public Object[] getElements(Object input) {
            return input instanceof List<?> l ? l.toArray() : new Object[0];
        }

        @Override
        public Object[] getChildren(Object parent) {
            if (!(parent instanceof SentRequest r)) {
                return new Object[0];
            }
            int n = r.entries().size();
            Object[] out = new Object[n];
            for (int i = 0; i < n; i++) {
                out[i] = new Responder(r, i);
            }
            return out;
        }

        @Override
        public Object getParent(Object element) {
            return element instanceof Responder x ? x.request() : null;
        }

        @Override
        public boolean hasChildren(Object element) {
            return element instanceof SentRequest r && !r.entries().isEmpty();
        }
    }

    /** The columns: what, state, time, detail; the state coloured. */
    private final class Labels extends ColumnLabels {
        @Override
        public String getColumnText(Object element, int column) {
            return element instanceof SentRequest r ? requestColumns(r)[column] : element instanceof Responder x ? responderColumns(x)[column] : "";
        }

        @Override
        public Color getForeground(Object element, int column) {
            if (column != 1) {
                return null;
            }
            String state = getColumnText(element, 1);
            return state.equals("OK") || state.equals("MATCHED") ? OK : state.equals("OPEN") || state.equals("PENDING") ? WAIT : BAD;
        }
    }

    /** Shows only the requests still waiting for responses (true) or all of them. */
    void setOpenOnly(boolean only) {
        openOnly = only;
        refresh();
    }

    /** Asks for the selected request's packet to be shown (the Packet Inspector does, when open). */
    private void inspect() {
        SentRequest r = selectedRequest();
        if (r != null) {
            Inspect.message(r.messageId());
        }
    }

    private static void legend(Composite c, String text, Color color) {
        org.eclipse.swt.widgets.Label l = new org.eclipse.swt.widgets.Label(c, SWT.NONE);
        l.setText(text);
        l.setForeground(color);
    }

    /** Slow motion, normal, no animation; pause. */
    /** The speed and pause buttons: they show the speed whoever set it (another view, a tour, a test). */
    private final java.util.Map<Animator.Speed, org.eclipse.jface.action.Action> speedButtons = new java.util.EnumMap<>(Animator.Speed.class);
    private org.eclipse.jface.action.Action pauseButton;

    private void syncSpeedButtons() {
        speedButtons.forEach((sp, a) -> a.setChecked(Animator.speed() == sp));
        if (pauseButton != null) {
            pauseButton.setChecked(Animator.paused());
        }
    }

    private void speedActions() {
        org.eclipse.jface.action.IToolBarManager bar = getViewSite().getActionBars().getToolBarManager();
        for (Animator.Speed sp : Animator.Speed.values()) {
            org.eclipse.jface.action.Action a = new org.eclipse.jface.action.Action(switch (sp) {
                case SLOW -> "Slow motion";
                case NORMAL -> "Real time";
                case OFF -> "Instant (no animation)";
            }, org.eclipse.jface.action.IAction.AS_RADIO_BUTTON) {
                @Override
                public void run() {
                    if (isChecked()) {
                        Animator.setSpeed(sp);
                    }
                }
            };
            a.setChecked(Animator.speed() == sp);
            speedButtons.put(sp, a);
            bar.add(a);
        }
        org.eclipse.jface.action.Action pause = new org.eclipse.jface.action.Action("Pause", org.eclipse.jface.action.IAction.AS_CHECK_BOX) {
            @Override
            public void run() {
                Animator.setPaused(isChecked());
            }
        };
        pauseButton = pause;
        bar.add(new org.eclipse.jface.action.Separator());
        bar.add(pause);
        org.eclipse.jface.action.Action open = new org.eclipse.jface.action.Action("Open requests only",
                org.eclipse.jface.action.IAction.AS_CHECK_BOX) {
            @Override
            public void run() {
                setOpenOnly(isChecked());
            }
        };
        bar.add(open);
    }

    private void column(String title, int width) {
        TreeColumn c = new TreeColumn(tree, SWT.LEFT);
        c.setText(title);
        c.setWidth(width);
    }

    /** Rebuilds the rows; while a request is open, again in {@link #REFRESH_MS}. */
    @Override
    void refresh() {
        if (tree == null || tree.isDisposed()) {
            return;
        }
        ClusterSession session = session();
        List<SentRequest> requests = session == null ? List.of() : session.sent();
        String idle = idleText();
        setContentDescription(idle != null ? idle : requests.isEmpty() ? "Fire a message from a VIOS (right-click it)."
                : requests.size() > SHOWN ? "The newest " + SHOWN + " of " + requests.size() + " requests." : "");
        syncSpeedButtons();
        List<SentRequest> shown = new java.util.ArrayList<>(openOnly ? requests.stream().filter(r -> shownState(r).equals("OPEN")).toList()
                : requests);
        java.util.Collections.reverse(shown); // newest first
        shownRows.clear();
        shownRows.addAll(shown.size() > SHOWN ? shown.subList(0, SHOWN) : shown);
        viewer.refresh(); // updates the rows in place, keeping the selected request (the user's, or the trace cursor's)
        viewer.expandAll();
        Animator animator = animator();
        if (session != null && (session.anyOpen() || animator != null && animator.busy())) {
            tree.getDisplay().timerExec(REFRESH_MS, tick);
        }
    }

    private Animator animator() {
        return RunAttachment.animatorOf(editor());
    }

    /**
     * The queue of {@code r} at the moment the diagram animates, or null when {@code r} is shown as
     * it is (no animation plays it): so the queue fills as the dots arrive, not ahead of them.
     */
    private org.viosbench.trace.QueueState animated(SentRequest r) {
        Animator a = animator();
        if (a == null || r.request() == null || !a.animates(r.messageId())) {
            return null;
        }
        org.viosbench.trace.QueueState q = a.shownQueue(r.messageId());
        // not reached yet: created, nothing answered
        return q != null ? q : new org.viosbench.trace.QueueState(r.messageId(), r.request().queue().sender(), r.policy(), r.entries().size(),
                java.util.Map.of(), r.entries().size(), null);
    }

    /** OPEN, OK, FAILED or REFUSED, as shown (see {@link #animated}). */
    String shownState(SentRequest r) {
        org.viosbench.trace.QueueState q = animated(r);
        if (q == null) {
            return r.state();
        }
        return q.open() ? "OPEN" : "success".equals(q.completion()) ? "OK" : "FAILED";
    }

    /** The state entry {@code e} of a request is shown in, given its animated queue {@code q} (null: as it is). */
    private static EntryState shownEntry(QueueEntry e, org.viosbench.trace.QueueState q) {
        if (q == null) {
            return e.state();
        }
        EntryState named = q.ended().get(e.responder());
        if (named != null) {
            return named;
        }
        boolean timeoutShown = q.ended().keySet().stream().anyMatch(k -> k < 0);
        if (e.state() == EntryState.TIMED_OUT && timeoutShown) {
            return EntryState.TIMED_OUT;
        }
        if ((e.state() == EntryState.CANCELLED || e.state() == EntryState.ABORTED) && !q.open()) {
            return e.state();
        }
        return EntryState.PENDING;
    }

    /** A request's row as shown: at the moment being animated (see {@link #animated}). */
    private String[] requestColumns(SentRequest r) {
        String state = shownState(r);
        var result = state.equals("OPEN") ? null : r.result();
        return new String[] { "#" + r.number() + "  " + r.from() + " -> " + r.to(), state, result == null ? "" : micros(result.elapsedNanos()),
                r.refusal() != null ? r.refusal() : "message id " + org.viosbench.engine.MessageIds.label(r.messageId()) + ", response: " + r.policy() };
    }

    /** A responder's row as shown. */
    private String[] responderColumns(Responder x) {
        QueueEntry e = x.entry();
        if (e == null || session() == null) {
            return new String[] { "", "", "", "" };
        }
        Vios v = session().topology().vios(Integer.toUnsignedLong(e.responder()));
        EntryState shown = shownEntry(e, animated(x.request()));
        String detail = shown == EntryState.ERROR ? "error " + e.errorCode()
                : shown == EntryState.MATCHED && e.payload() != null && e.payload().length > 0 ? e.payload().length + " bytes: " + preview(e.payload()) : "";
        return new String[] { v == null ? "VIOS " + Integer.toUnsignedString(e.responder()) : v.name(), shown.name(),
                shown.ended() && e.endedNanos() > 0 ? micros(e.endedNanos() - x.request().sentNanos()) : "", detail };
    }

    private static String micros(long nanos) {
        return nanos < 0 ? "" : String.format(Locale.ROOT, "%,d µs", nanos / 1000);
    }

    private static String preview(byte[] b) {
        String s = new String(b, 0, Math.min(b.length, 40), java.nio.charset.StandardCharsets.UTF_8);
        return s.chars().allMatch(c -> c >= 32 && c < 127) ? "\"" + s + (b.length > 40 ? "..." : "") + "\""
                : java.util.HexFormat.of().formatHex(b, 0, Math.min(b.length, 20)) + (b.length > 20 ? "..." : "");
    }

    /** The tree, for tests. */
    Tree tree() {
        return tree;
    }

    @Override
    public void setFocus() {
        tree.setFocus();
    }

    @Override
    public void dispose() {
        getSite().getPage().removeSelectionListener(org.viosbench.ui.trace.TraceView.ID, traceCursor);
        super.dispose();
    }

}
