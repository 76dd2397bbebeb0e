package org.viosbench.cluster;

import java.time.Duration;

import org.viosbench.engine.Daemon;
import org.viosbench.engine.EntryState;
import org.viosbench.engine.Message;
import org.viosbench.engine.QueueEntry;
import org.viosbench.engine.RequestResult;
import org.viosbench.engine.SyscallException;
import org.viosbench.protocol.MessageType;

/**
 * Registration of a joining VIOS with the VIOS database node: a REGISTER request to the
 * registration daemon of the database node; when no answer comes in time (timeout, the node is
 * suspected or cannot be reached, or no registration service runs there yet) it is sent again, at
 * most {@code attempts} times; so it is when the node answers EAGAIN (too many registrations waiting). Any
 * other error answer ends it at once: the database node has spoken.
 */
public final class Registrar {
    /** The daemon id of the registration service on the VIOS database node. */
    public static final int REGISTRATION_DAEMON = 1;

    /** The daemon id a joining VIOS registers from. */
    public static final int JOINING_DAEMON = 2;

    /** How a registration ended: the database node's reply, or why there is none, and the attempts used. */
    public record Result(boolean ok, int attempts, byte[] reply, String error) {
    }

    private Registrar() {
    }

    /** Registers through {@code from} with the database node {@code dbNode}; never hangs longer than attempts x timeout. */
    public static Result register(Daemon from, int dbNode, byte[] payload, Duration timeout, int attempts) throws InterruptedException {
        if (attempts < 1 || timeout.isZero() || timeout.isNegative()) {
            throw new IllegalArgumentException("registration needs at least one attempt and a positive timeout");
        }
        String last = "no attempt made";
        for (int attempt = 1; attempt <= attempts; attempt++) {
            RequestResult r;
            try {
                r = from.send(Message.to(dbNode).type(MessageType.REGISTER).targetDaemon(REGISTRATION_DAEMON).payload(payload)
                        .expectAll().timeout(timeout).build()).await();
            } catch (SyscallException e) {
                last = "attempt " + attempt + ": " + e.getMessage();
                Thread.sleep(timeout.toMillis()); // nothing was sent: wait as long as an answer would have been awaited
                continue;
            }
            QueueEntry e = r.entries().get(0);
            if (e.state() == EntryState.MATCHED) {
                return new Result(true, attempt, e.payload(), null);
            }
            boolean again = e.errorCode() == org.viosbench.protocol.Errno.ENOENT.code() || e.errorCode() == org.viosbench.protocol.Errno.EAGAIN.code();
            if (e.state() == EntryState.ERROR && !again) {
                return new Result(false, attempt, e.payload(), "the VIOS database node refused: errno " + e.errorCode() + ": "
                        + new String(e.payload(), java.nio.charset.StandardCharsets.UTF_8));
            }
            last = "attempt " + attempt + ": " + e.state() + (e.state() != EntryState.ERROR ? ""
                    : e.errorCode() == org.viosbench.protocol.Errno.EAGAIN.code() ? " (the VIOS database node is busy)"
                    : " (no registration service yet on the VIOS database node)");
            if (e.state() == EntryState.ERROR && attempt < attempts) {
                Thread.sleep(timeout.toMillis()); // the service may be starting: give it the time an answer would have had
            }
        }
        return new Result(false, attempts, null, "no answer from the VIOS database node " + Integer.toUnsignedString(dbNode) + " after "
                + attempts + " attempts (" + last + ")");
    }
}
