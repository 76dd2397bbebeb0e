package org.viosbench.cluster;

/** Membership changes of an embedded cluster; called on cluster threads, keep it quick. */
public interface ClusterListener {

    /** VIOS {@code viewer} now sees VIOS {@code vios} in state {@code state}, for {@code reason}. */
    default void viosStateChanged(int viewer, int vios, ViosState state, String reason) {
    }

    /** The cluster state (as the cluster's coordinator sees it) changed. */
    default void clusterStateChanged(ClusterState state) {
    }

    /** VIOS {@code vios} registered with the VIOS database node, or gave up: {@code result} says which. */
    default void registered(int vios, Registrar.Result result) {
    }
}
