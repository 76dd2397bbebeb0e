package org.viosbench.ui.run.step;

import static org.viosbench.testing.ui.Screen.drain;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Table;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.viosbench.cluster.ClusterDescription;
import org.viosbench.cluster.step.StepCluster;
import org.viosbench.engine.TraceEvent;
import org.viosbench.engine.TraceKind;
import org.viosbench.topology.Topology;

/** Step mode in the real workbench: the buttons and lists drive the real engines, a branch and a comparison. */
@org.junit.jupiter.api.extension.ExtendWith(org.viosbench.testing.ui.NoErrorsLogged.class)
class StepViewTest {
    private StepView view;


    private StepView open() throws Exception {
        IWorkbenchPage page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
        view = (StepView) page.showView(StepView.ID);
        drain();
        return view;
    }

    @AfterEach
    void close() {
        if (view != null) {
            view.getSite().getPage().hideView(view);
            drain();
        }
    }

    private void click(String label) {
        Button b = view.button(label);
        assertNotNull(b, "a button labelled " + label);
        assertTrue(b.isEnabled(), label + " is enabled");
        b.notifyListeners(SWT.Selection, new Event());
        drain();
    }

    private static void choose(Combo c, String item) {
        int i = c.indexOf(item);
        assertTrue(i >= 0, item + " in " + String.join(", ", c.getItems()));
        c.select(i);
    }

    private static void select(Table t, int row) {
        t.setSelection(row);
        t.notifyListeners(SWT.Selection, new Event());
        drain();
    }

