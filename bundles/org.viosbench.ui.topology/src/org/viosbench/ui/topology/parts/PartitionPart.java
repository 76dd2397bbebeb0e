package org.viosbench.ui.topology.parts;

import java.beans.PropertyChangeEvent;
import java.util.List;

import org.eclipse.draw2d.ChopboxAnchor;
import org.eclipse.draw2d.ConnectionAnchor;
import org.eclipse.draw2d.IFigure;
import org.eclipse.gef.ConnectionEditPart;
import org.eclipse.gef.EditPolicy;
import org.eclipse.gef.NodeEditPart;
import org.eclipse.gef.Request;
import org.eclipse.gef.commands.Command;
import org.eclipse.gef.requests.CreateConnectionRequest;
import org.viosbench.topology.Lpar;
import org.viosbench.topology.Mapping;
import org.viosbench.topology.Partition;
import org.viosbench.topology.Problem;
import org.viosbench.topology.Vios;
import org.viosbench.topology.ViosRole;
import org.viosbench.ui.topology.commands.Edits;

/**
 * A VIOS or an LPAR. Mappings are drawn from the LPAR to the VIOS that serves it; the mapping tool
 * connects an LPAR and a VIOS started from either end.
 */
public final class PartitionPart extends ElementPart implements NodeEditPart {

    public Partition partition() {
        return (Partition) getModel();
    }

    @Override
    protected IFigure createFigure() {
        return new PartitionFigure(partition() instanceof Vios);
    }

    @Override
    protected List<Mapping> getModelSourceConnections() {
        return partition() instanceof Lpar ? partition().mappings() : List.of();
    }

    @Override
    protected List<Mapping> getModelTargetConnections() {
        return partition() instanceof Vios ? partition().mappings() : List.of();
    }

    @Override
    protected void createEditPolicies() {
        super.createEditPolicies();
        installEditPolicy(EditPolicy.GRAPHICAL_NODE_ROLE, new DrawnConnections() {
            @Override
            protected Command getConnectionCreateCommand(CreateConnectionRequest request) {
                if (request.getNewObjectType() == RunMode.TOOL) {
                    return null; // not a mapping: the run-mode tool's own edit policy answers
                }
                MappingStart start = new MappingStart(partition());
                request.setStartCommand(start);
                return start;
            }

            @Override
            protected Command getConnectionCompleteCommand(CreateConnectionRequest request) {
                if (request.getNewObjectType() == RunMode.TOOL) {
                    return null;
                }
                if (!(request.getStartCommand() instanceof MappingStart start)) {
                    return null;
                }
                Partition from = start.from;
                Partition to = partition();
                if (from instanceof Lpar l && to instanceof Vios v) {
                    return Edits.createMapping(l, v);
                }
                if (from instanceof Vios v && to instanceof Lpar l) {
                    return Edits.createMapping(l, v);
                }
                return null;
            }
        });
    }

    /** Where the mapping tool started: a placeholder command until the drag ends on the other partition. */
    private static final class MappingStart extends Command {
        final Partition from;

        MappingStart(Partition from) {
            super("Map " + from.name());
            this.from = from;
        }
    }

    @Override
    public void propertyChange(PropertyChangeEvent e) {
        if (Partition.MAPPINGS.equals(e.getPropertyName())) {
            refreshSourceConnections();
            refreshTargetConnections();
        }
        refreshVisuals();
    }

    @Override
    protected void refreshVisuals() {
        super.refreshVisuals();
        Partition p = partition();
        PartitionFigure f = (PartitionFigure) getFigure();
        f.setText(p.name(), org.viosbench.topology.Labels.detail(p), p instanceof Vios v && v.role() == ViosRole.DB_PRIMARY);
    }

    /** Shows the live membership state of a VIOS while its topology runs (nothing otherwise). */
    public void refreshState() {
        Object session = getViewer().getProperty(RunMode.SESSION);
        PartitionFigure f = (PartitionFigure) getFigure();
        if (session instanceof org.viosbench.session.ClusterSession s) {
            if (partition() instanceof Vios v) {
                f.setState(s.state(v).name());
                f.setFault(s.fault(v));
            } else {
                long up = partition().mappings().stream().map(Mapping::vios).distinct()
                        .filter(v -> s.state(v) == org.viosbench.cluster.ViosState.UP).count();
                long all = partition().mappings().stream().map(Mapping::vios).distinct().count();
                f.setState(up == 0 ? PartitionFigure.IO_LOST : up < all ? PartitionFigure.IO_DEGRADED : PartitionFigure.IO_OK);
            }
        } else {
            f.setState(null);
            f.setFault(null);
        }
    }

    @Override
    public void setProblems(List<Problem> problems) {
        PartitionFigure f = (PartitionFigure) getFigure();
        f.marks.set(f, problems, partition().label());
    }

    @Override
    public List<Problem> problems() {
        return ((PartitionFigure) getFigure()).marks.problems();
    }

    @Override
    public ConnectionAnchor getSourceConnectionAnchor(ConnectionEditPart connection) {
        return new ChopboxAnchor(getFigure());
    }

    @Override
    public ConnectionAnchor getTargetConnectionAnchor(ConnectionEditPart connection) {
        return new ChopboxAnchor(getFigure());
    }

    @Override
    public ConnectionAnchor getSourceConnectionAnchor(Request request) {
        return new ChopboxAnchor(getFigure());
    }

    @Override
    public ConnectionAnchor getTargetConnectionAnchor(Request request) {
        return new ChopboxAnchor(getFigure());
    }
}
