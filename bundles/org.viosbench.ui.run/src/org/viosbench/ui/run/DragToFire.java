package org.viosbench.ui.run;

import org.eclipse.gef.Tool;
import org.eclipse.gef.commands.Command;
import org.eclipse.gef.requests.CreateConnectionRequest;
import org.eclipse.gef.palette.ToolEntry;
import org.eclipse.gef.requests.CreationFactory;
import org.eclipse.gef.tools.ConnectionCreationTool;
import org.eclipse.jface.window.Window;
import org.viosbench.topology.Vios;
import org.viosbench.ui.topology.TopologyEditor;
import org.viosbench.ui.topology.parts.DrawnConnections;
import org.viosbench.ui.topology.parts.RunMode;

/**
 * Firing by dragging: the palette's Fire Message tool, dragged from one VIOS of a running topology
 * to another, opens the Fire Message dialog with that source and destination. The drag ends in a
 * {@link FireCommand}, which the tool runs itself: firing is not an edit of the topology, so it
 * neither goes on the undo stack nor makes the file dirty. The VIOSes answer the tool's requests
 * through the {@link Policy} installed on them while the cluster runs.
 */
public final class DragToFire {
    private DragToFire() {
    }

    /** The palette entry. */
    public static ToolEntry entry() {
        return new ToolEntry("Fire Message", "Drag from a VIOS to another of a running topology to fire a message", null, null) {
            @Override
            public Tool createTool() {
                Tool t = new ConnectionCreationTool(new CreationFactory() {
                    @Override
                    public Object getNewObject() {
                        return RunMode.TOOL;
                    }

                    @Override
                    public Object getObjectType() {
                        return RunMode.TOOL;
                    }
                }) {
                    @Override
                    protected void executeCommand(Command command) {
                        if (command instanceof FireCommand fire) {
                            fire.open();
                        } else {
                            super.executeCommand(command);
                        }
                    }
                };
                return t;
            }
        };
    }

    /** The edit policy of a VIOS while its cluster runs: it answers the tool's requests (and no other). */
    static final class Policy extends DrawnConnections {
        private final TopologyEditor editor;

        Policy(TopologyEditor editor) {
            this.editor = editor;
        }

        @Override
        protected Command getConnectionCreateCommand(CreateConnectionRequest request) {
            if (request.getNewObjectType() != RunMode.TOOL || !(getHost().getModel() instanceof Vios v) || editor.session() == null) {
                return null;
            }
            Command start = new Start(v);
            request.setStartCommand(start);
            return start;
        }

        @Override
        protected Command getConnectionCompleteCommand(CreateConnectionRequest request) {
            return request.getNewObjectType() == RunMode.TOOL && getHost().getModel() instanceof Vios v
                    ? new FireCommand(editor, request.getStartCommand(), v) : null;
        }
    }

    /** Where a fire drag started. */
    public static final class Start extends Command {
        final Vios from;

        Start(Vios from) {
            super("Fire from " + from.name());
            this.from = from;
        }
    }

    /** A finished fire drag: opens the dialog; never executed by a command stack. */
    public static final class FireCommand extends Command {
        private final TopologyEditor editor;
        private final Vios from;
        private final Vios to;
        private FireDialog dialog;

        FireCommand(TopologyEditor editor, Command start, Vios to) {
            super("Fire a message");
            this.editor = editor;
            this.from = start instanceof Start s ? s.from : null;
            this.to = to;
        }

        @Override
        public boolean canExecute() {
            return from != null && from != to && editor.session() != null && editor.session().cluster().isRunning((int) from.id());
        }

        /** Opens the dialog (from, to preset); fires when the user presses Fire. */
        void open() {
            dialog = new FireDialog(editor.getSite().getShell(), from, editor.topology().vioses(), to);
            if (dialog.open() == Window.OK && editor.session() != null) {
                editor.session().fire(dialog.spec());
                ViosActions.showQueue(editor);
            }
        }

        /** The dialog last opened (for tests). */
        public FireDialog dialog() {
            return dialog;
        }
    }
}
