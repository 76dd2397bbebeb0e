package org.viosbench.ui.run;

import org.eclipse.jface.action.ActionContributionItem;
import org.eclipse.jface.action.IContributionItem;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.actions.CompoundContributionItem;
import org.viosbench.ui.topology.TopologyEditor;

/**
 * The run-mode entries of the diagram's context menu (contributed to
 * {@code popup:org.viosbench.ui.topology.editor}): on a VIOS of a running topology fire, broadcast,
 * kill, restart and faults; on two VIOSes cut their link (see {@link ViosActions}). Nothing while the
 * topology is edited.
 */
public final class ViosMenu extends CompoundContributionItem {

    @Override
    protected IContributionItem[] getContributionItems() {
        IWorkbenchWindow w = PlatformUI.getWorkbench().getActiveWorkbenchWindow();
        IWorkbenchPage page = w == null ? null : w.getActivePage();
        if (page == null || !(page.getActivePart() instanceof TopologyEditor editor)) {
            return new IContributionItem[0];
        }
        return ViosActions.forSelection(editor).stream().map(ActionContributionItem::new).toArray(IContributionItem[]::new);
    }
}
