package org.viosbench.ui;

import org.eclipse.ui.IFolderLayout;
import org.eclipse.ui.IPageLayout;
import org.eclipse.ui.IPerspectiveFactory;

/** The viosbench perspective: the editor area with Outline on the left and Properties below. */
public final class Perspective implements IPerspectiveFactory {

    @Override
    public void createInitialLayout(IPageLayout layout) {
        String editorArea = layout.getEditorArea();
        layout.setEditorAreaVisible(true);
        IFolderLayout left = layout.createFolder("left", IPageLayout.LEFT, 0.22f, editorArea);
        left.addView(IPageLayout.ID_OUTLINE);
        left.addView(ViosbenchUi.FIRE_VIEW);
        IFolderLayout bottom = layout.createFolder("bottom", IPageLayout.BOTTOM, 0.70f, editorArea);
        bottom.addView(IPageLayout.ID_PROP_SHEET);
        bottom.addView(ViosbenchUi.PROBLEMS_VIEW);
        bottom.addView(ViosbenchUi.RESPONSE_QUEUE_VIEW);
        bottom.addView(ViosbenchUi.PACKET_VIEW);
        bottom.addView(ViosbenchUi.CONSOLE_VIEW);
        bottom.addView(ViosbenchUi.DATABASE_VIEW);
        bottom.addPlaceholder(ViosbenchUi.TRACE_VIEW);
        bottom.addPlaceholder(ViosbenchUi.STEP_VIEW);
        layout.addShowViewShortcut(IPageLayout.ID_OUTLINE);
        layout.addShowViewShortcut(IPageLayout.ID_PROP_SHEET);
        layout.addShowViewShortcut(ViosbenchUi.PROBLEMS_VIEW);
        layout.addShowViewShortcut(ViosbenchUi.RESPONSE_QUEUE_VIEW);
        layout.addShowViewShortcut(ViosbenchUi.PACKET_VIEW);
        layout.addShowViewShortcut(ViosbenchUi.FIRE_VIEW);
        layout.addShowViewShortcut(ViosbenchUi.TRACE_VIEW);
        layout.addShowViewShortcut(ViosbenchUi.STEP_VIEW);
        layout.addShowViewShortcut(ViosbenchUi.CONSOLE_VIEW);
        layout.addShowViewShortcut(ViosbenchUi.DATABASE_VIEW);
    }
}
