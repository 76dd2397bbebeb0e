package org.viosbench.ui.trace;

import java.util.function.Predicate;

import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;

/** Finding a view's own widgets (for its tests and its keys). */
public final class Widgets {

    private Widgets() {
    }

    /** The first control of {@code type} under {@code c} (depth first) that {@code test} accepts, or null. */
    public static <T extends Control> T find(Composite c, Class<T> type, Predicate<T> test) {
        for (Control child : c.getChildren()) {
            if (type.isInstance(child) && test.test(type.cast(child))) {
                return type.cast(child);
            }
            if (child instanceof Composite inner) {
                T hit = find(inner, type, test);
                if (hit != null) {
                    return hit;
                }
            }
        }
        return null;
    }
}
