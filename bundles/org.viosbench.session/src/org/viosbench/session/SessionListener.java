package org.viosbench.session;

/** Hears what changes in a {@link ClusterSession}, on a cluster thread or the caller's: hand over to a UI thread. */
@FunctionalInterface
public interface SessionListener {
    void changed(SessionEvent event);
}
