package org.viosbench.ui.run;

import org.viosbench.engine.MessageSpec;
import org.viosbench.protocol.MessageType;
import org.viosbench.session.ClusterSession;
import org.viosbench.session.FireSpec;

import java.util.List;

import org.eclipse.gef.EditPart;
import org.eclipse.jface.action.Action;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.window.Window;
import org.viosbench.topology.Vios;
import org.viosbench.ui.topology.TopologyEditor;

/** The context-menu actions on a VIOS of a running topology (fire a message from it, broadcast, kill, restart, faults), and on two (cut their link). */
public final class ViosActions {

    private ViosActions() {
    }

    /** The actions for the current selection of {@code editor}: none unless it runs and one VIOS is selected. */
    public static List<Action> forSelection(TopologyEditor editor) {
        ClusterSession s = editor.session();
        List<?> selected = editor.getGraphicalViewer().getSelectedEditParts();
        if (s != null && selected.size() == 2 && ((EditPart) selected.get(0)).getModel() instanceof Vios a
                && ((EditPart) selected.get(1)).getModel() instanceof Vios b) {
            Action cut = new Action("Cut the kcluster Link " + a.name() + " <-> " + b.name()) {
                @Override
                public void run() {
                    s.cut(a, b);
                }
            };
            Action heal = new Action("Heal All Faults") {
                @Override
                public void run() {
                    s.heal();
                }
            };
            return List.of(cut, heal);
        }
        if (s == null || selected.size() != 1 || !(((EditPart) selected.get(0)).getModel() instanceof Vios v)) {
            return List.of();
        }
        boolean running = s.cluster().isRunning((int) v.id());
        Action fire = new Action("Fire Message from " + v.name() + "...") {
            @Override
            public void run() {
                FireDialog d = new FireDialog(editor.getSite().getShell(), v, editor.topology().vioses());
                if (d.open() == Window.OK) {
                    s.fire(d.spec());
                    showQueue(editor);
                }
            }
        };
        fire.setEnabled(running);
        Action broadcast = new Action("Broadcast from " + v.name() + " (defaults, expect all)") {
            @Override
            public void run() {
                s.fire(new FireSpec((int) v.id(), MessageSpec.of(MessageSpec.DEFAULT_SENDING_DAEMON,
                        MessageType.DATA, true, new int[0], MessageSpec.DEFAULT_TARGET_DAEMON, new byte[0], MessageSpec.Expect.ALL, 0,
                        MessageSpec.DEFAULT_TIMEOUT_MILLIS, 1)));
                showQueue(editor);
            }
        };
        broadcast.setEnabled(running);
        Action kill = new Action("Kill " + v.name()) {
            @Override
            public void run() {
                s.kill(v);
            }
        };
        kill.setEnabled(running);
        Action restart = new Action((running ? "Restart " : "Start ") + v.name()) {
            @Override
            public void run() {
                s.restart(v);
            }
        };
        Action drop = new Action("Drop 30% of " + v.name() + "'s Packets") {
            @Override
            public void run() {
                s.drop(v, 30);
            }
        };
        Action delay = new Action("Delay " + v.name() + "'s Packets 50 ms") {
            @Override
            public void run() {
                s.delay(v, 50, 10);
            }
        };
        Action isolate = new Action("Cut " + v.name() + " Off (Partition)") {
            @Override
            public void run() {
                s.isolate(v);
            }
        };
        Action heal = new Action("Heal All Faults") {
            @Override
            public void run() {
                s.heal();
            }
        };
        for (Action a : new Action[] { drop, delay, isolate }) {
            a.setEnabled(running);
        }
        Action console = new Action("Open the VIOS Console of " + v.name()) {
            @Override
            public void run() {
                try {
                    ((ViosConsoleView) editor.getSite().getPage().showView(ViosConsoleView.ID)).show(v);
                } catch (org.eclipse.ui.PartInitException e) {
                    MessageDialog.openError(editor.getSite().getShell(), "VIOS Console", e.getMessage());
                }
            }
        };
        return List.of(fire, broadcast, kill, restart, drop, delay, isolate, heal, console);
    }

    static void showQueue(TopologyEditor editor) {
        try {
            editor.getSite().getPage().showView(ResponseQueueView.ID, null, org.eclipse.ui.IWorkbenchPage.VIEW_VISIBLE);
        } catch (org.eclipse.ui.PartInitException e) {
            MessageDialog.openError(editor.getSite().getShell(), "Response Queue", e.getMessage());
        }
    }
}
