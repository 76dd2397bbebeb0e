package org.viosbench.ui.run;

import org.viosbench.ui.run.step.StepView;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.draw2d.ColorConstants;
import org.eclipse.draw2d.Ellipse;
import org.eclipse.draw2d.IFigure;
import org.eclipse.draw2d.Label;
import org.eclipse.draw2d.PolylineConnection;
import org.eclipse.draw2d.PolygonDecoration;
import org.eclipse.draw2d.geometry.Point;
import org.eclipse.draw2d.geometry.Rectangle;
import org.eclipse.gef.GraphicalEditPart;
import org.eclipse.gef.GraphicalViewer;
import org.eclipse.swt.SWT;
import org.viosbench.cluster.step.Pending;
import org.viosbench.cluster.step.StepCluster;
import org.viosbench.engine.Layer;
import org.viosbench.engine.TraceEvent;
import org.viosbench.topology.Topology;
import org.viosbench.topology.Vios;
import org.viosbench.ui.topology.parts.PartitionFigure;

/**
 * Step mode on the diagram: every pending delivery as a dashed arrow from the sending VKE to the
 * receiving one, labelled with its number (requests blue, responses green), and a ring where the
 * last step happened. Redrawn from the step cluster after each step; cleared when step mode ends.
 */
public final class StepOverlay {
    private final GraphicalViewer viewer;
    private final IFigure layer;
    private final Topology topology;
    private final List<IFigure> drawn = new ArrayList<>();
    private List<Pending> shown = List.of();

    /**
     * Draws the step mode of {@code topology}'s cluster on {@code viewer}'s {@code layer} while the
     * Step Mode view of {@code page} publishes it, and clears the drawing when that view closes.
     * {@link #stopFollowing()} ends it (when the editor goes).
     */
    public static StepOverlay follow(org.eclipse.ui.IWorkbenchPage page, GraphicalViewer viewer, IFigure layer, Topology topology) {
        StepOverlay overlay = new StepOverlay(viewer, layer, topology);
        org.eclipse.ui.ISelectionListener state = (part, selection) -> {
            if (viewer.getControl() == null || viewer.getControl().isDisposed()) {
                return;
            }
            Object first = selection instanceof org.eclipse.jface.viewers.IStructuredSelection s ? s.getFirstElement() : null;
            overlay.show(first instanceof StepCluster sc && sc.description().name().equals(topology.name()) ? sc : null);
        };
        org.eclipse.ui.IPartListener2 closed = new org.eclipse.ui.IPartListener2() {
            @Override
            public void partClosed(org.eclipse.ui.IWorkbenchPartReference ref) {
                if (StepView.ID.equals(ref.getId())) {
                    overlay.clear();
                }
            }
        };
        page.addSelectionListener(StepView.ID, state);
        page.addPartListener(closed);
        overlay.unfollow = () -> {
            page.removeSelectionListener(StepView.ID, state);
            page.removePartListener(closed);
        };
        return overlay;
    }

    /** Set by {@link #follow}: what stops following the Step Mode view. */
    private Runnable unfollow = () -> {
    };

    /** Stops following the Step Mode view (see {@link #follow}). */
    public void stopFollowing() {
        unfollow.run();
    }

    public StepOverlay(GraphicalViewer viewer, IFigure layer, Topology topology) {
        this.viewer = viewer;
        this.layer = layer;
        this.topology = topology;
    }

    /** Shows the pending deliveries and the last event of {@code c} (null: nothing). */
    public void show(StepCluster c) {
        clear();
        if (c == null) {
            return;
        }
        shown = c.pending();
        for (Pending p : shown) {
            PartitionFigure from = figure(p.from());
            PartitionFigure to = figure(p.to());
            if (from == null || to == null) {
                continue;
            }
            PolylineConnection arrow = new PolylineConnection();
            arrow.setLineStyle(SWT.LINE_DASH);
            arrow.setLineWidth(2);
            arrow.setForegroundColor(p.error() ? Animator.FAILURE : p.response() ? Animator.RESPONSE : Animator.REQUEST);
            Point a = Animator.center(from, Layer.VKE);
            Point b = Animator.center(to, Layer.VKE);
            // bent above the figures, so that the arrow does not run through the boxes between the two VIOSes
            Point bend = new Point((a.x + b.x) / 2, Math.min(a.y, b.y) - 44 - 10 * (int) (p.id() % 4));
            arrow.setPoints(new org.eclipse.draw2d.geometry.PointList(new int[] { a.x, a.y, bend.x, bend.y, b.x, b.y }));
            arrow.setTargetDecoration(new PolygonDecoration());
            arrow.setToolTip(new Label(p.describe()));
            Label number = new Label("#" + p.id());
            number.setForegroundColor(arrow.getForegroundColor());
            number.setBackgroundColor(ColorConstants.white);
            number.setOpaque(true);
            number.setBounds(new Rectangle(bend.x - 12, bend.y - 8, 26, 16));
            drawn.add(arrow);
            drawn.add(number);
        }
        List<TraceEvent> events = c.events();
        if (!events.isEmpty()) {
            TraceEvent last = events.get(events.size() - 1);
            PartitionFigure at = figure(last.vios());
            if (at != null) {
                Point p = Animator.center(at, last.layer());
                Ellipse ring = new Ellipse();
                ring.setFill(false);
                ring.setLineWidth(3);
                ring.setForegroundColor(Animator.CURSOR);
                ring.setBounds(new Rectangle(p.x - 14, p.y - 14, 28, 28));
                ring.setToolTip(new Label("last step: " + last.kind() + " " + last.layer()));
                drawn.add(ring);
            }
        }
        drawn.forEach(layer::add);
    }

    /** The deliveries drawn now. */
    public List<Pending> shown() {
        return shown;
    }

    /** Figures drawn now (arrows, labels, the ring). */
    public int figureCount() {
        return drawn.size();
    }

    public void clear() {
        drawn.forEach(layer::remove);
        drawn.clear();
        shown = List.of();
    }

    private PartitionFigure figure(int viosId) {
        Vios v = topology.vios(Integer.toUnsignedLong(viosId));
        Object part = v == null ? null : viewer.getEditPartRegistry().get(v);
        return part == null ? null : (PartitionFigure) ((GraphicalEditPart) part).getFigure();
    }
}
