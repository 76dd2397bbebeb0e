package org.viosbench.ui.run.step;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.eclipse.draw2d.FigureCanvas;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.layout.RowLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.part.ViewPart;
import org.viosbench.ui.trace.Widgets;
import org.viosbench.ui.trace.Scrolling;
import org.viosbench.ui.trace.SelectionPublisher;
import org.viosbench.ui.trace.ChartFigure;
import org.viosbench.cluster.ClusterDescription;
import org.viosbench.cluster.step.BranchComparison;
import org.viosbench.cluster.step.Pending;
import org.viosbench.cluster.step.StepCluster;
import org.viosbench.engine.Message;
import org.viosbench.engine.SyscallException;
import org.viosbench.engine.TraceEvent;
import org.viosbench.protocol.PacketDissector;
import org.viosbench.session.StepSession;
import org.viosbench.topology.Topology;
import org.viosbench.trace.RecordedTrace;

/**
 * Deterministic step mode: the cluster of the active topology runs its real engines on a virtual
 * clock, and every packet waits in the pending list until the user delivers it (the first, or any
 * other: a reorder), drops it, delays it, or lets the clock run to the next timeout. The chart grows
 * with each step; the history lists the choices; a branch can be forked after any of them and two
 * branches compared. The same seed and the same choices give the same trace.
 * <p>
 * Keys in the pending list: N delivers the next, Enter the selected one, Delete drops it, D delays
 * it by 1 ms, T runs to the next timeout.
 */
public final class StepView extends ViewPart {
    public static final String ID = "org.viosbench.ui.trace.step";
    /** The delay the Delay button adds. */
    static final Duration DELAY = Duration.ofMillis(1);

    /** One branch of the run: a name, where it came from, and its step cluster. */

    /** The step-mode session shown, or null before a start. */
    private StepSession session;
    private Map<Integer, String> names = Map.of();

    private Composite root;
    Text seed;
    Label status;
    StepFireRow fireRow;
    private Combo victim;
    private org.eclipse.jface.viewers.TableViewer pendingViewer;
    private org.eclipse.jface.viewers.TableViewer historyViewer;
    private org.eclipse.jface.viewers.TableViewer branchViewer;
    Table pending;
    Text packet;
    Table history;
    Table branchTable;
    Text comparison;
    private FigureCanvas canvas;
    private final ChartFigure chart = new ChartFigure();
    private final List<Button> stepButtons = new ArrayList<>();
    /** The current branch's step cluster for the other parts (the diagram draws its pending deliveries). */
    private final SelectionPublisher selection = new SelectionPublisher();

