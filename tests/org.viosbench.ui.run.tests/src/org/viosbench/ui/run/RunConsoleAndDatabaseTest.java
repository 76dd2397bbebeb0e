package org.viosbench.ui.run;

import org.viosbench.session.FireSpec;
import org.viosbench.session.SentRequest;

import static org.viosbench.testing.ui.Screen.drain;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

import org.eclipse.gef.GraphicalEditPart;
import org.eclipse.jface.window.Window;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.TreeItem;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.viosbench.topology.Lpar;
import org.viosbench.topology.Topology;
import org.viosbench.topology.Vios;
import org.viosbench.ui.topology.TopologyEditor;
import org.viosbench.ui.topology.TopologyEditorInput;
import org.viosbench.ui.topology.commands.Edits;
import org.viosbench.ui.topology.parts.PartitionFigure;

/** The run's VIOS Console and VIOS Database views, on the sample run from the editor (split from {@link RunTest}). */
@org.junit.jupiter.api.extension.ExtendWith(org.viosbench.testing.ui.NoErrorsLogged.class)
class RunConsoleAndDatabaseTest {

    @AfterEach
    void close() {
        RunTest.page().closeAllEditors(false);
        drain();
    }

    /** Types into the console's input line and presses Enter, as a user does. */
    private static void type(ViosConsoleView console, String line) {
        console.input.setText(line);
        console.input.notifyListeners(SWT.DefaultSelection, new Event());
        drain();
    }

    /**
     * The VIOS Console, from the VIOS context menu's entry: cluster -status says what the diagram's badges say, before
     * and after a kill; a typo answers with the usage; Up recalls the last command.
     */
    @Test
    void theConsoleAnswersAsTheDiagramShows() throws Exception {
        TopologyEditor e = RunTest.runSample();
        Topology t = e.topology();
        e.getGraphicalViewer().select(e.partOf(t.vios(2)));
        drain();
        org.eclipse.jface.action.Action open = ViosActions.forSelection(e).stream().filter(a -> a.getText().equals("Open the VIOS Console of vios2"))
                .findFirst().orElseThrow();
        open.run();
        drain();
        ViosConsoleView console = (ViosConsoleView) RunTest.page().findView(ViosConsoleView.ID);
        assertNotNull(console, "the entry opens the console");
        assertEquals("vios2", console.vios.getText());
        assertEquals("padmin@vios2 $ ", console.prompt.getText());
        RunTest.page().activate(e);
        drain();
        type(console, "cluster -status");
        String before = console.transcript.getText();
        assertTrue(before.startsWith("padmin@vios2 $ cluster -status\nCluster Name         State\nsmall                OK\n"), before);
        for (Vios v : t.vioses()) { // each node's line says what its badge says
            assertTrue(before.contains("    " + v.name() + " ") && before.matches("(?s).*    " + v.name() + " [^\\n]* OK     OK\\n.*"),
                    v.name() + " " + RunTest.state(e, v) + " in " + before);
        }

        e.session().kill(t.vios(4));
        RunTest.until("vios4 DOWN on the diagram", () -> "DOWN".equals(RunTest.state(e, t.vios(4))));
        RunTest.until("vios2 suspects vios4 too", () -> !e.session().cluster().view(2).get(4).name().equals("UP"));
        type(console, "cluster -status -fmt :");
        String after = console.transcript.getText().substring(before.length());
        assertTrue(after.contains("small:DEGRADED:vios4:9080-M9S781A2B1:2:DOWN:DOWN\n"), after);
        assertTrue(after.contains("small:DEGRADED:vios1:9080-M9S781A2B0:1:OK:OK\n"), after);

        type(console, "lsmap -al");
        assertTrue(console.transcript.getText().endsWith("Usage: lsmap {-vadapter ServerVirtualAdapter | -all}\n"), console.transcript.getText());
        console.input.notifyListeners(SWT.KeyDown, keyDown(SWT.ARROW_UP));
        assertEquals("lsmap -al", console.input.getText(), "Up recalls the last command");
        console.input.notifyListeners(SWT.KeyDown, keyDown(SWT.ARROW_UP));
        assertEquals("cluster -status -fmt :", console.input.getText());

        org.viosbench.testing.ui.Screen.save(e.getSite().getShell(), "console.png");
        // another VIOS has its own command line and transcript
        console.show(t.vios(1));
        drain();
        assertEquals("padmin@vios1 $ ", console.prompt.getText());
        assertEquals("", console.transcript.getText());
        assertEquals("", console.input.getText(), "what was typed for vios2 is not run on vios1");
        e.stop();
        drain();
        assertFalse(console.input.isEnabled(), "nothing to type into once the cluster stops");
        assertTrue(console.transcript.getText().contains("is not running"), console.transcript.getText());
    }

