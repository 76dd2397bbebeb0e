package org.viosbench.ui.trace;


import org.eclipse.draw2d.FigureCanvas;
import org.eclipse.jface.action.Action;
import org.eclipse.jface.action.IToolBarManager;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Table;
import org.eclipse.ui.part.ViewPart;
import org.viosbench.engine.TraceEvent;
import org.viosbench.trace.RecordedTrace;
import org.viosbench.trace.SelectedEvent;
import org.viosbench.trace.TraceCursor;

/**
 * A recorded trace: the sequence chart (one lane per VIOS, an arrow per kcluster hop, the cursor
 * as a line) above the event table, and the response queues open at the cursor. Chart, table and
 * cursor follow one another: click an event in either, or step with the toolbar or the arrow keys
 * (Up/Left back, Down/Right forward); Play steps on its own. Stepping back shows the queues as
 * they were.
 */
public final class TraceView extends ViewPart {
    public static final String ID = "org.viosbench.ui.trace.view";
    /** Milliseconds between steps while playing. */
    static final int PLAY_MS = 150;
    /** Play speeds: milliseconds per step and events per second, for the speed chooser. */
    static final int[][] SPEEDS = { { 1000, 1 }, { 500, 2 }, { PLAY_MS, 7 }, { 50, 20 }, { 10, 100 } };
    private org.eclipse.swt.widgets.Combo speed;

    private FigureCanvas canvas;
    private final ChartFigure chart = new ChartFigure();
    private org.eclipse.jface.viewers.TableViewer eventsViewer;
    private org.eclipse.jface.viewers.TableViewer queuesViewer;
    private Table events;
    private Table queues;
    private TraceCursor cursor;
    private boolean playing;
    private org.eclipse.swt.widgets.Text filter;
    /** This view's cursor for the other views (a {@link SelectedEvent}). */
    private final SelectionPublisher selection = new SelectionPublisher();
    /** A request selected elsewhere (the Response Queue view) moves the cursor to its first event. */
    private final org.eclipse.ui.ISelectionListener requests = (part, sel) -> {
        if (part != this && sel instanceof org.eclipse.jface.viewers.IStructuredSelection s
                && s.getFirstElement() instanceof org.viosbench.engine.Request r
                && ofTheTraceShown(r)) {
            // while following a cluster, only its own fired requests: message ids start again with every run, so a request
            // still selected from an earlier run would name another message of this one (a registration, say)
            showRequest(r.messageId(), r.queue().sender());
        }
    };
    /** Following a running cluster: its session (whose timeline holds everything since it started), and how much is shown. */
    private org.viosbench.session.ClusterSession followed;
    private long shownLive;
    private Action follow;
    /** Events a live trace holds at most; following stops there (the chart stays). */
    static final int LIVE_MAX = 100_000;
    /** How often a live trace is redrawn. */
    static final int LIVE_MS = 250;

