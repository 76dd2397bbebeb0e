package org.viosbench.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.InvocationTargetException;
import java.util.List;

import org.eclipse.core.runtime.Platform;
import org.eclipse.draw2d.FreeformLayer;
import org.eclipse.draw2d.FreeformLayout;
import org.eclipse.draw2d.IFigure;
import org.eclipse.draw2d.Label;
import org.eclipse.draw2d.geometry.Rectangle;
import org.eclipse.gef.DefaultEditDomain;
import org.eclipse.gef.EditPart;
import org.eclipse.gef.GraphicalEditPart;
import org.eclipse.gef.editparts.AbstractGraphicalEditPart;
import org.eclipse.gef.editparts.ScalableFreeformRootEditPart;
import org.eclipse.gef.palette.PaletteRoot;
import org.eclipse.gef.ui.palette.FlyoutPaletteComposite;
import org.eclipse.gef.ui.palette.FlyoutPaletteComposite.FlyoutPreferences;
import org.eclipse.gef.ui.palette.PaletteViewerProvider;
import org.eclipse.gef.ui.parts.ScrollingGraphicalViewer;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Cursor;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.Test;

/**
 * GEF classic 3.2 on today's platform, with the two compatibility fragments: a graphical viewer
 * with edit parts, a flyout palette, and the classes the fragments restore, loaded as GEF loads them.
 */
@org.junit.jupiter.api.extension.ExtendWith(org.viosbench.testing.ui.NoErrorsLogged.class)
class GefCompatibilityTest {

    /** The diagram: a list of node names. */
    static final class DiagramPart extends AbstractGraphicalEditPart {
        @Override
        protected IFigure createFigure() {
            FreeformLayer layer = new FreeformLayer();
            layer.setLayoutManager(new FreeformLayout());
            return layer;
        }

        @Override
        protected List<?> getModelChildren() {
            return (List<?>) getModel();
        }

        @Override
        protected void createEditPolicies() {
            // no editing in this test
        }
    }

    /** One node, drawn as a label placed by its index. */
    static final class NodePart extends AbstractGraphicalEditPart {
        @Override
        protected IFigure createFigure() {
            return new Label((String) getModel());
        }

        @Override
        protected void refreshVisuals() {
            int index = getParent().getChildren().indexOf(this);
            ((GraphicalEditPart) getParent()).setLayoutConstraint(this, getFigure(),
                    new Rectangle(20 + 120 * index, 20, 100, 30));
        }

        @Override
        protected void createEditPolicies() {
            // no editing in this test
        }
    }

    private static void drain() {
        Display display = Display.getCurrent();
        while (display.readAndDispatch()) {
            // keep dispatching
        }
    }

    @Test
    void graphicalViewerWithFlyoutPaletteShowsEditParts() {
        Shell shell = new Shell(PlatformUI.getWorkbench().getActiveWorkbenchWindow().getShell());
        try {
            shell.setLayout(new FillLayout());
            FlyoutPaletteComposite flyout = new FlyoutPaletteComposite(shell, SWT.NONE,
                    PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage(),
                    new PaletteViewerProvider(new DefaultEditDomain(null)), new MemoryPreferences());
            DefaultEditDomain domain = new DefaultEditDomain(null);
            domain.setPaletteRoot(new PaletteRoot());
            ScrollingGraphicalViewer viewer = new ScrollingGraphicalViewer();
            viewer.createControl(flyout);
            viewer.setEditDomain(domain);
            viewer.setRootEditPart(new ScalableFreeformRootEditPart());
            viewer.setEditPartFactory((EditPart context, Object model) -> {
                EditPart part = model instanceof List ? new DiagramPart() : new NodePart();
                part.setModel(model);
                return part;
            });
            flyout.setGraphicalControl(viewer.getControl());
            viewer.setContents(List.of("vios-1", "vios-2", "vios-3"));
            shell.setSize(600, 300);
            shell.open();
            drain();

            List<?> children = viewer.getContents().getChildren();
            assertEquals(3, children.size());
            IFigure second = ((GraphicalEditPart) children.get(1)).getFigure();
            assertEquals("vios-2", ((Label) second).getText());
            assertEquals(new Rectangle(140, 20, 100, 30), second.getBounds());
            assertTrue(viewer.getControl().isVisible());
        } finally {
            shell.dispose();
        }
    }

    @Test
    void restoredAssertBehavesAsGefExpects() throws Exception {
        Class<?> assertClass = Platform.getBundle("org.eclipse.gef").loadClass("org.eclipse.jface.util.Assert");
        assertClass.getMethod("isNotNull", Object.class).invoke(null, "present");
        InvocationTargetException e = assertThrows(InvocationTargetException.class,
                () -> assertClass.getMethod("isNotNull", Object.class, String.class).invoke(null, null, "child"));
        assertTrue(e.getCause() instanceof RuntimeException);
        assertTrue(e.getCause().getMessage().contains("child"), e.getCause().getMessage());
        assertEquals(Boolean.TRUE, assertClass.getMethod("isTrue", boolean.class).invoke(null, true));
    }

    @Test
    void restoredDragCursorsGiveCursors() throws Exception {
        Class<?> cursors = Platform.getBundle("org.eclipse.gef").loadClass("org.eclipse.ui.internal.DragCursors");
        for (int which = 0; which <= 7; which++) {
            Cursor cursor = (Cursor) cursors.getMethod("getCursor", int.class).invoke(null, which);
            assertNotNull(cursor, "cursor " + which);
            assertTrue(!cursor.isDisposed());
        }
    }

    /** Flyout palette settings kept in memory. */
    static final class MemoryPreferences implements FlyoutPreferences {
        private int dock = -1;
        private int state = -1;
        private int width = 150;

        @Override
        public int getDockLocation() {
            return dock;
        }

        @Override
        public int getPaletteState() {
            return state;
        }

        @Override
        public int getPaletteWidth() {
            return width;
        }

        @Override
        public void setDockLocation(int location) {
            dock = location;
        }

        @Override
        public void setPaletteState(int paletteState) {
            state = paletteState;
        }

        @Override
        public void setPaletteWidth(int paletteWidth) {
            width = paletteWidth;
        }
    }
}
