package org.viosbench.ui.topology.commands;

import org.eclipse.gef.commands.Command;
import org.viosbench.topology.Topology;

/**
 * An undoable edit of the topology given as two steps, do and undo, each run as one batch so that
 * figures refresh once per step. Most edits are this; {@link DeleteCommand} needs its own state.
 */
public class ModelCommand extends Command {
    private final Topology topology;
    private final Runnable redo;
    private final Runnable undo;

    public ModelCommand(String label, Topology topology, Runnable redo, Runnable undo) {
        super(label);
        this.topology = topology;
        this.redo = redo;
        this.undo = undo;
    }

    @Override
    public void execute() {
        topology.batch(redo);
    }

    @Override
    public void undo() {
        topology.batch(undo);
    }
}
