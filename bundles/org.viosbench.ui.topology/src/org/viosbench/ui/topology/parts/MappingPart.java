package org.viosbench.ui.topology.parts;

import java.beans.PropertyChangeEvent;
import java.beans.PropertyChangeListener;
import java.util.List;

import org.eclipse.draw2d.IFigure;
import org.eclipse.draw2d.Label;
import org.eclipse.draw2d.PolygonDecoration;
import org.eclipse.draw2d.PolylineConnection;
import org.eclipse.gef.EditPolicy;
import org.eclipse.gef.commands.Command;
import org.eclipse.gef.editparts.AbstractConnectionEditPart;
import org.eclipse.gef.editpolicies.ConnectionEditPolicy;
import org.eclipse.gef.editpolicies.ConnectionEndpointEditPolicy;
import org.eclipse.gef.requests.GroupRequest;
import org.viosbench.topology.Mapping;
import org.viosbench.topology.Problem;
import org.viosbench.ui.topology.commands.DeleteCommand;

/** A virtual SCSI mapping: a line from the LPAR to the VIOS serving it; its tooltip names adapter and device. */
public final class MappingPart extends AbstractConnectionEditPart implements PropertyChangeListener {
    private List<Problem> problems = List.of();

    public Mapping mapping() {
        return (Mapping) getModel();
    }

    @Override
    protected IFigure createFigure() {
        PolylineConnection c = new PolylineConnection();
        c.setTargetDecoration(new PolygonDecoration());
        c.setForegroundColor(Palette.MAPPING);
        return c;
    }

    @Override
    protected void createEditPolicies() {
        installEditPolicy(EditPolicy.CONNECTION_ROLE, new ConnectionEditPolicy() {
            @Override
            protected Command getDeleteCommand(GroupRequest request) {
                return new DeleteCommand(mapping());
            }
        });
        installEditPolicy(EditPolicy.CONNECTION_ENDPOINTS_ROLE, new ConnectionEndpointEditPolicy());
    }

    @Override
    public void activate() {
        super.activate();
        mapping().addPropertyChangeListener(this);
    }

    @Override
    public void deactivate() {
        mapping().removePropertyChangeListener(this);
        super.deactivate();
    }

    @Override
    public void propertyChange(PropertyChangeEvent evt) {
        refreshVisuals();
    }

    @Override
    protected void refreshVisuals() {
        Mapping m = mapping();
        StringBuilder tip = new StringBuilder(m.lpar().name() + " -> " + m.vios().name() + ": " + m.adapter() + " serves " + m.backingDevice());
        problems.forEach(p -> tip.append('\n').append(p.severity()).append(": ").append(p.message()));
        getFigure().setToolTip(new Label(tip.toString()));
        PolylineConnection c = (PolylineConnection) getFigure();
        boolean error = problems.stream().anyMatch(p -> p.severity() == Problem.Severity.ERROR);
        c.setForegroundColor(error ? Palette.ERROR : problems.isEmpty() ? Palette.MAPPING : Palette.WARNING);
        c.setLineWidth(problems.isEmpty() ? 1 : 2);
    }

    public void setProblems(List<Problem> now) {
        if (now.equals(problems) && getFigure().getToolTip() != null) {
            return;
        }
        problems = List.copyOf(now);
        refreshVisuals();
    }

    public List<Problem> problems() {
        return problems;
    }

    @Override
    @SuppressWarnings("rawtypes") // GEF 3.2 overrides the raw form
    public Object getAdapter(Class key) {
        Object a = Adapters.of(this, key);
        return a != null ? a : super.getAdapter(key);
    }
}
