package org.viosbench.ui.topology;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.gef.EditPart;
import org.eclipse.gef.GraphicalViewer;
import org.eclipse.gef.Request;
import org.eclipse.gef.commands.Command;
import org.eclipse.gef.commands.CommandStack;
import org.eclipse.gef.commands.UnexecutableCommand;
import org.eclipse.gef.editpolicies.AbstractEditPolicy;
import org.eclipse.gef.requests.CreateConnectionRequest;
import org.viosbench.ui.topology.parts.RunMode;

/**
 * An editor's run mode, while its topology runs: what runs is what is drawn, so no edit executes.
 * Two halves, both owned by the editor (no static state, nothing a command consults): every edit
 * part gets the {@link #ROLE} edit policy, which answers every request with a command that cannot
 * execute (tools and actions see it and refuse), and the editor's {@link Stack} refuses commands
 * executed on it directly (the Properties view) and undo/redo. The requests of run-mode tools
 * (firing by dragging: no edit) are of type {@link RunMode#TOOL}: they pass, and the edit policies that
 * answer them are installed by whoever contributed the tool (see {@link EditorAttachment}).
 */
public final class RunModeLock {
    /** The edit-policy role installed on every edit part while the topology runs. */
    public static final String ROLE = "viosbench.runMode";

    /** The editor's command stack: it refuses everything while locked. */
    public static final class Stack extends CommandStack {
        private String refusal;

        @Override
        public void execute(Command command) {
            if (refusal == null) {
                super.execute(command);
            }
        }

        @Override
        public boolean canUndo() {
            return refusal == null && super.canUndo();
        }

        @Override
        public boolean canRedo() {
            return refusal == null && super.canRedo();
        }

        /** Why edits are refused now, or null. */
        public String refusal() {
            return refusal;
        }

        void set(String why) {
            refusal = why;
            notifyListeners(); // undo, redo and the other actions look again
        }
    }

    /** Answers every request with a command that cannot execute, but a run-mode tool's. */
    private static final class RefuseEdits extends AbstractEditPolicy {
        @Override
        public Command getCommand(Request request) {
            if (request instanceof CreateConnectionRequest c && c.getNewObjectType() == RunMode.TOOL) {
                return null;
            }
            return UnexecutableCommand.INSTANCE;
        }
    }

    private RunModeLock() {
    }

    /** Locks {@code viewer}'s edit parts and {@code stack}: edits are refused, {@code why} says why. */
    static void lock(GraphicalViewer viewer, Stack stack, String why) {
        stack.set(why);
        for (EditPart p : parts(viewer)) {
            p.installEditPolicy(ROLE, new RefuseEdits());
        }
    }

    /** Lifts the lock: edits execute again. */
    static void unlock(GraphicalViewer viewer, Stack stack) {
        for (EditPart p : parts(viewer)) {
            p.removeEditPolicy(ROLE);
        }
        stack.set(null);
    }

    private static List<EditPart> parts(GraphicalViewer viewer) {
        List<EditPart> out = new ArrayList<>();
        if (viewer != null) {
            for (Object p : viewer.getEditPartRegistry().values()) {
                out.add((EditPart) p);
            }
        }
        return out;
    }
}