    private static List<Integer> transmits(StepView v) {
        List<TraceEvent> events = v.currentCluster().events();
        List<Integer> out = new java.util.ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            if (events.get(i).kind() == TraceKind.TRANSMIT) {
                out.add(i);
            }
        }
        return out;
    }

    @Test
    void clusterStepModeOpensTheView() throws Exception {
        IWorkbenchPage page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
        org.eclipse.swt.widgets.Menu bar = page.getWorkbenchWindow().getShell().getMenuBar();
        org.eclipse.swt.widgets.MenuItem cluster = java.util.Arrays.stream(bar.getItems()).filter(i -> i.getText().replace("&", "").equals("Cluster"))
                .findFirst().orElseThrow();
        cluster.getMenu().notifyListeners(SWT.Show, new Event()); // menus fill when shown
        drain();
        org.eclipse.swt.widgets.MenuItem step = java.util.Arrays.stream(cluster.getMenu().getItems())
                .filter(i -> i.getText().replace("&", "").startsWith("Step Mode")).findFirst().orElseThrow();
        step.notifyListeners(SWT.Selection, new Event());
        drain();
        view = (StepView) page.findView(StepView.ID);
        assertNotNull(view, "Cluster > Step Mode opened the view");
    }

    @Test
    void startsFromTheActiveTopologyEditor() throws Exception {
        IWorkbenchPage page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
        page.openEditor(org.viosbench.ui.topology.TopologyEditorInput.sample("small"), org.viosbench.ui.topology.TopologyEditor.ID);
        drain();
        Topology t = page.getActiveEditor().getAdapter(Topology.class);
        assertNotNull(t, "the topology editor adapts to its topology");
        open();
        assertFalse(view.button("Deliver next").isEnabled(), "nothing to step before a start");
        click("Start from topology");
        StepCluster c = view.currentCluster();
        assertNotNull(c, view.status.getText());
        assertEquals(t.vioses().size(), c.ids().size());
        assertEquals(t.vioses().get(0).name(), view.fireRow.from.getItem(0));
        assertEquals("all (broadcast)", view.fireRow.to.getItem(0));
    }

    @Test
    void fireReorderDropAndTimeoutThroughTheWidgets() throws Exception {
        open();
        fireTheBroadcast();
        Table pending = view.pending;
        assertEquals(2, pending.getItemCount(), "a broadcast waits as one delivery per other VIOS");
        assertEquals("vios1", pending.getItem(0).getText(2));
        assertEquals("vios2", pending.getItem(1).getText(2));
        assertTrue(view.history.getItem(0).getText(1).startsWith("fire DATA from VIOS 0"));
        List<Integer> sends = transmits(view);
        assertEquals(2, sends.size());
        assertTrue(sends.stream().allMatch(i -> view.chart().inFlight(i)), "pending sends are drawn in flight, not lost");

        select(pending, 1);
        click("Deliver selected"); // vios2 first: a reorder
        List<TraceEvent> events = view.currentCluster().events();
        assertEquals(2, events.stream().filter(e -> e.kind() == TraceKind.RECEIVE).findFirst().orElseThrow().vios());
        assertEquals(2, pending.getItemCount(), "vios1's request and vios2's response");
        assertEquals("DATA response m1", pending.getItem(1).getText(3));

        select(pending, 0);
        assertTrue(view.packet.getText().contains("Message id: 1"), view.packet.getText());
        IWorkbenchPage page = view.getSite().getPage();
        page.setPartState(page.getReference(view), IWorkbenchPage.STATE_MAXIMIZED);
        drain();
        org.viosbench.testing.ui.Screen.save(view.getSite().getShell(), "step-mode-pending.png");
        page.setPartState(page.getReference(view), IWorkbenchPage.STATE_RESTORED);
        click("Drop"); // vios1 never gets it
        int dropped = transmits(view).get(0);
        assertFalse(view.chart().inFlight(dropped), "a dropped send is drawn lost");
        click("Deliver next"); // vios2's response
        assertEquals(0, pending.getItemCount());
        assertTrue(view.currentCluster().timers().size() == 1, "the request still waits for vios1");
        click("Next timeout");
        assertTrue(view.currentCluster().events().stream().anyMatch(e -> e.kind() == TraceKind.TIMEOUT));
        assertEquals(5, view.history.getItemCount());
        assertEquals(view.currentCluster().events().size(), view.chart().trace().size(), "the chart shows the whole run");

    }

    /** Step mode on three VIOSes; vios0 fires a broadcast to the two others with a 4 ms timeout. */
    private void fireTheBroadcast() {
        view.start(ClusterDescription.of(3, 1));
        drain();
        choose(view.fireRow.from, "vios0");
        choose(view.fireRow.to, "all (broadcast)");
        view.fireRow.timeout.setText("4");
        click("Fire");
    }

    /**
     * vios0 broadcasts to vios1 and vios2 with a 4 ms timeout; vios2's copy is delivered first (a
     * reorder), vios1's dropped, vios2's response delivered, the timeout run: main has 5 steps.
     */
    private void playTheLostRequest() {
        fireTheBroadcast();
        select(view.pending, 1);
        click("Deliver selected");
        select(view.pending, 0);
        click("Drop");
        click("Deliver next");
        click("Next timeout");
        assertEquals(5, view.history.getItemCount(), view.status.getText());
    }

    /** A fork after step 2 (the reorder) where vios1's request is delivered instead of dropped, compared with main. */
    @Test
    void aForkGoesAnotherWayAndComparesWithMain() throws Exception {
        open();
        playTheLostRequest();
        Table pending = view.pending;
        IWorkbenchPage page = view.getSite().getPage();
        select(view.history, 1);
        click("Fork after step");
        assertEquals(2, view.branches().size());
        StepCluster branch = view.currentCluster();
        assertEquals(2, branch.choices().size());
        assertEquals(2, pending.getItemCount(), "the branch starts where main stood after step 2");
        click("Run to quiet");
        assertTrue(branch.requests().get(0).future().getNow(null).success(), "in this branch every response arrived");

        select(view.branchTable, 0);
        click("Compare");
        String text = view.comparison.getText();
        assertTrue(text.contains("A = main, B = branch 1"), text);
        assertTrue(text.contains("VIOS 0 m1: A failed") && text.contains("| B success"), text);
        page.setPartState(page.getReference(view), IWorkbenchPage.STATE_MAXIMIZED);
        drain();
        org.viosbench.testing.ui.Screen.save(view.getSite().getShell(), "step-mode.png");
        page.setPartState(page.getReference(view), IWorkbenchPage.STATE_RESTORED);

    }

    /** A branch saved as a trace file (packets included) and as a recipe; the recipe replays as a new branch with the same trace. */
    @Test
    void branchesAreSavedAsTracesAndRecipesAndReplay() throws Exception {
        open();
        playTheLostRequest();
        select(view.history, 1);
        click("Fork after step");
        click("Run to quiet");
        // the branch saved as a trace file, packets included, reads back whole
        java.nio.file.Path file = java.nio.file.Files.createTempDirectory("step").resolve("branch.jsonl");
        assertTrue(view.saveTrace(file), view.status.getText());
        org.viosbench.trace.RecordedTrace saved = org.viosbench.trace.TraceFile.read(file);
        assertEquals(view.currentCluster().events(), saved.events());
        assertEquals(view.currentCluster().packets().keySet(), saved.packetEvents());
        assertFalse(view.saveTrace(file.getParent()),
                "a directory (holding the saved trace) cannot be overwritten");
        assertTrue(view.status.getText().startsWith("Not saved"), view.status.getText());

        // the branch kept as a recipe, replayed as a new branch: the same trace
        java.nio.file.Path recipe = file.getParent().resolve("branch.step.json");
        assertTrue(view.saveRecipe(recipe), view.status.getText());
        List<TraceEvent> kept = view.currentCluster().events();
        assertTrue(view.replayRecipe(recipe), view.status.getText());
        assertEquals(3, view.branches().size());
        assertEquals(kept, view.currentCluster().events(), "the replayed branch is the saved one");
        java.nio.file.Files.writeString(recipe, "{ \"format\": \"viosbench-step\" }");
        assertFalse(view.replayRecipe(recipe));
        assertTrue(view.status.getText().contains("/version"), view.status.getText());
        assertEquals(3, view.branches().size(), "a bad recipe adds no branch");

        // the same seed and the same choices give the same trace
        try (StepCluster again = StepCluster.replay(ClusterDescription.of(3, 1), 1, view.branches().get(0).cluster().choices())) {
            assertEquals(view.branches().get(0).cluster().events(), again.events());
        }
    }

    @Test
    void wrongInputIsRefusedInTheStatusLineAndChangesNothing() throws Exception {
        open();
        view.start(ClusterDescription.of(2, 1));
        drain();
        view.fireRow.timeout.setText("soon");
        click("Fire");
        assertTrue(view.status.getText().startsWith("timeout ms: must be a whole number"), view.status.getText());
        assertEquals(0, view.currentCluster().choices().size());
        click("Drop");
        assertTrue(view.status.getText().contains("Select a pending delivery"), view.status.getText());
        view.start(new ClusterDescription("empty", List.of(), ClusterDescription.DEFAULT_HEARTBEAT, ClusterDescription.DEFAULT_FAILURE_TIMEOUT));
        assertTrue(view.status.getText().contains("no VIOS"), view.status.getText());
        view.seed.setText("x");
        view.start(ClusterDescription.of(2, 1));
        assertTrue(view.status.getText().contains("seed must be a whole number"), view.status.getText());
        assertNotNull(view.currentCluster(), "the running step cluster stays");
    }
}
