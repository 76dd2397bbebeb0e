package org.viosbench.ui.topology.parts;

import java.beans.PropertyChangeEvent;
import java.util.List;

import org.eclipse.draw2d.IFigure;
import org.eclipse.draw2d.geometry.Rectangle;
import org.eclipse.gef.EditPart;
import org.eclipse.gef.EditPolicy;
import org.eclipse.gef.commands.Command;
import org.eclipse.gef.editpolicies.XYLayoutEditPolicy;
import org.eclipse.gef.requests.CreateRequest;
import org.viosbench.topology.AutoLayout;
import org.viosbench.topology.Cec;
import org.viosbench.topology.Partition;
import org.viosbench.topology.Problem;
import org.viosbench.topology.Vios;
import org.viosbench.ui.topology.commands.Edits;

/** A CEC: holds VIOSes and LPARs; new ones are created in it, others moved into it from another CEC. */
public final class CecPart extends ElementPart {

    public Cec cec() {
        return (Cec) getModel();
    }

    @Override
    protected IFigure createFigure() {
        return new CecFigure();
    }

    @Override
    protected List<Partition> getModelChildren() {
        return cec().children();
    }

    @Override
    protected void createEditPolicies() {
        super.createEditPolicies();
        installEditPolicy(EditPolicy.LAYOUT_ROLE, new XYLayoutEditPolicy() {
            @Override
            protected Command createChangeConstraintCommand(EditPart child, Object constraint) {
                return Edits.setBounds(((ElementPart) child).element(), Bounds2d.of((Rectangle) constraint, 40, 30));
            }

            @Override
            protected Command createAddCommand(EditPart child, Object constraint) {
                if (child.getModel() instanceof Partition p && p.cec() != cec()) {
                    return Edits.reparent(p, cec(), Bounds2d.of((Rectangle) constraint, 40, 30));
                }
                return null;
            }

            @Override
            protected Command getCreateCommand(CreateRequest request) {
                if (!(request.getNewObject() instanceof Partition p)) {
                    return null;
                }
                p.setPartitionId(cec().children().stream().mapToInt(Partition::partitionId).max().orElse(0) + 1);
                Rectangle r = (Rectangle) getConstraintFor(request);
                boolean vios = p instanceof Vios;
                return Edits.createPartition(cec(), p, Bounds2d.sized(r, vios ? AutoLayout.VIOS_WIDTH : AutoLayout.LPAR_WIDTH,
                        vios ? AutoLayout.VIOS_HEIGHT : AutoLayout.LPAR_HEIGHT));
            }
        });
    }

    @Override
    public void propertyChange(PropertyChangeEvent e) {
        if (Cec.CHILDREN.equals(e.getPropertyName())) {
            refreshChildren();
        }
        refreshVisuals();
    }

    @Override
    protected void refreshVisuals() {
        super.refreshVisuals();
        ((CecFigure) getFigure()).setTitle(org.viosbench.topology.Labels.title(cec()));
    }

    @Override
    public void setProblems(List<Problem> problems) {
        CecFigure f = (CecFigure) getFigure();
        f.marks.set(f, problems, "CEC " + cec().name() + " (serial " + cec().serial() + ")");
    }

    @Override
    public List<Problem> problems() {
        return ((CecFigure) getFigure()).marks.problems();
    }
}
