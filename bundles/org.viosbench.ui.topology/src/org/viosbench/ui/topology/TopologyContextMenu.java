package org.viosbench.ui.topology;

import org.eclipse.gef.ContextMenuProvider;
import org.eclipse.gef.EditPartViewer;
import org.eclipse.gef.ui.actions.GEFActionConstants;
import org.eclipse.jface.action.IAction;
import org.eclipse.jface.action.IMenuManager;
import org.eclipse.ui.actions.ActionFactory;
import org.viosbench.ui.topology.run.ViosActions;

/** The diagram's context menu: undo/redo, copy/paste/delete, rename, and on a running VIOS: fire, kill, restart. */
final class TopologyContextMenu extends ContextMenuProvider {
    private final TopologyEditor editor;

    TopologyContextMenu(EditPartViewer viewer, TopologyEditor editor) {
        super(viewer);
        this.editor = editor;
    }

    @Override
    public void buildContextMenu(IMenuManager menu) {
        GEFActionConstants.addStandardActionGroups(menu);
        for (IAction a : ViosActions.forSelection(editor)) {
            menu.appendToGroup(GEFActionConstants.GROUP_REST, a);
        }
        add(menu, GEFActionConstants.GROUP_UNDO, ActionFactory.UNDO.getId());
        add(menu, GEFActionConstants.GROUP_UNDO, ActionFactory.REDO.getId());
        add(menu, GEFActionConstants.GROUP_COPY, ActionFactory.COPY.getId());
        add(menu, GEFActionConstants.GROUP_EDIT, ActionFactory.PASTE.getId());
        add(menu, GEFActionConstants.GROUP_EDIT, ActionFactory.DELETE.getId());
        add(menu, GEFActionConstants.GROUP_EDIT, GEFActionConstants.DIRECT_EDIT);
    }

    private void add(IMenuManager menu, String group, String id) {
        IAction a = editor.getActionRegistry().getAction(id);
        if (a != null && a.isEnabled()) {
            menu.appendToGroup(group, a);
        }
    }
}
