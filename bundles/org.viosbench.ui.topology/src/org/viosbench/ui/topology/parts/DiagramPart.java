package org.viosbench.ui.topology.parts;

import java.beans.PropertyChangeEvent;
import java.beans.PropertyChangeListener;
import java.util.List;

import org.eclipse.draw2d.FreeformLayer;
import org.eclipse.draw2d.FreeformLayout;
import org.eclipse.draw2d.IFigure;
import org.eclipse.draw2d.MarginBorder;
import org.eclipse.draw2d.geometry.Rectangle;
import org.eclipse.gef.EditPart;
import org.eclipse.gef.EditPolicy;
import org.eclipse.gef.commands.Command;
import org.eclipse.gef.editparts.AbstractGraphicalEditPart;
import org.eclipse.gef.editpolicies.RootComponentEditPolicy;
import org.eclipse.gef.editpolicies.XYLayoutEditPolicy;
import org.eclipse.gef.requests.CreateRequest;
import org.viosbench.topology.Cec;
import org.viosbench.topology.Topology;
import org.viosbench.ui.topology.commands.Edits;

/** The diagram: the topology's CECs on a free-form layer. */
public final class DiagramPart extends AbstractGraphicalEditPart implements PropertyChangeListener {

    public Topology topology() {
        return (Topology) getModel();
    }

    @Override
    protected IFigure createFigure() {
        FreeformLayer layer = new FreeformLayer();
        layer.setLayoutManager(new FreeformLayout());
        layer.setBorder(new MarginBorder(8));
        return layer;
    }

    @Override
    protected List<Cec> getModelChildren() {
        return topology().cecs();
    }

    @Override
    protected void createEditPolicies() {
        installEditPolicy(EditPolicy.COMPONENT_ROLE, new RootComponentEditPolicy());
        installEditPolicy(EditPolicy.LAYOUT_ROLE, new XYLayoutEditPolicy() {
            @Override
            protected Command createChangeConstraintCommand(EditPart child, Object constraint) {
                return child.getModel() instanceof Cec c ? Edits.setBounds(c, Bounds2d.of((Rectangle) constraint, 120, 80)) : null;
            }

            @Override
            protected Command getCreateCommand(CreateRequest request) {
                if (request.getNewObject() instanceof Cec c) {
                    return Edits.createCec(topology(), c, Bounds2d.sized((Rectangle) getConstraintFor(request), 400, 240));
                }
                return null;
            }
        });
    }

    @Override
    public void activate() {
        super.activate();
        topology().addPropertyChangeListener(this);
    }

    @Override
    public void deactivate() {
        topology().removePropertyChangeListener(this);
        super.deactivate();
    }

    @Override
    public void propertyChange(PropertyChangeEvent e) {
        if (Topology.CECS.equals(e.getPropertyName())) {
            refreshChildren();
        }
    }

    @Override
    @SuppressWarnings("rawtypes") // GEF 3.2 overrides the raw form
    public Object getAdapter(Class key) {
        Object a = Adapters.of(this, key);
        return a != null ? a : super.getAdapter(key);
    }
}
