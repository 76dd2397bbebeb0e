package org.viosbench.engine.kcluster;

/** Membership changes as one kcluster end sees them. */
public interface MembershipListener {

    /** VIOS {@code vios} joined (or came back). */
    default void nodeJoined(int vios) {
    }

    /** VIOS {@code vios} left, was stopped or is suspected; {@code reason} is for people. */
    void nodeLeft(int vios, String reason);
}