    @Override
    public void createPartControl(Composite view) {
        Composite parent = Scrolling.content(view, 1000, 560);
        root = parent;
        parent.setLayout(new GridLayout(1, false));
        Composite top = new Composite(parent, SWT.NONE);
        top.setLayout(new GridLayout(4, false));
        top.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        button(top, "Start from topology", this::startFromEditor);
        new Label(top, SWT.NONE).setText("Seed:");
        seed = new Text(top, SWT.BORDER);
        seed.setText("1");
        seed.setLayoutData(new GridData(60, SWT.DEFAULT));
        seed.setToolTipText("Drives 'Deliver random'; the same seed and choices give the same trace");
        status = new Label(top, SWT.NONE);
        status.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));

        Composite fire = row(parent);
        fireRow = new StepFireRow(fire);
        stepButtons.add(button(fire, "Fire", this::fire));

        Composite steps = row(parent);
        stepButtons.add(button(steps, "Deliver next", () -> act(() -> cluster().deliverNext())));
        stepButtons.add(button(steps, "Deliver selected", () -> withSelected(id -> cluster().deliver(id))));
        stepButtons.add(button(steps, "Deliver random", () -> act(() -> cluster().deliverRandom())));
        stepButtons.add(button(steps, "Drop", () -> withSelected(id -> cluster().drop(id))));
        stepButtons.add(button(steps, "Delay 1 ms", () -> withSelected(id -> cluster().delay(id, DELAY))));
        stepButtons.add(button(steps, "Next timeout", () -> act(() -> cluster().advanceToNextTimer())));
        stepButtons.add(button(steps, "Run to quiet", () -> act(() -> cluster().runToQuiet(10_000))));
        victim = new Combo(steps, SWT.READ_ONLY);
        stepButtons.add(button(steps, "Kill", this::kill));

        SashForm split = new SashForm(parent, SWT.HORIZONTAL);
        split.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        SashForm left = new SashForm(split, SWT.VERTICAL);
        pendingViewer = StepTables.table(left, StepTables.pending(() -> names), new String[][] { { "#", "40" }, { "From", "70" }, { "To", "70" }, { "Packet", "150" },
                { "Bytes", "50" }, { "Due (ms)", "70" } });
        pending = pendingViewer.getTable();
        pending.addListener(SWT.Selection, e -> showPacket());
        pending.addListener(SWT.DefaultSelection, e -> withSelected(id -> cluster().deliver(id)));
        pending.addListener(SWT.KeyDown, this::key);
        packet = new Text(left, SWT.MULTI | SWT.READ_ONLY | SWT.V_SCROLL | SWT.BORDER);
        historyViewer = StepTables.table(left, StepTables.history(), new String[][] { { "Step", "45" }, { "Choice", "420" } });
        history = historyViewer.getTable();
        left.setWeights(5, 3, 4);

        SashForm right = new SashForm(split, SWT.VERTICAL);
        canvas = chart.showIn(right);
        Composite bottom = new Composite(right, SWT.NONE);
        bottom.setLayout(new GridLayout(6, false));
        branchViewer = StepTables.table(bottom, StepTables.branches(() -> session == null ? null : session.current()),
                new String[][] { { "Branch", "120" }, { "From", "150" }, { "Choices", "60" }, { "Events", "60" } });
        branchTable = branchViewer.getTable();
        branchTable.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true, 6, 1));
        branchTable.addListener(SWT.DefaultSelection, e -> switchTo(branchTable.getSelectionIndex()));
        button(bottom, "Fork after step", this::fork).setToolTipText("A new branch that starts after the step selected in the history");
        button(bottom, "Switch", () -> switchTo(branchTable.getSelectionIndex()));
        button(bottom, "Compare", this::compare).setToolTipText("Compare the branch selected above with the current one");
        button(bottom, "Save trace...", () -> withFile(SWT.SAVE, "*.jsonl", this::saveTrace));
        button(bottom, "Save recipe...", () -> withFile(SWT.SAVE, "*.step.json", this::saveRecipe));
        button(bottom, "Replay recipe...", () -> withFile(SWT.OPEN, "*.step.json", this::replayRecipe));
        comparison = new Text(bottom, SWT.MULTI | SWT.READ_ONLY | SWT.WRAP | SWT.V_SCROLL | SWT.BORDER);
        comparison.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true, 6, 1));
        right.setWeights(1, 1);
        split.setWeights(2, 3);
        getSite().setSelectionProvider(selection);
        refresh();
    }

    private static Composite row(Composite parent) {
        Composite c = new Composite(parent, SWT.NONE);
        RowLayout layout = new RowLayout(SWT.HORIZONTAL);
        layout.center = true;
        c.setLayout(layout);
        c.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        return c;
    }

    private static Button button(Composite parent, String text, Runnable action) {
        Button b = new Button(parent, SWT.PUSH);
        b.setText(text);
        b.addListener(SWT.Selection, e -> action.run());
        return b;
    }

    // ---- starting ----

    /** Starts step mode on the topology of the active editor (refused, with the reasons, when it has errors). */
    public void startFromEditor() {
        IEditorPart editor = getSite().getPage().getActiveEditor();
        Topology t = editor == null ? null : editor.getAdapter(Topology.class);
        if (t == null) {
            say("Open a topology first: step mode runs the cluster of the active topology editor.", true);
            return;
        }
        begin(seed -> StepSession.start(t, seed));
    }

    /** Starts step mode on {@code description} with the seed in the seed field: one branch, "main". */
    void start(ClusterDescription description) {
        begin(seed -> StepSession.start(description, seed));
    }

    /** Starts a session made by {@code start} from the seed field, in place of the one shown (refused, with why, in the status line). */
    private void begin(java.util.function.LongFunction<StepSession> start) {
        long s;
        try {
            s = Long.parseLong(seed.getText().trim());
        } catch (NumberFormatException e) {
            say("The seed must be a whole number, not \"" + seed.getText() + "\".", true);
            return;
        }
        StepSession next;
        try {
            next = start.apply(s);
        } catch (IllegalStateException e) {
            say("Step mode did not start: " + e.getMessage().replace('\n', ' '), true);
            return;
        }
        if (session != null) {
            session.close();
        }
        session = next;
        names = next.names();
        fireRow.setCluster(next.description(), names);
        victim.setItems(names.values().toArray(String[]::new));
        victim.select(0);
        comparison.setText("");
        say("Step mode on " + next.description().name() + ": " + names.size() + " VIOSes, nothing moves until you say so.", false);
        refresh();
    }

    // ---- choices ----

    private StepCluster cluster() {
        return session.cluster();
    }

    private int idOf(String name) {
        return fireRow.idOf(name);
    }

    void fire() {
        if (session == null) {
            say("Start step mode first.", true);
            return;
        }
        int source = fireRow.source();
        org.viosbench.engine.MessageSpec spec;
        try {
            spec = fireRow.spec();
        } catch (org.viosbench.engine.MessageSpec.Invalid e) {
            say(e.getMessage(), true);
            return;
        }
        try {
            session.fire(new org.viosbench.session.FireSpec(source, spec));
            say("Fired; its packets wait below.", false);
        } catch (SyscallException e) {
            say("The system call refused it: " + e.errno() + " " + e.getMessage(), true);
        } catch (RuntimeException e) {
            say(e.getMessage(), true);
        }
        refresh();
    }

    private void kill() {
        if (session != null) {
            act(() -> cluster().kill(idOf(victim.getText())));
        }
    }

    private void withSelected(java.util.function.LongConsumer action) {
        int i = pending.getSelectionIndex();
        if (session == null || i < 0) {
            say("Select a pending delivery first.", true);
            return;
        }
        act(() -> action.accept(((Pending) pending.getItem(i).getData()).id()));
    }

    private void act(Runnable choice) {
        if (session == null) {
            say("Start step mode first.", true);
            return;
        }
        try {
            choice.run();
            say("", false);
        } catch (RuntimeException e) {
            say(e.getMessage(), true);
        }
        refresh();
    }

    private void key(org.eclipse.swt.widgets.Event e) {
        switch (e.keyCode) {
            case 'n' -> act(() -> cluster().deliverNext());
            case SWT.DEL -> withSelected(id -> cluster().drop(id));
            case 'd' -> withSelected(id -> cluster().delay(id, DELAY));
            case 't' -> act(() -> cluster().advanceToNextTimer());
            default -> {
                return;
            }
        }
        e.doit = false;
    }

    // ---- branches ----

    /** Forks a branch that starts after the step selected in the history (all steps when none is selected). */
    void fork() {
        if (session == null) {
            return;
        }
        int sel = history.getSelectionIndex();
        int after = sel < 0 ? cluster().choices().size() : sel + 1;
        try {
            StepSession.Branch b = session.fork(after);
            say("Forked " + b.name() + " from " + b.origin() + "; choices here do not change the other branches.", false);
        } catch (RuntimeException e) {
            say(e.getMessage(), true);
        }
        refresh();
    }

    void switchTo(int index) {
        if (session != null && session.switchTo(index)) {
            refresh();
        }
    }

    /** Compares the branch selected in the branch list with the current one. */
    void compare() {
        int sel = branchTable.getSelectionIndex();
        if (session == null || sel < 0) {
            say("Select the branch to compare with the current one.", true);
            return;
        }
        comparison.setText(session.compare(sel));
    }

    /** Asks for a file (after a start) and hands it to {@code action}. */
    private void withFile(int style, String extension, java.util.function.Predicate<java.nio.file.Path> action) {
        if (session == null) {
            say("Start step mode first.", true);
            return;
        }
        org.eclipse.swt.widgets.FileDialog d = new org.eclipse.swt.widgets.FileDialog(root.getShell(), style);
        d.setFilterExtensions(new String[] { extension });
        d.setOverwrite(true);
        String chosen = d.open();
        if (chosen != null) {
            action.test(java.nio.file.Path.of(chosen));
        }
    }

    /**
     * Writes the current branch's recipe (seed and choices; {@code viosbench step} and Replay recipe
     * read it) and says in the status line how it went.
     */
    boolean saveRecipe(java.nio.file.Path file) {
        try {
            session.saveRecipe(file);
            say("Saved the recipe of " + session.current().name() + " (" + cluster().choices().size() + " steps) to " + file, false);
            return true;
        } catch (java.io.IOException | RuntimeException e) {
            say("Not saved: " + e.getMessage(), true);
            return false;
        }
    }

    /** Replays a recipe file on this cluster as a new branch (refused, with where, when the file or a step is wrong). */
    boolean replayRecipe(java.nio.file.Path file) {
        try {
            StepSession.Branch b = session.replay(file);
            say("Replayed " + file.getFileName() + ": " + b.cluster().choices().size() + " steps.", false);
            refresh();
            return true;
        } catch (java.io.IOException | org.viosbench.cluster.step.StepRecipe.BadRecipeException | RuntimeException e) {
            say("Not replayed: " + e.getMessage(), true);
            return false;
        }
    }

    /**
     * Writes the current branch's trace, packets included, as a trace file (File > Open Trace,
     * {@code viosbench trace export --pcapng|--shiviz} read it); says in the status line how it went.
     */
    boolean saveTrace(java.nio.file.Path file) {
        try {
            session.saveTrace(file);
            say("Saved " + cluster().events().size() + " events of " + session.current().name() + " to " + file, false);
            return true;
        } catch (java.io.IOException | RuntimeException e) {
            say("Not saved: " + e.getMessage(), true);
            return false;
        }
    }

    // ---- showing ----

    private void say(String text, boolean problem) {
        status.setText(text);
        status.setForeground(problem ? status.getDisplay().getSystemColor(SWT.COLOR_DARK_RED) : null);
        status.getParent().layout(true, true);
    }

    /** Shows the current branch as it stands (after steps made through {@link #currentCluster()} too). */
    public void refresh() {
        boolean running = session != null;
        selection.publish(running ? session.cluster() : null);
        stepButtons.forEach(b -> b.setEnabled(running));
        if (!running) {
            pendingViewer.setInput(List.of());
            historyViewer.setInput(List.of());
            branchViewer.setInput(List.of());
            setContentDescription("Step mode: open a topology, then Start from topology.");
            return;
        }
        StepCluster c = cluster();
        pendingViewer.setInput(c.pending());
        List<String> choices = c.log();
        historyViewer.setInput(StepTables.Step.of(choices));
        branchViewer.setInput(session.all());
        List<TraceEvent> events = c.events();
        chart.setTrace(new RecordedTrace(events, names));
        java.util.Set<String> flying = new java.util.HashSet<>();
        for (Pending p : c.pending()) {
            flying.add(p.from() + "/" + p.to() + "/" + p.messageId());
        }
        chart.setInFlight(i -> events.get(i).kind() == org.viosbench.engine.TraceKind.TRANSMIT
                && flying.contains(events.get(i).vios() + "/" + events.get(i).peer() + "/" + events.get(i).messageId()));
        chart.setCursor(events.size());
        chart.setSelected(events.size() - 1);
        if (!events.isEmpty()) {
            canvas.scrollToY(Math.max(0, chart.dot(events.size() - 1).y - canvas.getViewport().getClientArea().height / 2));
        }
        showPacket();
        setContentDescription(String.format(Locale.ROOT, "%s · t = %.3f ms · %d pending · %d timeout%s armed · %d steps · seed %d",
                session.current().name(), c.nowNanos() / 1e6, c.pending().size(), c.timers().size(), c.timers().size() == 1 ? "" : "s",
                choices.size(), c.seed()));
    }

    private void showPacket() {
        int i = pending.getSelectionIndex();
        if (session == null || i < 0) {
            packet.setText("Select a pending delivery to see its packet.");
            return;
        }
        long id = ((Pending) pending.getItem(i).getData()).id();
        packet.setText(PacketDissector.dissect(cluster().packet(id)).text());
    }

    // ---- for tests (the widgets themselves are package-private) ----

    /** The current branch's step cluster, or null before a start. */
    public StepCluster currentCluster() {
        return session == null ? null : session.cluster();
    }

    List<StepSession.Branch> branches() {
        return session == null ? List.of() : session.all();
    }

    ChartFigure chart() {
        return chart;
    }

    /** The button labelled {@code text}. */
    Button button(String text) {
        return Widgets.find(root, Button.class, b -> text.equals(b.getText()));
    }

    @Override
    public void setFocus() {
        pending.setFocus();
    }

    @Override
    public void dispose() {
        selection.publish(null);
        if (session != null) {
            session.close();
        }
        super.dispose();
    }
}