    private static Event keyDown(int keyCode) {
        Event ev = new Event();
        ev.keyCode = keyCode;
        ev.doit = true;
        return ev;
    }

    private static List<String> column(org.eclipse.swt.widgets.Table t, int col) {
        List<String> out = new ArrayList<>();
        for (org.eclipse.swt.widgets.TableItem i : t.getItems()) {
            out.add(i.getText(col));
        }
        return out;
    }

    /**
     * The sample run from the editor has its VIOS database: the VIOS Database view shows the drawn configuration, the
     * registrations, the node states as the database VIOS records them (a kill included), and answers read-only SQL.
     */
    @Test
    void theRunningClusterShowsItsDatabase() throws Exception {
        TopologyEditor e = RunTest.runSample();
        Topology t = e.topology();
        ViosDatabaseView view = (ViosDatabaseView) RunTest.page().showView(ViosDatabaseView.ID);
        RunTest.page().activate(e);
        drain();
        RunTest.until("the database is attached and every VIOS recorded UP", () -> e.session().database() != null
                && column(view.nodes, 4).equals(List.of("UP", "UP", "UP", "UP")));
        assertEquals(List.of("vios1", "vios2", "vios3", "vios4"), column(view.nodes, 1));
        assertEquals(8, view.lpars.getItemCount());
        assertEquals(16, view.mappings.getItemCount());
        RunTest.until("the registrations are logged", () -> column(view.registrations, 4).stream().filter(d -> d.startsWith("registered")).count() >= 3);
        assertTrue(view.status.getText().contains("cluster OK"), view.status.getText());

        e.session().kill(t.vios(4));
        RunTest.until("vios4 DOWN on the diagram", () -> "DOWN".equals(RunTest.state(e, t.vios(4))));
        RunTest.until("the database records what vios1 saw", () -> column(view.nodes, 4).get(3).equals("SUSPECTED")
                && view.status.getText().contains("cluster DEGRADED"));
        assertTrue(column(view.history, 2).contains("DEGRADED"), column(view.history, 2).toString());

        // the configuration exports in the format of viosbench db export, and reads back as what the database holds
        java.nio.file.Path exported = java.nio.file.Files.createTempDirectory("viosbench-export").resolve("small.json");
        view.export(exported);
        assertTrue(view.status.getText().startsWith("Exported the configuration of small"), view.status.getText());
        org.viosbench.db.ClusterConfig stored;
        synchronized (e.session().database().database()) {
            stored = e.session().database().database().config().load().orElseThrow();
        }
        assertEquals(stored, org.viosbench.db.ConfigJson.fromJson(org.viosbench.json.StrictJson.file(exported,
                org.viosbench.json.InputFiles.DEFAULT_MAX_BYTES)));
        assertEquals(16, stored.mappings().size());
        // this run's trace is kept in the database, and opens in the Trace view from there
        RunTest.until("this run is listed among the stored runs", () -> column(view.runs, 1).stream().anyMatch(n -> n.endsWith("(this run)")));
        view.runs.setSelection(column(view.runs, 1).indexOf(column(view.runs, 1).stream().filter(n -> n.endsWith("(this run)")).findFirst().orElseThrow()));
        view.openRun.notifyListeners(SWT.Selection, new Event());
        assertTrue(view.runStatus.getText().startsWith("Opened stored run "), view.runStatus.getText());
        org.viosbench.ui.trace.TraceView traceView = (org.viosbench.ui.trace.TraceView) RunTest.page().findView(org.viosbench.ui.trace.TraceView.ID);
        assertTrue(traceView.trace().events().stream().anyMatch(ev -> ev.kind() == org.viosbench.engine.TraceKind.MEMBERSHIP
                && String.valueOf(ev.outcome()).startsWith("SUSPECTED")), "the kill's suspicion is in the stored trace");
        RunTest.page().showView(ViosDatabaseView.ID);
        RunTest.page().activate(e);
        drain();
        view.sql.setText("SELECT name, state FROM vios WHERE state <> 'UP'");
        view.run.notifyListeners(SWT.Selection, new Event());
        assertEquals(List.of("vios4"), column(view.result, 0));
        assertEquals("1 row(s)", view.sqlStatus.getText());
        view.sql.setText("DELETE FROM vios");
        view.run.notifyListeners(SWT.Selection, new Event());
        assertTrue(view.sqlStatus.getText().contains("refused"), view.sqlStatus.getText());
        drain();
        view.tabs.setSelection(0);
        drain();
        org.viosbench.testing.ui.Screen.save(e.getSite().getShell(), "database.png");
        e.stop();
        drain();
        assertTrue(view.status.getText().contains("is not running"), view.status.getText());
    }
}