    @Override
    public void createPartControl(Composite view) {
        Composite parent = Scrolling.content(view, 600, 320);
        parent.setLayout(new org.eclipse.swt.layout.GridLayout(4, false));
        new org.eclipse.swt.widgets.Label(parent, SWT.NONE).setText("Show:");
        filter = new org.eclipse.swt.widgets.Text(parent, SWT.BORDER | SWT.SEARCH);
        filter.setMessage("message id, VIOS name, event kind or message type; several words: all must match (empty: everything)");
        filter.setLayoutData(new org.eclipse.swt.layout.GridData(SWT.FILL, SWT.CENTER, true, false));
        filter.addListener(SWT.Modify, e -> setFilter(filter.getText()));
        new org.eclipse.swt.widgets.Label(parent, SWT.NONE).setText("Play speed:");
        speed = new org.eclipse.swt.widgets.Combo(parent, SWT.READ_ONLY);
        for (int[] s : SPEEDS) {
            speed.add(s[1] + " events/s");
        }
        speed.select(2);
        speed.setToolTipText("How fast Play steps (Space plays and pauses; Home and End jump to the start and the end)");
        SashForm split = new SashForm(parent, SWT.VERTICAL);
        split.setLayoutData(new org.eclipse.swt.layout.GridData(SWT.FILL, SWT.FILL, true, true, 4, 1));
        canvas = chart.showIn(split);
        SashForm bottom = new SashForm(split, SWT.HORIZONTAL);
        eventsViewer = TraceTables.events(bottom, () -> cursor == null ? null : cursor.trace());
        events = eventsViewer.getTable();
        events.addListener(SWT.Selection, e -> {
            if (!replacingRows) {
                moveTo(events.getSelectionIndex() + 1, false);
            }
        });
        queuesViewer = TraceTables.queues(bottom, () -> cursor == null ? null : cursor.trace());
        queues = queuesViewer.getTable();
        bottom.setWeights(3, 2);
        split.setWeights(3, 2);
        canvas.addListener(SWT.MouseDown, e -> {
            org.eclipse.draw2d.geometry.Point p = new org.eclipse.draw2d.geometry.Point(e.x, e.y);
            chart.translateToRelative(p); // canvas → chart coordinates, scrolling included
            int i = chart.eventAt(p.y);
            if (i >= 0) {
                moveTo(i + 1, true);
            }
        });
        org.eclipse.swt.widgets.Listener keys = e -> {
            if (e.keyCode == SWT.ARROW_DOWN || e.keyCode == SWT.ARROW_RIGHT) {
                stepForward();
                e.doit = false;
            } else if (e.keyCode == SWT.ARROW_UP || e.keyCode == SWT.ARROW_LEFT) {
                stepBack();
                e.doit = false;
            } else if (e.keyCode == SWT.HOME || e.keyCode == SWT.END) {
                moveTo(e.keyCode == SWT.HOME ? 0 : Integer.MAX_VALUE, true);
                e.doit = false;
            } else if (e.character == ' ') {
                setPlaying(!playing);
                e.doit = false;
            }
        };
        canvas.addListener(SWT.KeyDown, keys);
        canvas.addListener(SWT.MouseVerticalWheel, e -> {
            if ((e.stateMask & SWT.MOD1) != 0) { // Ctrl+wheel zooms in time
                chart.zoom(e.count > 0 ? 1.25 : 0.8);
                e.doit = false;
            }
        });
        actions();
        getSite().setSelectionProvider(selection);
        getSite().getPage().addSelectionListener(requests);
        setContentDescription("No trace open: File > Open Trace... (or viosbench run ... --trace OUT.jsonl), or follow the running cluster.");
    }

    private void actions() {
        IToolBarManager bar = getViewSite().getActionBars().getToolBarManager();
        bar.add(new Action("Step back") {
            @Override
            public void run() {
                stepBack();
            }
        });
        bar.add(new Action("Step forward") {
            @Override
            public void run() {
                stepForward();
            }
        });
        follow = new Action("Follow running cluster", Action.AS_CHECK_BOX) {
            @Override
            public void run() {
                setChecked(setFollowing(isChecked()));
            }
        };
        bar.add(follow);
        bar.add(new Action("Layers", Action.AS_CHECK_BOX) {
            @Override
            public void run() {
                chart.setLayers(isChecked());
            }
        });
        bar.add(exportAction("Save...", "*.jsonl", this::save));
        bar.add(exportAction("Export PNG...", "*.png", this::exportPng));
        bar.add(exportAction("Export SVG...", "*.svg", this::exportSvg));
        bar.add(new Action("Play", Action.AS_CHECK_BOX) {
            @Override
            public void run() {
                setPlaying(isChecked());
            }
        });
    }

    private interface Export {
        void to(java.nio.file.Path file) throws java.io.IOException;
    }

    private Action exportAction(String label, String extension, Export export) {
        return new Action(label) {
            @Override
            public void run() {
                if (cursor == null) {
                    return;
                }
                org.eclipse.swt.widgets.FileDialog d = new org.eclipse.swt.widgets.FileDialog(canvas.getShell(), SWT.SAVE);
                d.setFilterExtensions(new String[] { extension });
                d.setOverwrite(true);
                String chosen = d.open();
                if (chosen != null) {
                    try {
                        export.to(java.nio.file.Path.of(chosen));
                    } catch (java.io.IOException e) {
                        org.eclipse.jface.dialogs.MessageDialog.openError(canvas.getShell(), "Export failed", e.getMessage());
                    }
                }
            }
        };
    }

    /**
     * Saves the trace shown (a live one as it stands) as a trace file that File > Open Trace and
     * {@code viosbench trace export} read.
     */
    public void save(java.nio.file.Path file) throws java.io.IOException {
        if (cursor == null) {
            throw new java.io.IOException("no trace to save");
        }
        org.viosbench.trace.TraceFile.write(cursor.trace(), file);
        setContentDescription("Saved " + cursor.trace().size() + " events to " + file);
    }

    /** Writes the whole chart as SVG (see {@link ChartExport#svg}). */
    public void exportSvg(java.nio.file.Path file) throws java.io.IOException {
        ChartExport.svg(chart, canvas, file);
    }

    /** Writes the whole chart as a PNG image (see {@link ChartExport#png}). */
    public void exportPng(java.nio.file.Path file) throws java.io.IOException {
        ChartExport.png(chart, canvas, file);
    }

