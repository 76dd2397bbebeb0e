package org.viosbench.ui.run;

import java.util.List;

import org.eclipse.gef.EditPart;
import org.eclipse.gef.GraphicalViewer;
import org.eclipse.gef.palette.ToolEntry;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.ui.ISelectionListener;
import org.viosbench.session.ClusterSession;
import org.viosbench.topology.Vios;
import org.viosbench.trace.SelectedEvent;
import org.viosbench.ui.topology.EditorAttachment;
import org.viosbench.ui.topology.TopologyEditor;
import org.viosbench.ui.trace.TraceView;

/**
 * Run mode on one topology editor: while its cluster runs, the {@link Animator} draws the fired
 * messages and the Trace view's cursor, VIOSes answer the Fire Message tool ({@link DragToFire}),
 * and the Response Queue is shown; whenever the Step Mode view runs this topology, the
 * {@link StepOverlay} draws its pending deliveries. Contributed to the editor through
 * {@code org.viosbench.ui.topology.attachments}; the views reach the animation through the
 * editor's {@code getAdapter(Animator.class)}.
 */
public final class RunAttachment implements EditorAttachment {
    /** The edit-policy role of the Fire Message tool's policy, installed on every VIOS while the cluster runs. */
    public static final String FIRE_ROLE = "viosbench.fire";

    private TopologyEditor editor;
    private Animator animator;
    private StepOverlay stepOverlay;
    private final Runnable sessionChanged = this::sessionChanged;

    /** The Trace view's cursor, shown on the diagram while the cluster runs (that view moves it by itself when following the cluster). */
    private final ISelectionListener traceCursor = (part, selection) -> {
        if (animator != null && selection instanceof IStructuredSelection s && s.getFirstElement() instanceof SelectedEvent e) {
            animator.showCursor(e.event());
        }
    };

    @Override
    public List<ToolEntry> runTools() {
        return List.of(DragToFire.entry());
    }

    @Override
    public void attach(TopologyEditor e) {
        editor = e;
        e.addSessionListener(sessionChanged);
        e.getSite().getPage().addSelectionListener(TraceView.ID, traceCursor);
        stepOverlay = StepOverlay.follow(e.getSite().getPage(), e.getGraphicalViewer(), e.feedbackLayer(), e.topology());
    }

    private void sessionChanged() {
        ClusterSession s = editor.session();
        GraphicalViewer viewer = editor.getGraphicalViewer();
        if (s != null && animator == null) {
            animator = new Animator(viewer, editor.feedbackLayer(), editor.topology(), s);
            for (Object p : viewer.getEditPartRegistry().values()) {
                if (((EditPart) p).getModel() instanceof Vios) {
                    ((EditPart) p).installEditPolicy(FIRE_ROLE, new DragToFire.Policy(editor));
                }
            }
            ViosActions.showQueue(editor);
        } else if (s == null && animator != null) {
            animator.dispose();
            animator = null;
            for (Object p : viewer.getEditPartRegistry().values()) {
                ((EditPart) p).removeEditPolicy(FIRE_ROLE);
            }
        }
    }

    @Override
    public void detach() {
        if (editor == null) {
            return; // never attached: the editor went before its diagram showed
        }
        editor.removeSessionListener(sessionChanged);
        editor.getSite().getPage().removeSelectionListener(TraceView.ID, traceCursor);
        stepOverlay.stopFollowing();
        if (animator != null) {
            animator.dispose();
            animator = null;
        }
    }

    @Override
    public <T> T getAdapter(Class<T> type) {
        if (type == Animator.class) {
            return type.cast(animator);
        }
        if (type == StepOverlay.class) {
            return type.cast(stepOverlay);
        }
        return null;
    }

    /** The animation of {@code editor}'s running cluster, or null (not running, or no editor). */
    static Animator animatorOf(TopologyEditor editor) {
        return editor == null ? null : (Animator) editor.getAdapter(Animator.class);
    }
}
