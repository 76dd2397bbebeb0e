package org.eclipse.ui.internal;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Cursor;
import org.eclipse.swt.widgets.Display;

/**
 * The drag-feedback cursors that the 3.x workbench dropped and that GEF 3.2's
 * {@code FlyoutPaletteComposite} asks for while the palette is dragged to the other side of the
 * editor. The constants keep their 3.x values, which GEF has compiled in. System cursors are
 * returned, so nothing needs disposing.
 */
public final class DragCursors {
    public static final int INVALID = 0;
    public static final int LEFT = 1;
    public static final int RIGHT = 2;
    public static final int TOP = 3;
    public static final int BOTTOM = 4;
    public static final int CENTER = 5;
    public static final int OFFSCREEN = 6;
    public static final int FASTVIEW = 7;

    private DragCursors() {
    }

    /** Returns the system cursor that stands for {@code which}; never null on the UI thread. */
    public static Cursor getCursor(int which) {
        int style = switch (which) {
            case LEFT, RIGHT -> SWT.CURSOR_SIZEWE;
            case TOP, BOTTOM -> SWT.CURSOR_SIZENS;
            case CENTER, FASTVIEW -> SWT.CURSOR_SIZEALL;
            default -> SWT.CURSOR_NO;
        };
        return Display.getCurrent().getSystemCursor(style);
    }

    /** Kept for 3.x callers; system cursors are owned by the display. */
    public static void dispose() {
    }
}