    /** Shows {@code t}, the cursor at its start (a live trace being followed stops). */
    public void open(RecordedTrace t, String name) {
        setFollowing(false);
        show(t, 0);
        setPartName("Trace: " + name);
    }

    /** While the event table's rows are replaced: a selection event it sends then is not the user's. */
    private boolean replacingRows;

    private void show(RecordedTrace t, int position) {
        cursor = new TraceCursor(t);
        chart.setTrace(t);
        // the table keeps its selected row index across new rows (which now hold other events, a growing live trace being
        // sorted by time) and may report it as a selection: that must not move the cursor, or "now" stops being followed
        replacingRows = true;
        try {
            events.deselectAll();
            TraceTables.showEvents(eventsViewer, t);
        } finally {
            replacingRows = false;
        }
        moveTo(position, false);
    }

    /**
     * Follows the cluster running in the active topology editor: its trace grows in the chart as
     * events come, the cursor at "now" (the end, or the moment being animated while an animation is
     * behind the engine) unless moved elsewhere. Returns whether it follows one;
     * false also says why in the view. Following stops at {@link #LIVE_MAX} events.
     */
    public boolean setFollowing(boolean on) {
        followed = null;
        if (follow != null) {
            follow.setChecked(false);
        }
        if (!on) {
            return false;
        }
        org.eclipse.ui.IEditorPart editor = getSite().getPage().getActiveEditor();
        org.viosbench.session.ClusterSession session = editor == null ? null : editor.getAdapter(org.viosbench.session.ClusterSession.class);
        if (session == null || !session.isRunning()) {
            setContentDescription("No running cluster to follow: open a topology and run it (Cluster > Run).");
            return false;
        }
        shownLive = -1;
        // a newly followed cluster starts at its "now", wherever the cursor stood in the trace shown before
        nowPosition = cursor == null ? -1 : cursor.position();
        followed = session;
        follow.setChecked(true);
        setPartName("Trace: " + session.topology().name() + " (live)");
        pollLive();
        return true;
    }

    /** Whether a running cluster's trace is being followed. */
    public boolean isFollowing() {
        return followed != null;
    }

    /** The cursor position this view last set as "now" while following; a cursor moved elsewhere by the user stays put. */
    private int nowPosition = -1;

    private void pollLive() {
        if (followed == null || canvas.isDisposed()) {
            return;
        }
        org.viosbench.session.Timeline timeline = followed.timeline();
        long appended = timeline.appended();
        long shownUpTo = followed.shownUpTo(); // the moment being animated, or everything
        boolean followingNow = cursor == null || cursor.position() >= cursor.trace().size() || cursor.position() == nowPosition;
        if (appended != shownLive) {
            java.util.List<TraceEvent> copy = timeline.events();
            if (copy.size() > LIVE_MAX) {
                copy = new java.util.ArrayList<>(copy.subList(0, LIVE_MAX));
            }
            copy.sort(java.util.Comparator.comparingLong(TraceEvent::timeNanos)); // events of several VIOS threads, in time order
            int position = cursor == null ? 0 : cursor.position();
            shownLive = appended;
            RecordedTrace t = new RecordedTrace(copy, followed.names());
            show(t, followingNow ? now(t, shownUpTo) : position);
            long letGo = timeline.letGo();
            if (letGo > 0) {
                setContentDescription("The running cluster's newest " + timeline.capacity() + " events; " + letGo + " older ones let go.");
            }
            if (copy.size() >= LIVE_MAX) {
                setFollowing(false);
                setContentDescription("Stopped following at " + LIVE_MAX + " events; the chart keeps them.");
                return;
            }
        } else if (followingNow && cursor.position() != now(cursor.trace(), shownUpTo)) {
            moveTo(now(cursor.trace(), shownUpTo), false); // the animation moved on
        }
        if (followingNow) {
            nowPosition = cursor.position();
        }
        canvas.getDisplay().timerExec(LIVE_MS, this::pollLive);
    }

    /** The cursor position of "now" in {@code t}: after the last event at or before {@code upTo} (the end when everything is shown). */
    private static int now(RecordedTrace t, long upTo) {
        return upTo == Long.MAX_VALUE ? t.size() : t.indexAt(upTo + 1);
    }

    /** Whether {@code r} is a request of the trace shown: while following a cluster, one fired in this run (ids start again each run). */
    private boolean ofTheTraceShown(org.viosbench.engine.Request r) {
        return followed == null || followed.sent().stream().anyMatch(s -> s.request() == r);
    }

