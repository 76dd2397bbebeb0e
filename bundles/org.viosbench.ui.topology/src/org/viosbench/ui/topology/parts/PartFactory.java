package org.viosbench.ui.topology.parts;

import org.eclipse.gef.EditPart;
import org.eclipse.gef.EditPartFactory;
import org.viosbench.topology.Cec;
import org.viosbench.topology.Mapping;
import org.viosbench.topology.Partition;
import org.viosbench.topology.Topology;

/** Makes the edit part for each kind of model element. */
public final class PartFactory implements EditPartFactory {

    @Override
    public EditPart createEditPart(EditPart context, Object model) {
        EditPart part;
        if (model instanceof Topology) {
            part = new DiagramPart();
        } else if (model instanceof Cec) {
            part = new CecPart();
        } else if (model instanceof Partition) {
            part = new PartitionPart();
        } else if (model instanceof Mapping) {
            part = new MappingPart();
        } else {
            throw new IllegalArgumentException("no edit part for " + model);
        }
        part.setModel(model);
        return part;
    }
}
