package org.viosbench.engine;

import org.viosbench.protocol.Packet;
import org.viosbench.protocol.ReplyTo;
import org.viosbench.protocol.SubHeader;

/** Where responses to a request go: REPLY_TO, else the source VIOS and the originating daemon (else daemon 0). */
final class Responses {

    private Responses() {
    }

    /** {VIOS id, daemon id} that responses to {@code request} are sent to. */
    static int[] replyAddress(Packet request) {
        ReplyTo to = request.subHeader().replyTo();
        if (to != null) {
            return new int[] { to.vios(), to.daemon() };
        }
        int origin = request.subHeader().originatingDaemon();
        return new int[] { request.header().source(), origin == SubHeader.ABSENT ? 0 : origin };
    }
}
