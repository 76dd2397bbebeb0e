package org.viosbench.ui.topology;

import org.eclipse.gef.ContextMenuProvider;
import org.eclipse.gef.EditPartViewer;
import org.eclipse.gef.ui.actions.GEFActionConstants;
import org.eclipse.jface.action.IAction;
import org.eclipse.jface.action.IMenuManager;
import org.eclipse.ui.actions.ActionFactory;

/**
 * The diagram's context menu: undo/redo, copy/paste/delete, rename. Registered with the workbench
 * under the editor's id, so other bundles contribute to it ({@code popup:org.viosbench.ui.topology.editor}):
 * the run-mode bundle adds fire, kill, restart and faults on a running VIOS.
 */
final class TopologyContextMenu extends ContextMenuProvider {
    private final TopologyEditor editor;

    TopologyContextMenu(EditPartViewer viewer, TopologyEditor editor) {
        super(viewer);
        this.editor = editor;
    }

    @Override
    public void buildContextMenu(IMenuManager menu) {
        GEFActionConstants.addStandardActionGroups(menu);
        add(menu, GEFActionConstants.GROUP_UNDO, ActionFactory.UNDO.getId());
        add(menu, GEFActionConstants.GROUP_UNDO, ActionFactory.REDO.getId());
        add(menu, GEFActionConstants.GROUP_COPY, ActionFactory.COPY.getId());
        add(menu, GEFActionConstants.GROUP_EDIT, ActionFactory.PASTE.getId());
        add(menu, GEFActionConstants.GROUP_EDIT, ActionFactory.DELETE.getId());
        if (editor.session() == null) { // renaming is an edit: not offered while the topology runs
            add(menu, GEFActionConstants.GROUP_EDIT, GEFActionConstants.DIRECT_EDIT);
        }
    }

    private void add(IMenuManager menu, String group, String id) {
        IAction a = editor.getActionRegistry().getAction(id);
        if (a != null && a.isEnabled()) {
            menu.appendToGroup(group, a);
        }
    }
}
