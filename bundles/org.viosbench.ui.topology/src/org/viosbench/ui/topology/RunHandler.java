package org.viosbench.ui.topology;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.ui.handlers.HandlerUtil;

/** Cluster > Run and Cluster > Stop on the active topology editor (parameter "stop" for Stop). */
public final class RunHandler extends AbstractHandler {

    @Override
    public Object execute(ExecutionEvent event) {
        boolean stop = "true".equals(event.getParameter("org.viosbench.ui.topology.stop"));
        if (!(HandlerUtil.getActiveEditor(event) instanceof TopologyEditor editor)) {
            MessageDialog.openInformation(HandlerUtil.getActiveShell(event), "Cluster", "Open a topology first.");
            return null;
        }
        if (stop) {
            editor.stop();
            return null;
        }
        try {
            editor.run(); // what attaches to the editor shows the running cluster's views
        } catch (IllegalStateException e) {
            MessageDialog.openError(editor.getSite().getShell(), "The cluster did not start", e.getMessage());
        }
        return null;
    }
}
