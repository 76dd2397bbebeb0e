package org.viosbench.ui.run;

import org.viosbench.session.ClusterSession;

import java.util.concurrent.atomic.AtomicBoolean;

import org.eclipse.swt.widgets.Display;
import org.viosbench.ui.topology.TopologyEditor;

/**
 * A view of the running cluster of the active topology editor: it follows the editor that is
 * active, and the cluster when it starts and stops, and refreshes (coalesced, on the UI thread)
 * when the cluster reports a change.
 */
abstract class SessionView extends org.viosbench.ui.topology.EditorFollowingView {
    private TopologyEditor editor;
    private ClusterSession session;
    private final AtomicBoolean pending = new AtomicBoolean();
    /** Refreshes at most this often while the cluster keeps reporting changes. */
    static final int REFRESH_DELAY_MS = 150;

    private final org.viosbench.session.SessionListener changed = change -> {
        if (pending.compareAndSet(false, true)) {
            Display d = Display.getDefault();
            d.asyncExec(() -> d.timerExec(REFRESH_DELAY_MS, () -> {
                pending.set(false);
                refresh();
            }));
        }
    };
    private final Runnable sessionChanged = () -> Display.getDefault().asyncExec(() -> follow(editor));

    protected TopologyEditor editor() {
        return editor;
    }

    protected ClusterSession session() {
        return session;
    }

    /** Shows {@code e}'s running cluster from now on. */
    @Override
    protected void follow(TopologyEditor e) {
        if (editor != null && editor != e) {
            editor.removeSessionListener(sessionChanged);
        }
        if (e != null && editor != e) {
            e.addSessionListener(sessionChanged);
        }
        editor = e;
        ClusterSession now = e == null ? null : e.session();
        if (session != now) {
            if (session != null) {
                session.removeListener(changed);
            }
            session = now;
            if (session != null) {
                session.addListener(changed);
            }
        }
        refresh();
    }

    /** Shows the current state; on the UI thread. */
    abstract void refresh();

    /** What the view says when there is nothing to show. */
    protected String idleText() {
        return editor == null ? "No topology open." : session == null ? editor.topology().name() + " is not running: Cluster > Run." : null;
    }

    @Override
    public void dispose() {
        if (session != null) {
            session.removeListener(changed);
        }
        if (editor != null) {
            editor.removeSessionListener(sessionChanged);
        }
        super.dispose();
    }
}
