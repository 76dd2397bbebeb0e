package org.viosbench.ui.topology;

import org.eclipse.ui.IPartListener2;
import org.eclipse.ui.IWorkbenchPartReference;
import org.eclipse.ui.part.ViewPart;

/**
 * A view of the active topology editor: it follows whichever topology editor becomes active, and
 * lets go of one that closes. Subclasses say what following an editor means.
 */
public abstract class EditorFollowingView extends ViewPart {
    private TopologyEditor followed;
    private final IPartListener2 parts = new IPartListener2() {
        @Override
        public void partActivated(IWorkbenchPartReference ref) {
            if (ref.getPart(false) instanceof TopologyEditor e) {
                followEditor(e);
            }
        }

        @Override
        public void partClosed(IWorkbenchPartReference ref) {
            if (ref.getPart(false) == followed) {
                followEditor(null);
            }
        }
    };

    /** Call at the end of createPartControl: follows the active editor from now on. */
    protected void startFollowing() {
        getSite().getPage().addPartListener(parts);
        followEditor(getSite().getPage().getActiveEditor() instanceof TopologyEditor e ? e : null);
    }

    private void followEditor(TopologyEditor e) {
        followed = e;
        follow(e);
    }

    /** Shows {@code e} (nothing when null) from now on; on the UI thread. */
    protected abstract void follow(TopologyEditor e);

    @Override
    public void dispose() {
        getSite().getPage().removePartListener(parts);
        super.dispose();
    }
}
