package org.viosbench.ui.topology.parts;

import org.eclipse.gef.GraphicalEditPart;
import org.eclipse.gef.SnapToGrid;
import org.eclipse.gef.SnapToHelper;
import org.eclipse.ui.views.properties.IPropertySource;

/** What the edit parts adapt to: their Properties (every part) and grid snapping (the parts that hold others). */
final class Adapters {

    private Adapters() {
    }

    static Object of(GraphicalEditPart part, Class<?> key) {
        if (key == IPropertySource.class) {
            return new ElementProperties(part.getModel(), part.getViewer().getEditDomain().getCommandStack());
        }
        if (key == SnapToHelper.class && (part instanceof DiagramPart || part instanceof CecPart)) {
            return new SnapToGrid(part);
        }
        return null;
    }
}
