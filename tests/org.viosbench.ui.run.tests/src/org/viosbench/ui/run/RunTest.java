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

/** Run the drawn cluster, fire messages from the dialog, watch the response queues fill, kill a VIOS. */
@org.junit.jupiter.api.extension.ExtendWith(org.viosbench.testing.ui.NoErrorsLogged.class)
class RunTest {

    static IWorkbenchPage page() {
        return PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
    }


    /** Runs the UI loop until {@code done} holds; fails after 10 s. */
    static void until(String what, BooleanSupplier done) throws InterruptedException {
        long start = System.nanoTime();
        long deadline = start + 10_000_000_000L;
        while (!done.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "not within 10 s: " + what);
            drain();
            Thread.sleep(10);
        }
        System.out.println("UNTIL " + what + " " + (System.nanoTime() - start) / 1_000_000 + " ms");
    }

    /** Opens the small sample and runs it, every VIOS UP. */
    static TopologyEditor runSample() throws Exception {
        TopologyEditor e = (TopologyEditor) page().openEditor(TopologyEditorInput.sample("small"), TopologyEditor.ID);
        drain();
        e.run();
        for (Vios v : e.topology().vioses()) {
            until(v.name() + " UP", () -> "UP".equals(state(e, v)));
        }
        // the run's VIOS database is attached on a job and the VIOSes register with it: done before the test fires anything,
        // so that registration traffic does not interleave with what a test animates
        if (!Boolean.parseBoolean(System.getProperty(TopologyEditor.RUN_DATABASE, "true"))) {
            return e;
        }
        until("every VIOS registered with the database VIOS", () -> e.session().database() != null && e.session().timeline().events().stream()
                .filter(ev -> ev.kind() == org.viosbench.engine.TraceKind.MEMBERSHIP && String.valueOf(ev.outcome()).startsWith("registered with"))
                .count() == e.topology().vioses().size() - 1);
        return e;
    }

    @AfterEach
    void close() {
        page().closeAllEditors(false);
        drain();
    }

    static String state(TopologyEditor e, Vios v) {
        return ((PartitionFigure) ((GraphicalEditPart) e.partOf(v)).getFigure()).state();
    }

    private static PartitionFigure fig(TopologyEditor e, Object model) {
        return (PartitionFigure) ((GraphicalEditPart) e.partOf(model)).getFigure();
    }

    private static String lstate(TopologyEditor e, Lpar l) {
        return fig(e, l).state();
    }

    private static List<String> rows(TreeItem item) {
        List<String> out = new ArrayList<>();
        for (TreeItem c : item.getItems()) {
            out.add(c.getText(0) + " " + c.getText(1));
        }
        return out;
    }

    /** What runs is what is drawn: while the cluster runs no edit executes, and after Stop the topology is editable again. */
    @Test
    void runModeRefusesEditsUntilStopped() throws Exception {
        TopologyEditor e = runSample();
        Topology t = e.topology();
        assertTrue(e.getPartName().endsWith("[running]"));
        e.getCommandStack().execute(Edits.createPartition(t.cecs().get(0), new Lpar(900, "lpar900", 9), new org.viosbench.topology.Bounds(1, 1, 10, 10)));
        assertEquals(8, t.lpars().size(), "no edit while running");
        // run mode is the editor's own: the stack refuses, and every edit part answers requests with an unexecutable command
        assertFalse(e.getCommandStack().canUndo(), "no undo while running");
        org.eclipse.gef.requests.ChangeBoundsRequest move = new org.eclipse.gef.requests.ChangeBoundsRequest(org.eclipse.gef.RequestConstants.REQ_MOVE);
        move.setEditParts(e.partOf(t.lpar(101)));
        move.setMoveDelta(new org.eclipse.draw2d.geometry.Point(5, 5));
        org.eclipse.gef.commands.Command moving = e.partOf(t.lpar(101)).getCommand(move);
        assertTrue(moving == null || !moving.canExecute(), "a drag of an LPAR cannot execute: " + moving);
        assertNotNull(e.partOf(t.lpar(101)).getEditPolicy(org.viosbench.ui.topology.RunModeLock.ROLE));

        e.stop();
        drain();
        assertEquals(null, state(e, t.vios(1)), "no state once stopped");
        assertFalse(e.getPartName().endsWith("[running]"));
        e.getCommandStack().execute(Edits.createPartition(t.cecs().get(0), new Lpar(900, "lpar900", 9), new org.viosbench.topology.Bounds(1, 1, 10, 10)));
        assertEquals(9, t.lpars().size(), "editable again");
        assertTrue(e.getCommandStack().canUndo());
        assertEquals(null, e.partOf(t.lpar(101)).getEditPolicy(org.viosbench.ui.topology.RunModeLock.ROLE), "the run-mode role is gone");
    }

    /** The Fire dialog checks every field before anything is sent; what it fires fills the Response Queue as it is answered. */
    @Test
    void theFireDialogChecksEveryFieldAndTheQueueFills() throws Exception {
        TopologyEditor e = runSample();
        Topology t = e.topology();
        Animator.setSpeed(Animator.Speed.NORMAL); // the queue view follows the animation: real-time pace
        // the dialog: every field checked before anything is sent
        FireDialog d = new FireDialog(e.getSite().getShell(), t.vios(1), t.vioses());
        d.setBlockOnOpen(false);
        d.open();
        drain();
        Button fire = d.fireButton();
        d.form().destinations.deselectAll();
        d.form().check();
        assertFalse(fire.isEnabled());
        assertTrue(d.getErrorMessage().startsWith("Destination: needs at least one VIOS"), d.getErrorMessage());
        d.form().broadcast.setSelection(true);
        d.form().targetDaemon.setText("abc");
        assertFalse(fire.isEnabled());
        assertTrue(d.getErrorMessage().startsWith("Target daemon: must be a whole number 0..65535"), d.getErrorMessage());
        d.form().targetDaemon.setText("10");
        d.form().hex.setSelection(true);
        d.form().payload.setText("zz");
        d.form().check();
        assertTrue(d.getErrorMessage().startsWith("Payload (hex): must be hex"), d.getErrorMessage());
        java.nio.file.Path file = java.nio.file.Files.createTempFile("payload", ".bin");
        java.nio.file.Files.write(file, new byte[] { 1, 2, 3 });
        d.form().loadPayload(file);
        assertEquals("010203", d.form().payload.getText());
        assertTrue(d.form().hex.getSelection());
        d.form().payload.setText("c0ffee");
        d.form().policy.select(3); // at least N
        d.form().atLeast.setText("5");
        d.form().check();
        assertTrue(d.getErrorMessage().contains("only 3"), d.getErrorMessage());
        d.form().policy.select(1); // all
        d.form().check();
        assertTrue(fire.isEnabled(), String.valueOf(d.getErrorMessage()));
        fire.notifyListeners(SWT.Selection, new Event());
        drain();
        assertEquals(Window.OK, d.getReturnCode());
        FireSpec spec = d.spec();
        assertTrue(spec.broadcast());

        ResponseQueueView view = (ResponseQueueView) page().showView(ResponseQueueView.ID);
        page().activate(e);
        drain();
        e.session().fire(spec);
        until("the broadcast is answered by the 3 others", () -> view.tree().getItemCount() == 1
                && view.tree().getItem(0).getText(1).equals("OK"));
        TreeItem row = view.tree().getItem(0);
        assertEquals(List.of("vios2 MATCHED", "vios3 MATCHED", "vios4 MATCHED"), rows(row));
        assertTrue(row.getItem(0).getText(3).contains("3 bytes"), row.getItem(0).getText(3));

        e.stop();
    }

    /** A killed VIOS shows DOWN, the LPARs it served lose a path, a request to it ends SUSPECTED; restarted, all is served again. */
    @Test
    void aKilledViosIsSuspectedAndItsLparsLoseTheirPath() throws Exception {
        TopologyEditor e = runSample();
        Topology t = e.topology();
        Animator.setSpeed(Animator.Speed.NORMAL);
        ResponseQueueView view = (ResponseQueueView) page().showView(ResponseQueueView.ID);
        page().activate(e);
        drain();
        // kill vios4: it shows DOWN; a request to it ends SUSPECTED, not waited on forever
        e.session().kill(t.vios(4));
        until("vios4 DOWN", () -> "DOWN".equals(state(e, t.vios(4))));
        org.viosbench.testing.ui.Screen.save(e.getSite().getShell(), "running.png");
        Lpar lpar105 = t.lpar(105); // served by vios3 and vios4
        until("lpar105 lost one path", () -> PartitionFigure.IO_DEGRADED.equals(lstate(e, lpar105)));
        e.session().fire(new FireSpec(1, 20, org.viosbench.protocol.MessageType.DATA, false, new int[] { 2, 4 }, 10, new byte[] { 1 },
                FireSpec.ALL, 0, 8000, 1));
        until("the request to the dead VIOS ends", () -> view.tree().getItemCount() == 1 && !view.tree().getItem(0).getText(1).equals("OPEN"));
        assertEquals("FAILED", view.tree().getItem(0).getText(1));
        assertEquals(List.of("vios2 MATCHED", "vios4 SUSPECTED"), rows(view.tree().getItem(0)));
        e.session().kill(t.vios(3));
        until("lpar105 has no I/O path left", () -> PartitionFigure.IO_LOST.equals(lstate(e, lpar105)));
        e.session().restart(t.vios(3));
        e.session().restart(t.vios(4));
        until("vios4 back UP", () -> "UP".equals(state(e, t.vios(4))));
        until("lpar105 served again", () -> PartitionFigure.IO_OK.equals(lstate(e, lpar105)));

        e.stop();
    }

    /** Faults injected from the diagram show on the VIOSes, the others suspect them, healing brings them back. */
    @Test
    void faultsFromTheDiagramShowAndHeal() throws Exception {
        TopologyEditor e = runSample();
        Topology t = e.topology();
        // cut vios2 off: the others suspect it, then heal
        e.session().isolate(t.vios(2));
        until("vios2 shows its fault", () -> "CUT OFF".equals(fig(e, t.vios(2)).fault()));
        until("vios2 suspected", () -> "SUSPECTED".equals(state(e, t.vios(2))));
        assertEquals(PartitionFigure.IO_DEGRADED, lstate(e, t.lpar(101)));
        e.session().heal();
        until("vios2 UP after healing", () -> "UP".equals(state(e, t.vios(2))));
        assertEquals(null, fig(e, t.vios(2)).fault());
        // one link only: vios1 (the coordinator) and vios3 lose each other
        e.session().cut(t.vios(1), t.vios(3));
        until("the link shows cut", () -> "LINK CUT".equals(fig(e, t.vios(3)).fault()) && "LINK CUT".equals(fig(e, t.vios(1)).fault()));
        until("vios1 suspects vios3", () -> "SUSPECTED".equals(state(e, t.vios(3))));
        assertEquals("UP", state(e, t.vios(2)), "the other links stay");
        e.session().heal();
        until("vios3 UP after healing", () -> "UP".equals(state(e, t.vios(3))));

        e.stop();
    }

    @Test
    void aTopologyWithErrorsDoesNotRun() throws Exception {
        TopologyEditor e = (TopologyEditor) page().openEditor(TopologyEditorInput.sample("small"), TopologyEditor.ID);
        drain();
        Topology t = e.topology();
        e.getCommandStack().execute(Edits.createPartition(t.cecs().get(0), new Lpar(900, "lpar900", 9), new org.viosbench.topology.Bounds(600, 200, 132, 44)));
        IllegalStateException refused = org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class, e::run);
        assertTrue(refused.getMessage().contains("no VIOS serves lpar900"), refused.getMessage());
        assertEquals(null, e.session());
        assertNotNull(e.partOf(t.lpar(900)));
    }

    @Test
    void firedMessagesMoveOnTheDiagram() throws Exception {
        TopologyEditor e = runSample();
        Topology t = e.topology();
        try {
            Animator a = RunAttachment.animatorOf(e);
            assertNotNull(a);
            // slow motion, for the picture: a broadcast on its way
            Animator.setSpeed(Animator.Speed.SLOW);
            e.session().fire(new FireSpec(1, 20, org.viosbench.protocol.MessageType.DATA, true, new int[0], 10, new byte[] { 7 },
                    FireSpec.ALL, 0, 5000, 1));
            org.eclipse.draw2d.IFigure feedback = ((org.eclipse.gef.editparts.ScalableFreeformRootEditPart) e.getGraphicalViewer()
                    .getRootEditPart()).getLayer(org.eclipse.gef.LayerConstants.SCALED_FEEDBACK_LAYER);
            until("dots fan out over the kcluster", () -> feedback.getChildren().stream().filter(f -> f instanceof org.eclipse.draw2d.Ellipse el
                    && ((org.eclipse.draw2d.Label) el.getToolTip()).getText().startsWith("TRANSMIT")).count() >= 2);
            long pause = System.currentTimeMillis() + 250;
            while (System.currentTimeMillis() < pause) {
                drain();
            }
            org.viosbench.testing.ui.Screen.save(e.getSite().getShell(), "animating.png");
            // a click on a dot shows its packet
            PacketInspectorView inspector = (PacketInspectorView) page().showView(PacketInspectorView.ID);
            page().activate(e);
            Animator.setPaused(true);
            drain();
            org.eclipse.draw2d.IFigure someDot = (org.eclipse.draw2d.IFigure) feedback.getChildren().stream().filter(f -> f instanceof Animator.Dot).findFirst().orElseThrow();
            org.eclipse.draw2d.geometry.Rectangle at = someDot.getBounds().getCopy();
            someDot.translateToAbsolute(at);
            assertNotNull(a.dotAt(at.getCenter().x, at.getCenter().y));
            mouse(e.getGraphicalViewer().getControl(), SWT.MouseDown, at.getCenter());
            mouse(e.getGraphicalViewer().getControl(), SWT.MouseUp, at.getCenter());
            drain();
            assertEquals(1, inspector.packetsTable().getSelectionCount(), "the dot's packet is selected");
            assertEquals(org.viosbench.engine.MessageIds.label(((Animator.Dot) someDot).messageId()), inspector.packetsTable().getSelection()[0].getText(5));
            Animator.setPaused(false);
            page().activate(e);
            Animator.setSpeed(Animator.Speed.NORMAL); // the rest of it at real-time pace
            until("the slow one is played", () -> a.onScreen() == 0 && e.session().sent().get(0).state().equals("OK"));
            long played = a.started();
            FireSpec broadcast = new FireSpec(1, 20, org.viosbench.protocol.MessageType.DATA, true, new int[0], 10, new byte[] { 7 },
                    FireSpec.ALL, 0, 5000, 1);
            e.session().fire(broadcast);
            until("dots on the diagram", () -> a.onScreen() > 0);
            org.eclipse.draw2d.IFigure layer = ((org.eclipse.gef.editparts.ScalableFreeformRootEditPart) e.getGraphicalViewer()
                    .getRootEditPart()).getLayer(org.eclipse.gef.LayerConstants.SCALED_FEEDBACK_LAYER);
            until("a dot travels the kcluster", () -> layer.getChildren().stream().anyMatch(f -> f instanceof org.eclipse.draw2d.Ellipse el
                    && ((org.eclipse.draw2d.Label) el.getToolTip()).getText().startsWith("TRANSMIT")));
            until("all hops played and cleared", () -> a.onScreen() == 0 && a.started() >= played + 20);
            assertEquals(0, a.aggregated());

            // paused: nothing new starts
            Animator.setPaused(true);
            long before = a.started();
            e.session().fire(broadcast);
            long end = System.currentTimeMillis() + 300;
            while (System.currentTimeMillis() < end) {
                drain();
            }
            assertEquals(before, a.started(), "paused");
            Animator.setPaused(false);
            until("resumed", () -> a.started() > before);

            // too many at once: aggregated, never more than the cap on screen
            e.session().fire(new FireSpec(1, 20, org.viosbench.protocol.MessageType.DATA, true, new int[0], 10, new byte[] { 7 },
                    FireSpec.ALL, 0, 5000, 300));
            until("aggregated", () -> a.aggregated() > 0);
            assertTrue(a.onScreen() <= Animator.MAX_TOKENS);
        } finally {
            Animator.setPaused(false);
            Animator.setSpeed(Animator.Speed.SLOW);
            e.stop();
        }
        assertEquals(0, RunAttachment.animatorOf(e) == null ? 0 : 1);
    }

    @Test
    void thePacketInspectorLinksFieldsAndBytes() throws Exception {
        TopologyEditor e = (TopologyEditor) page().openEditor(TopologyEditorInput.sample("small"), TopologyEditor.ID);
        drain();
        Animator.setSpeed(Animator.Speed.OFF); // the inspector shows the engine's packets at once
        e.run();
        try {
            PacketInspectorView view = (PacketInspectorView) page().showView(PacketInspectorView.ID);
            page().activate(e);
            e.session().fire(new FireSpec(1, 20, org.viosbench.protocol.MessageType.DATA, true, new int[0], 10, "hi".getBytes(),
                    FireSpec.ALL, 0, 5000, 1));
            until("the broadcast and the three responses are listed", () -> view.packetsTable().getItemCount() == 4);
            org.eclipse.swt.widgets.Table table = view.packetsTable();
            assertEquals("broadcast", table.getItem(0).getText(2));
            assertTrue(table.getItem(0).getText(4).contains("broadcast"), table.getItem(0).getText(4));
            assertTrue(table.getItem(1).getText(4).contains("response"), table.getItem(1).getText(4));
            table.setSelection(0);
            table.notifyListeners(SWT.Selection, new Event());
            drain();
            org.eclipse.swt.widgets.Tree tree = view.fieldsTree();
            assertEquals("Header", tree.getItem(0).getText(0));
            TreeItem messageId = null;
            for (TreeItem item : tree.getItem(0).getItems()) {
                if (item.getText(0).equals("Message id")) {
                    messageId = item;
                }
            }
            assertNotNull(messageId);
            tree.setSelection(messageId);
            tree.notifyListeners(SWT.Selection, new Event());
            org.eclipse.swt.custom.StyleRange[] lit = view.hexText().getStyleRanges();
            assertEquals(8, lit.length, "the 8 bytes of the message id light up");
            assertEquals(PacketInspectorView.charOf(org.viosbench.protocol.Wire.OFF_MESSAGE_ID), lit[0].start);
            // and back: a click on byte 12 selects the source field
            view.selectByteAt(PacketInspectorView.charOf(org.viosbench.protocol.Wire.OFF_SOURCE) + 1);
            assertEquals("Source VIOS", tree.getSelection()[0].getText(0));
            assertEquals("1", tree.getSelection()[0].getText(1));
            assertTrue(view.hexText().getText().startsWith("0000  56 49 4f 53"), view.hexText().getText().substring(0, 30));

            // edit and resend: a field set beyond its size is refused; a good edit gets fresh checksums and goes out
            org.viosbench.protocol.PacketDissector.Dissection d = org.viosbench.protocol.PacketDissector.dissect(
                    e.session().packets().get(0).bytes());
            java.util.function.Function<String, org.viosbench.protocol.PacketDissector.Field> field = name -> d.fields().get(0).children()
                    .stream().filter(f -> f.name().equals(name)).findFirst().orElseThrow();
            view.edit(field.apply("Version major"), "300");
            assertTrue(view.lastResult().startsWith("not changed") && view.lastResult().contains("at most 255"), view.lastResult());
            view.edit(field.apply("Message type"), "0x0999");
            assertTrue(view.lastResult().contains("will refuse it"), view.lastResult());
            table.setSelection(0);
            table.notifyListeners(SWT.Selection, new Event()); // back to the captured bytes
            view.edit(field.apply("Sequence"), "77");
            assertTrue(view.lastResult().contains("checksums recomputed"), view.lastResult());
            int before = view.packetsTable().getItemCount();
            view.resendEdited();
            assertEquals("resent the edited packet", view.lastResult());
            until("the resent broadcast is captured", () -> view.packetsTable().getItemCount() > before);
            org.viosbench.protocol.PacketDissector.Dissection again = org.viosbench.protocol.PacketDissector.dissect(
                    e.session().packets().get(before).bytes());
            assertEquals("77", again.fields().get(0).children().stream().filter(f -> f.name().equals("Sequence")).findFirst().orElseThrow()
                    .value());
        } finally {
            e.stop();
        }
    }

    private static void mouse(org.eclipse.swt.widgets.Control c, int type, org.eclipse.draw2d.geometry.Point p) {
        org.viosbench.testing.ui.EditorDriving.mouse(c, type, p.x, p.y);
    }

    private static org.eclipse.draw2d.geometry.Point centre(TopologyEditor e, Vios v) {
        org.eclipse.draw2d.geometry.Rectangle r = fig(e, v).getBounds().getCopy();
        fig(e, v).translateToAbsolute(r);
        return r.getCenter();
    }

    @Test
    void draggingTheFireToolFromOneViosToAnotherFires() throws Exception {
        TopologyEditor e = runSample();
        Topology t = e.topology();
        try {
            org.eclipse.gef.palette.ToolEntry fireTool = org.viosbench.testing.ui.EditorDriving.tool(e.getEditDomain(), "Fire Message");
            assertNotNull(fireTool);
            e.getEditDomain().getPaletteViewer().setActiveTool(fireTool);
            drain();
            org.eclipse.swt.widgets.Control canvas = e.getGraphicalViewer().getControl();
            Display display = Display.getCurrent();
            // when the dialog is up (modal), press its Fire button
            display.timerExec(700, () -> {
                for (org.eclipse.swt.widgets.Shell sh : display.getShells()) {
                    if (sh.getData() instanceof FireDialog fd) {
                        assertEquals(1, fd.form().destinations.getSelectionCount(), "the drop target is the destination");
                        assertTrue(fd.form().destinations.getSelection()[0].startsWith("vios2"), fd.form().destinations.getSelection()[0]);
                        fd.fireButton().notifyListeners(SWT.Selection, new Event());
                    }
                }
            });
            org.eclipse.draw2d.geometry.Point from = centre(e, t.vios(1));
            org.eclipse.draw2d.geometry.Point to = centre(e, t.vios(2));
            mouse(canvas, SWT.MouseMove, from);
            mouse(canvas, SWT.MouseDown, from);
            mouse(canvas, SWT.MouseUp, from);
            mouse(canvas, SWT.MouseMove, to);
            mouse(canvas, SWT.MouseDown, to);
            mouse(canvas, SWT.MouseUp, to);
            drain();
            until("the dragged message was fired and answered", () -> e.session().sent().size() == 1
                    && e.session().sent().get(0).state().equals("OK"));
            SentRequest r = e.session().sent().get(0);
            assertTrue(r.from().startsWith("vios1") && r.to().startsWith("vios2"), r.from() + " -> " + r.to());
            assertFalse(e.getCommandStack().canUndo(), "firing is not an edit");
        } finally {
            e.stop();
        }
    }

    @Test
    void theFireMessageViewFiresFromTheChosenVios() throws Exception {
        TopologyEditor e = (TopologyEditor) page().openEditor(TopologyEditorInput.sample("small"), TopologyEditor.ID);
        drain();
        FireView view = (FireView) page().showView(FireView.ID);
        page().activate(e);
        drain();
        assertFalse(view.fire.isEnabled(), "not running yet");
        assertTrue(view.status.getText().contains("not running"), view.status.getText());
        Animator.setSpeed(Animator.Speed.NORMAL); // the queue view follows the animation: real-time pace
        e.run();
        try {
            until("the view sees the running cluster", () -> view.fire.isEnabled());
            view.from.select(1); // vios2
            view.from.notifyListeners(SWT.Selection, new Event());
            view.form.destinations.deselectAll();
            view.form.check();
            assertFalse(view.fire.isEnabled());
            assertTrue(view.status.getText().contains("at least one VIOS"), view.status.getText());
            view.form.destinations.select(1); // the others of vios2: vios1, vios3, vios4
            view.form.check();
            assertTrue(view.fire.isEnabled());
            view.fire.notifyListeners(SWT.Selection, new Event());
            until("fired and answered", () -> e.session().sent().size() == 1 && e.session().sent().get(0).state().equals("OK"));
            SentRequest r = e.session().sent().get(0);
            assertTrue(r.from().startsWith("vios2") && r.to().startsWith("vios3"), r.from() + " -> " + r.to());
            assertTrue(view.status.getText().startsWith("fired 1 message"), view.status.getText());

            // a broadcast with responses from the view: the queue view ends with every responder matched, the trace has every hop
            view.form.broadcast.setSelection(true);
            view.form.check();
            view.fire.notifyListeners(SWT.Selection, new Event());
            ResponseQueueView queue = (ResponseQueueView) page().findView(ResponseQueueView.ID);
            until("the broadcast is answered, as the queue view shows", () -> queue.tree().getItemCount() == 2
                    && queue.tree().getItem(0).getText(1).equals("OK"));
            assertEquals(List.of("vios1 MATCHED", "vios3 MATCHED", "vios4 MATCHED"), rows(queue.tree().getItem(0)));
            SentRequest b = e.session().sent().get(1);
            List<String> hops = e.session().events(b.messageId()).stream().map(ev -> ev.vios() + " " + ev.layer() + " " + ev.kind()).toList();
            for (String hop : List.of("2 QUEUE QUEUE_CREATE", "2 DAEMON SEND", "2 SYSCALL COPY_IN", "2 VKE ROUTE", "2 QUEUE COMPLETE")) {
                assertTrue(hops.contains(hop), hop + " in " + hops);
            }
            for (int responder : new int[] { 1, 3, 4 }) {
                for (String hop : List.of("2 KCLUSTER TRANSMIT", responder + " KCLUSTER RECEIVE", responder + " VKE DELIVER",
                        responder + " SYSCALL COPY_OUT", responder + " DAEMON HANDLE", responder + " SYSCALL COPY_IN", responder + " VKE ROUTE",
                        responder + " KCLUSTER TRANSMIT")) {
                    assertTrue(hops.contains(hop), hop + " in " + hops);
                }
            }
            assertEquals(3, hops.stream().filter(h -> h.equals("2 QUEUE MATCH")).count(), hops.toString());
            assertEquals(3, hops.stream().filter(h -> h.equals("2 KCLUSTER RECEIVE")).count(), "the three responses came back");

            // selecting the request in the queue view shows its packet in the inspector
            PacketInspectorView inspector = (PacketInspectorView) page().showView(PacketInspectorView.ID);
            page().activate(e);
            drain();
            queue.tree().setSelection(queue.tree().getItem(0).getItem(1)); // a responder row of the broadcast
            queue.tree().notifyListeners(SWT.Selection, new Event());
            drain();
            org.eclipse.swt.widgets.Table packets = inspector.packetsTable();
            assertEquals(1, packets.getSelectionCount());
            assertEquals(org.viosbench.engine.MessageIds.label(b.messageId()), packets.getSelection()[0].getText(5));
            assertEquals("broadcast", packets.getSelection()[0].getText(2), "the request itself");
            assertTrue(inspector.fieldsTree().getItemCount() >= 3, "and its fields are shown");

            // open requests only: the answered ones go
            queue.setOpenOnly(true);
            assertEquals(0, queue.tree().getItemCount());
            queue.setOpenOnly(false);
            assertEquals(2, queue.tree().getItemCount());
        } finally {
            e.stop();
        }
    }


    /**
     * One "now": in slow motion the Response Queue shows the request as the diagram animates it. The
     * engine has the response matched within microseconds, but the row stays OPEN with vios2 PENDING
     * until the response's dots have climbed back to vios1 and the match is played; MATCHED after.
     */
    @Test
    void inSlowMotionTheQueueFillsAsTheDotsArrive() throws Exception {
        TopologyEditor e = runSample();
        Topology t = e.topology();
        ResponseQueueView queue = (ResponseQueueView) page().showView(ResponseQueueView.ID);
        page().activate(e);
        Animator.setSpeed(Animator.Speed.SLOW);
        Animator.setPaused(false);
        try {
            SentRequest r = e.session().fire(new FireSpec(1, 20, org.viosbench.protocol.MessageType.DATA, false, new int[] { 2 }, 10,
                    "hi".getBytes(), FireSpec.ALL, 0, 10_000, 1)).get(0);
            until("the engine matched the response", () -> r.state().equals("OK"));
            until("the queue view lists the request", () -> queue.tree().getItemCount() == 1);
            org.eclipse.swt.widgets.TreeItem row = queue.tree().getItem(0);
            assertEquals("OPEN", row.getText(1), "the animation has not brought the response back yet");
            List<String> checked = java.util.Arrays.stream(queue.getViewSite().getActionBars().getToolBarManager().getItems())
                    .filter(i -> i instanceof org.eclipse.jface.action.ActionContributionItem)
                    .map(i -> ((org.eclipse.jface.action.ActionContributionItem) i).getAction())
                    .filter(a -> a.isChecked()).map(a -> a.getText()).toList();
            assertEquals(List.of("Slow motion"), checked, "the toolbar shows the speed set elsewhere");
            assertEquals(List.of("vios2 PENDING"), rows(row));
            assertTrue(RunAttachment.animatorOf(e).busy());
            org.viosbench.ui.trace.TraceView trace = (org.viosbench.ui.trace.TraceView) page().showView(org.viosbench.ui.trace.TraceView.ID);
            page().activate(e);
            assertTrue(trace.setFollowing(true));
            until("the trace view shows the run", () -> trace.trace() != null && trace.trace().events().stream()
                    .anyMatch(ev -> ev.messageId() == r.messageId() && ev.kind() == org.viosbench.engine.TraceKind.MATCH));
            assertTrue(trace.current() == null || trace.current().event().timeNanos() <= e.session().shownUpTo(),
                    "the trace cursor stands at the moment being animated, not at the engine's newest");
            assertTrue(trace.current() == null || trace.current().index() < indexOf(trace, 1, r.messageId(), org.viosbench.engine.TraceKind.MATCH),
                    "the match is still ahead of the cursor");
            PacketInspectorView inspector = (PacketInspectorView) page().showView(PacketInspectorView.ID);
            page().activate(e);
            drain();
            assertTrue(inspector.packetsTable().getItemCount() <= 1, "at most the request has left so far, as animated: "
                    + inspector.packetsTable().getItemCount());
            page().showView(ResponseQueueView.ID);
            page().activate(e);
            drain();
            org.viosbench.testing.ui.Screen.save(e.getSite().getShell(), "queue-animating.png");
            long startedBefore = RunAttachment.animatorOf(e).started();
            until("the match is played", () -> {
                org.eclipse.swt.widgets.TreeItem now = queue.tree().getItemCount() == 1 ? queue.tree().getItem(0) : null;
                return now != null && !now.isDisposed() && now.getText(1).equals("OK");
            });
            assertTrue(RunAttachment.animatorOf(e).started() - startedBefore >= 10, "the request's and the response's hops were played first: "
                    + (RunAttachment.animatorOf(e).started() - startedBefore));
            assertEquals(List.of("vios2 MATCHED"), rows(queue.tree().getItem(0)));
            until("the inspector lists the request and its response", () -> inspector.packetsTable().getItemCount() == 2);
            try {
                until("the animation caught up and the trace cursor is at the end", () -> !RunAttachment.animatorOf(e).busy()
                        && trace.current() != null && trace.current().index() == trace.trace().size() - 1);
            } catch (AssertionError failed) {
                var tr = trace.trace();
                throw new AssertionError(failed.getMessage() + ": busy " + RunAttachment.animatorOf(e).busy() + ", cursor "
                        + (trace.current() == null ? null : trace.current().index() + " " + trace.current().event()) + ", size " + tr.size()
                        + ", last events " + tr.events().subList(Math.max(0, tr.size() - 4), tr.size()) + ", shownUpTo " + e.session().shownUpTo());
            }
            trace.setFollowing(false);
            assertEquals(org.viosbench.engine.EntryState.MATCHED, RunAttachment.animatorOf(e).shownQueue(r.messageId()).ended().get(2));
        } finally {
            Animator.setSpeed(Animator.Speed.OFF);
            e.stop();
        }
    }

    /**
     * What a new user does first: run the sample, fire a broadcast, then open the Trace view and
     * switch between it and the diagram. Nothing reaches the error log (the workbench selection of
     * the Trace view once reached the editor's copy action and failed there), and following the
     * cluster shows its whole history, the broadcast fired before the view was even open included.
     */
    @Test
    void aNewUserFiresABroadcastThenOpensTheTraceViewAndSeesItsHistory() throws Exception {
        TopologyEditor e = runSample();
        Topology t = e.topology();
        Animator.setSpeed(Animator.Speed.OFF);
        e.getGraphicalViewer().select(e.partOf(t.vios(1)));
        drain();
        List<String> menu = contextMenuLabels(e);
        assertFalse(menu.stream().anyMatch(l -> l.startsWith("Rename")), "no renaming while it runs: " + menu);
        assertTrue(menu.contains("Kill vios1") && menu.contains("Fire Message from vios1..."), "the run-mode entries: " + menu);
        contextMenuItem(e, "Broadcast from vios1 (defaults, expect all)").notifyListeners(SWT.Selection, new Event());
        until("the broadcast fired from the context menu", () -> e.session().sent().size() == 1);
        SentRequest broadcast = e.session().sent().get(0);
        until("the broadcast answered", () -> broadcast.state().equals("OK"));
        assertEquals("vios1 (daemon 20)", broadcast.from());
        long id = broadcast.messageId();

        org.viosbench.ui.trace.TraceView trace = (org.viosbench.ui.trace.TraceView) page().showView(org.viosbench.ui.trace.TraceView.ID);
        for (int i = 0; i < 3; i++) { // tabs back and forth
            page().activate(e);
            drain();
            page().activate(trace);
            drain();
        }
        page().activate(e);
        assertTrue(trace.setFollowing(true), "the active editor's cluster runs");
        page().activate(trace);
        until("the live trace holds the broadcast's three sends", () -> trace.trace() != null && trace.trace().events().stream()
                .filter(ev -> ev.messageId() == id && ev.kind() == org.viosbench.engine.TraceKind.TRANSMIT && !ev.response()).count() == 3);
        org.viosbench.trace.RecordedTrace shown = trace.trace();
        assertEquals("started", shown.event(0).outcome(), "from the cluster's start: " + shown.event(0));
        assertEquals(3, shown.events().stream().filter(ev -> ev.messageId() == id && ev.kind() == org.viosbench.engine.TraceKind.MATCH).count(),
                "the three responses matched, long before the view was opened");
        trace.select(indexOf(trace, 1, id, org.viosbench.engine.TraceKind.QUEUE_CREATE));
        drain();
        page().setPartState(page().getReference(trace), IWorkbenchPage.STATE_MAXIMIZED);
        drain();
        org.viosbench.testing.ui.Screen.save(trace.getSite().getShell(), "trace-history.png"); // the window (a minimized editor's shell is a hidden one)
        page().setPartState(page().getReference(trace), IWorkbenchPage.STATE_RESTORED);
        trace.setFollowing(false);
        page().activate(e);
        drain();
        e.stop();
    }

    /** The diagram's context menu, as the workbench builds it when the user right-clicks (contributions of other bundles included). */
    private static org.eclipse.swt.widgets.MenuItem[] contextMenu(TopologyEditor e) {
        org.eclipse.jface.action.MenuManager manager = (org.eclipse.jface.action.MenuManager) e.getGraphicalViewer().getContextMenu();
        org.eclipse.swt.widgets.Menu menu = manager.createContextMenu(e.getGraphicalViewer().getControl());
        menu.notifyListeners(SWT.Show, new Event());
        drain();
        return menu.getItems();
    }

    private static List<String> contextMenuLabels(TopologyEditor e) {
        return java.util.Arrays.stream(contextMenu(e)).map(org.eclipse.swt.widgets.MenuItem::getText).toList();
    }

    /** The enabled item labelled {@code label} of the diagram's context menu. */
    private static org.eclipse.swt.widgets.MenuItem contextMenuItem(TopologyEditor e, String label) {
        for (org.eclipse.swt.widgets.MenuItem item : contextMenu(e)) {
            if (item.getText().equals(label)) {
                assertTrue(item.isEnabled(), label + " is enabled");
                return item;
            }
        }
        throw new AssertionError("no \"" + label + "\" in the context menu: " + contextMenuLabels(e));
    }

    /**
     * The Trace view follows the running cluster, and its cursor is shared: the Response Queue
     * selects the event's request, the Packet Inspector its packet, the diagram rings the place; a
     * request selected in the Response Queue moves the trace cursor to it.
     */
    @Test
    void theTraceViewFollowsTheRunningClusterAndSharesItsCursor() throws Exception {
        TopologyEditor e = (TopologyEditor) page().openEditor(TopologyEditorInput.sample("small"), TopologyEditor.ID);
        drain();
        Topology t = e.topology();
        org.viosbench.ui.trace.TraceView idle = (org.viosbench.ui.trace.TraceView) page().showView(org.viosbench.ui.trace.TraceView.ID);
        page().activate(e);
        assertFalse(idle.setFollowing(true), "nothing runs yet");
        e.run();
        for (Vios v : t.vioses()) {
            until(v.name() + " UP", () -> "UP".equals(state(e, v)));
        }
        ResponseQueueView queue = (ResponseQueueView) page().showView(ResponseQueueView.ID);
        PacketInspectorView inspector = (PacketInspectorView) page().showView(PacketInspectorView.ID);
        org.viosbench.ui.trace.TraceView trace = (org.viosbench.ui.trace.TraceView) page().showView(org.viosbench.ui.trace.TraceView.ID);
        page().activate(e);
        assertTrue(trace.setFollowing(true), "the active editor's cluster runs");
        Animator.setSpeed(Animator.Speed.OFF);
        try {
            List<SentRequest> first = e.session().fire(new FireSpec(1, 20, org.viosbench.protocol.MessageType.DATA, false, new int[] { 2 }, 10,
                    new byte[] { 1 }, FireSpec.ALL, 0, 5000, 1));
            List<SentRequest> second = e.session().fire(new FireSpec(3, 20, org.viosbench.protocol.MessageType.DATA, false, new int[] { 4 }, 10,
                    new byte[] { 2 }, FireSpec.ALL, 0, 5000, 1));
            until("both requests answered", () -> first.get(0).state().equals("OK") && second.get(0).state().equals("OK"));
            long m1 = first.get(0).messageId();
            until("the live trace has vios2 receiving the first request", () -> indexOf(trace, 2, m1, org.viosbench.engine.TraceKind.RECEIVE) >= 0);
            until("the queue view lists both", () -> queue.tree().getItemCount() == 2);

            // the trace cursor on vios2's receipt: the queue, the inspector and the diagram follow
            int receipt = indexOf(trace, 2, m1, org.viosbench.engine.TraceKind.RECEIVE);
            page().activate(trace);
            trace.select(receipt);
            drain();
            StringBuilder diag = new StringBuilder("selected " + trace.current() + "; rows:");
            for (org.eclipse.swt.widgets.TreeItem item : queue.tree().getItems()) {
                diag.append(" [").append(item.getText(0)).append(" | ").append(item.getText(3)).append("]");
            }
            diag.append("; sent ids ").append(e.session().sent().stream().map(r -> r.messageId() + "/" + r.request().queue().sender()).toList());
            assertEquals(1, queue.tree().getSelectionCount(), diag.toString());
            assertTrue(queue.tree().getSelection()[0].getText(0).contains("vios1 (daemon 20) -> vios2"), queue.tree().getSelection()[0].getText(0));
            int packet = inspector.packetsTable().getSelectionIndex();
            assertTrue(packet >= 0, "the inspector selected a packet");
            org.viosbench.engine.TraceEvent shown = RunAttachment.animatorOf(e).cursorEvent();
            assertEquals(trace.trace().event(receipt), shown, "the diagram marks the cursor's event");
            assertEquals(RunAttachment.animatorOf(e).placeOf(shown), RunAttachment.animatorOf(e).cursorAt(), "on vios2's kcluster/VKE box");

            // a request picked in the Response Queue moves the trace cursor to its first event, at its sender
            org.eclipse.swt.widgets.TreeItem row = null;
            for (org.eclipse.swt.widgets.TreeItem item : queue.tree().getItems()) {
                if (item.getText(0).contains("vios3 (daemon 20) -> vios4")) {
                    row = item;
                }
            }
            assertNotNull(row);
            page().activate(queue);
            queue.tree().setSelection(row);
            queue.tree().notifyListeners(SWT.Selection, new Event());
            drain();
            org.viosbench.trace.SelectedEvent now = trace.current();
            assertEquals(second.get(0).messageId(), now.event().messageId());
            assertEquals(3, now.event().vios(), "at the sender, vios3");
            assertEquals(now.event(), RunAttachment.animatorOf(e).cursorEvent(), "and the diagram follows the trace cursor");
            org.viosbench.testing.ui.Screen.save(e.getSite().getShell(), "shared-cursor.png");
        } finally {
            trace.setFollowing(false);
            Animator.setSpeed(Animator.Speed.SLOW);
            page().hideView(trace);
        }
    }

    /** The index of the first {@code kind} event at {@code vios} of message {@code m} in the trace view, or -1. */
    private static int indexOf(org.viosbench.ui.trace.TraceView view, int vios, long m, org.viosbench.engine.TraceKind kind) {
        org.viosbench.trace.RecordedTrace tr = view.trace();
        for (int i = 0; tr != null && i < tr.size(); i++) {
            org.viosbench.engine.TraceEvent ev = tr.event(i);
            if (ev.vios() == vios && ev.messageId() == m && ev.kind() == kind) {
                return i;
            }
        }
        return -1;
    }

    /** Step mode of the drawn topology: its pending deliveries are arrows on the diagram, the last step a ring. */
    @Test
    void stepModeDrawsItsPendingDeliveriesOnTheDiagram() throws Exception {
        TopologyEditor e = (TopologyEditor) page().openEditor(TopologyEditorInput.sample("small"), TopologyEditor.ID);
        drain();
        org.viosbench.ui.run.step.StepView view = (org.viosbench.ui.run.step.StepView) page().showView(org.viosbench.ui.run.step.StepView.ID);
        page().activate(e);
        view.startFromEditor();
        drain();
        org.viosbench.cluster.step.StepCluster c = view.currentCluster();
        assertNotNull(c, "started from the active editor");
        try {
            c.fire(1, 20, org.viosbench.engine.Message.broadcast().targetDaemon(10).payload(new byte[] { 1 }).expectAll()
                    .timeout(java.time.Duration.ofSeconds(1)).build());
            view.refresh();
            drain();
            StepOverlay overlay = (StepOverlay) e.getAdapter(StepOverlay.class);
            assertNotNull(overlay);
            assertEquals(List.of(2, 3, 4), overlay.shown().stream().map(org.viosbench.cluster.step.Pending::to).toList());
            assertEquals(3 * 2 + 1, overlay.figureCount(), "an arrow and a number per delivery, a ring for the last step");
            c.deliverNext();
            view.refresh();
            drain();
            assertEquals(3, overlay.shown().size(), "two requests still on their way and vios2's response");
            assertTrue(overlay.shown().stream().anyMatch(p -> p.response() && p.from() == 2 && p.to() == 1));
            page().activate(e);
            drain();
            org.viosbench.testing.ui.Screen.save(e.getSite().getShell(), "step-diagram.png");
            page().hideView(view);
            drain();
            assertEquals(0, overlay.figureCount(), "step mode closed: nothing left on the diagram");
        } finally {
            if (page().findView(org.viosbench.ui.run.step.StepView.ID) != null) {
                page().hideView(page().findView(org.viosbench.ui.run.step.StepView.ID));
            }
        }
    }

}
