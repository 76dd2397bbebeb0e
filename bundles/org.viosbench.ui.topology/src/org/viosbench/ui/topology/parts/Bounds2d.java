package org.viosbench.ui.topology.parts;

import org.eclipse.draw2d.geometry.Rectangle;
import org.viosbench.topology.Bounds;

/** Draw2d rectangles to model bounds. */
final class Bounds2d {

    private Bounds2d() {
    }

    /** {@code r}, at least {@code minWidth} x {@code minHeight}. */
    static Bounds of(Rectangle r, int minWidth, int minHeight) {
        return new Bounds(r.x, r.y, Math.max(minWidth, r.width), Math.max(minHeight, r.height));
    }

    /** {@code r}'s place; its size, or the default when the tool gave none (a click, not a drag). */
    static Bounds sized(Rectangle r, int width, int height) {
        return new Bounds(r.x, r.y, r.width > 0 ? r.width : width, r.height > 0 ? r.height : height);
    }
}
