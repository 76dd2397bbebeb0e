package org.viosbench.ui.topology.parts;

import java.beans.PropertyChangeEvent;
import java.beans.PropertyChangeListener;
import java.util.List;

import org.eclipse.draw2d.geometry.Rectangle;
import org.eclipse.gef.EditPolicy;
import org.eclipse.gef.GraphicalEditPart;
import org.eclipse.gef.commands.Command;
import org.eclipse.gef.editparts.AbstractGraphicalEditPart;
import org.eclipse.gef.editpolicies.ComponentEditPolicy;
import org.eclipse.gef.requests.GroupRequest;
import org.viosbench.topology.Bounds;
import org.viosbench.topology.Element;
import org.viosbench.topology.Problem;
import org.viosbench.ui.topology.commands.DeleteCommand;

/**
 * What the edit parts of CECs, VIOSes and LPARs share: they follow their element's property
 * changes, place their figure by its bounds, can be deleted, and show validation problems.
 */
public abstract class ElementPart extends AbstractGraphicalEditPart implements PropertyChangeListener {

    public Element element() {
        return (Element) getModel();
    }

    @Override
    public void activate() {
        super.activate();
        element().addPropertyChangeListener(this);
    }

    @Override
    public void deactivate() {
        element().removePropertyChangeListener(this);
        super.deactivate();
    }

    @Override
    protected void createEditPolicies() {
        installEditPolicy(EditPolicy.COMPONENT_ROLE, new ComponentEditPolicy() {
            @Override
            protected Command createDeleteCommand(GroupRequest request) {
                return new DeleteCommand(element());
            }
        });
        installEditPolicy(EditPolicy.DIRECT_EDIT_ROLE, NameEditing.policy());
    }

    /** Double-click or F2: rename on the diagram. */
    @Override
    public void performRequest(org.eclipse.gef.Request request) {
        if (org.eclipse.gef.RequestConstants.REQ_DIRECT_EDIT.equals(request.getType())
                || org.eclipse.gef.RequestConstants.REQ_OPEN.equals(request.getType())) {
            NameEditing.open(this);
        }
    }

    @Override
    public void propertyChange(PropertyChangeEvent e) {
        refreshVisuals();
    }

    @Override
    protected void refreshVisuals() {
        Bounds b = element().bounds();
        if (b != null) {
            ((GraphicalEditPart) getParent()).setLayoutConstraint(this, getFigure(), new Rectangle(b.x(), b.y(), b.width(), b.height()));
        }
    }

    /** Shows {@code problems} (this element's) on the figure. */
    public abstract void setProblems(List<Problem> problems);

    /** The problems shown now. */
    public abstract List<Problem> problems();

    @Override
    @SuppressWarnings("rawtypes") // GEF 3.2 overrides the raw form
    public Object getAdapter(Class key) {
        Object a = Adapters.of(this, key);
        return a != null ? a : super.getAdapter(key);
    }
}
