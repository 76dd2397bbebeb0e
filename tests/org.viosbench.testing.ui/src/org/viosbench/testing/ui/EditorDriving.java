package org.viosbench.testing.ui;

import org.eclipse.gef.EditDomain;
import org.eclipse.gef.palette.PaletteContainer;
import org.eclipse.gef.palette.ToolEntry;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Event;

/** What the editor tests do to a GEF editor as a user would: pick a palette tool, press and move the mouse. */
public final class EditorDriving {

    private EditorDriving() {
    }

    /** The palette entry of editor domain {@code d} labelled {@code label}, or null. */
    public static ToolEntry tool(EditDomain d, String label) {
        for (Object group : d.getPaletteViewer().getPaletteRoot().getChildren()) {
            for (Object entry : ((PaletteContainer) group).getChildren()) {
                if (entry instanceof ToolEntry te && label.equals(te.getLabel())) {
                    return te;
                }
            }
        }
        return null;
    }

    /** A mouse event of {@code type} (move, down, up with button 1) at ({@code x}, {@code y}) on {@code c}. */
    public static void mouse(Control c, int type, int x, int y) {
        Event ev = new Event();
        ev.type = type;
        ev.x = x;
        ev.y = y;
        ev.button = type == SWT.MouseMove ? 0 : 1;
        ev.stateMask = type == SWT.MouseUp ? SWT.BUTTON1 : 0;
        ev.widget = c;
        ev.display = c.getDisplay();
        c.notifyListeners(type, ev);
    }
}