    /** Moves the cursor to the first event of message {@code messageId} at its sender {@code sender}, if the trace has it. */
    void showRequest(long messageId, int sender) {
        if (cursor == null) {
            return;
        }
        RecordedTrace t = cursor.trace();
        for (int i : t.eventsOf(messageId)) {
            if (t.event(i).vios() == sender) {
                moveTo(i + 1, true);
                return;
            }
        }
    }

    /** The event at the cursor, as the other views get it, or null before the first event. */
    public SelectedEvent current() {
        int current = cursor == null ? -1 : cursor.position() - 1;
        return current < 0 ? null : new SelectedEvent(current, cursor.current(), cursor.trace().senderOf(cursor.current().messageId()));
    }

    /** The trace shown, or null. */
    public RecordedTrace trace() {
        return cursor == null ? null : cursor.trace();
    }

    /** Events shown. */
    public int size() {
        return cursor == null ? 0 : cursor.trace().size();
    }

    /** Puts the cursor on event {@code index} (as a click in the chart does). */
    public void select(int index) {
        moveTo(index + 1, true);
    }

    private String name(int vios) {
        return TraceTables.name(cursor.trace(), vios);
    }

    /**
     * Keeps the chart's events that match every word of {@code text}: a word matches an event of
     * that message (id or label like 3.7), at the VIOS of that name, of that kind (RECEIVE), or of a
     * message of that type (DATA, PING, ...); the others are drawn faint. Empty keeps all.
     */
    void setFilter(String text) {
        String[] words = text.trim().split("\\s+");
        if (text.isBlank() || cursor == null) {
            chart.setFilter(null);
            return;
        }
        RecordedTrace t = cursor.trace();
        chart.setFilter(e -> java.util.Arrays.stream(words).allMatch(w -> Long.toString(e.messageId()).equals(w)
                || org.viosbench.engine.MessageIds.label(e.messageId()).equals(w) || name(e.vios()).equalsIgnoreCase(w)
                || e.kind().name().equalsIgnoreCase(w) || w.equalsIgnoreCase(t.typeOf(e.messageId()))));
    }

    org.eclipse.swt.widgets.Text filterText() {
        return filter;
    }

    public boolean stepForward() {
        return cursor != null && cursor.stepForward() && moved(true);
    }

    public boolean stepBack() {
        return cursor != null && cursor.stepBack() && moved(true);
    }

    /** Puts the cursor after {@code position} events; scrolls the chart and the table to it when asked. */
    void moveTo(int position, boolean selectRow) {
        if (cursor == null) {
            return;
        }
        cursor.jumpToEvent(Math.max(-1, Math.min(position, cursor.trace().size()) - 1));
        moved(selectRow);
    }

    private boolean moved(boolean selectRow) {
        int current = cursor.position() - 1;
        chart.setCursor(cursor.position());
        chart.setSelected(current);
        if (selectRow && current >= 0) {
            events.setSelection(current);
            events.showSelection();
        } else if (current < 0) {
            events.deselectAll();
        }
        if (current >= 0) {
            org.eclipse.draw2d.geometry.Point p = chart.dot(current);
            int top = canvas.getViewport().getViewLocation().y;
            int height = canvas.getViewport().getClientArea().height;
            if (p.y < top + ChartFigure.HEADER || p.y > top + height - chart.rowHeight()) {
                canvas.scrollToY(Math.max(0, p.y - height / 2));
            }
        }
        showQueues();
        selection.publish(current());
        setContentDescription(cursor.position() + " of " + cursor.trace().size() + " events"
                + (current >= 0 ? " — now: " + cursor.current().kind() + " at " + name(cursor.current().vios()) : ""));
        return true;
    }

    private void showQueues() {
        queuesViewer.setInput(cursor.openQueues());
    }

    void setPlaying(boolean on) {
        playing = on;
        if (on) {
            canvas.getDisplay().timerExec(playMillis(), this::tick);
        }
    }

    /** Milliseconds per step at the chosen play speed. */
    int playMillis() {
        return SPEEDS[Math.max(0, speed.getSelectionIndex())][0];
    }

    org.eclipse.swt.widgets.Combo speedCombo() {
        return speed;
    }

    private void tick() {
        if (playing && !canvas.isDisposed() && stepForward()) {
            canvas.getDisplay().timerExec(playMillis(), this::tick);
        } else {
            playing = false;
        }
    }

    TraceCursor cursor() {
        return cursor;
    }

    Table eventsTable() {
        return events;
    }

    Table queuesTable() {
        return queues;
    }

    ChartFigure chart() {
        return chart;
    }

    FigureCanvas canvas() {
        return canvas;
    }

    @Override
    public void setFocus() {
        canvas.setFocus();
    }

    @Override
    public void dispose() {
        setFollowing(false);
        getSite().getPage().removeSelectionListener(requests);
        super.dispose();
    }
}

