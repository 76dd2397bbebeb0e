package org.viosbench.ui.topology.parts;

import org.eclipse.gef.commands.Command;
import org.eclipse.gef.editpolicies.GraphicalNodeEditPolicy;
import org.eclipse.gef.requests.ReconnectRequest;

/**
 * A node policy for connections that are drawn from one partition to another and never re-attached
 * (a mapping is deleted and drawn again; a fire drag leaves nothing behind): reconnecting is refused.
 */
public abstract class DrawnConnections extends GraphicalNodeEditPolicy {

    @Override
    protected final Command getReconnectTargetCommand(ReconnectRequest request) {
        return null;
    }

    @Override
    protected final Command getReconnectSourceCommand(ReconnectRequest request) {
        return null;
    }
}
