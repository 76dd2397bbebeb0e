package org.viosbench.engine;

import org.viosbench.protocol.Errno;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;

import org.viosbench.protocol.Packet;
import org.viosbench.protocol.PacketEncoder;
import org.viosbench.protocol.PacketHeader;
import org.viosbench.protocol.ReplyTo;
import org.viosbench.protocol.ResponseSpec;
import org.viosbench.protocol.SubHeader;
import org.viosbench.protocol.Wire;


/**
 * A daemon of one VIOS, identified by its handler id. As a sending daemon it builds packets
 * (header, sub-header, payload), creates the response queue when responses are wanted, and passes
 * the packet to its VKE through the system-call interface. As a receiving daemon it runs its
 * {@link MessageHandler} on requests and sends the reply back; responses it receives are matched
 * in the VIOS's response queues.
 */
public final class Daemon {
    private final ViosNode node;
    private final int id;
    private static final System.Logger LOG = System.getLogger(Daemon.class.getName());
    private final AtomicInteger sequence = new AtomicInteger();
    /** Requests whose handler threw (each answered EREMOTEIO, logged and traced). */
    private final java.util.concurrent.atomic.AtomicLong handlerFailures = new java.util.concurrent.atomic.AtomicLong();
    private volatile MessageHandler handler;

    Daemon(ViosNode node, int id) {
        this.node = node;
        this.id = id;
    }

    public int id() {
        return id;
    }

    public ViosNode node() {
        return node;
    }

    /** Sets (or with null removes) the handler for requests addressed to this daemon. */
    public void setHandler(MessageHandler h) {
        this.handler = h;
    }

    /**
     * Builds the packet for {@code message} and sends it. When responses are wanted, the response
     * queue (one entry per destination, or per other member for a broadcast) exists before the
     * packet leaves.
     *
     * @throws SyscallException when the system call refused the packet; nothing was sent then
     */
    public Request send(Message message) throws SyscallException {
        return send(message, null);
    }

    /**
     * As {@link #send(Message)}, telling {@code beforeSend} (when not null) the message id the
     * request gets before anything of it is queued, traced or sent: a caller that watches the
     * trace knows its own packets from their first hop.
     */
    public Request send(Message message, java.util.function.LongConsumer beforeSend) throws SyscallException {
        int self = node.id();
        Trace trace = node.trace();
        if (message.payload().length > Wire.MAX_PAYLOAD_LENGTH) {
            throw new SyscallException(Errno.EMSGSIZE, "payload of " + message.payload().length + " bytes, the limit is "
                    + Wire.MAX_PAYLOAD_LENGTH);
        }
        long messageId = node.correlator().nextMessageId();
        if (beforeSend != null) {
            beforeSend.accept(messageId);
        }
        int[] responders = message.isBroadcast()
                ? Arrays.stream(node.syscall().members()).filter(m -> m != self).toArray()
                : message.destinations();
        SubHeader.Builder sub = SubHeader.builder().targetDaemon(message.targetDaemon()).originatingDaemon(id);
        int flags = message.isBroadcast() ? Wire.FLAG_BROADCAST : 0;
        ResponseSpec spec = null;
        if (message.responsesWanted()) {
            spec = spec(message, responders.length);
            flags |= Wire.FLAG_RESPONSE_REQUESTED;
            sub.responses(spec).timeoutMillis((int) message.timeout().toMillis()).replyTo(new ReplyTo(self, id));
        }
        Packet packet;
        try {
            packet = new Packet(new PacketHeader(message.type(), flags, self, messageId, sequence.incrementAndGet(),
                    message.isBroadcast() ? new int[0] : responders), sub.build(), message.payload());
        } catch (IllegalArgumentException e) {
            throw new SyscallException(Errno.EINVAL, e.getMessage());
        }
        byte[] bytes = PacketEncoder.INSTANCE.encodeToArray(packet);
        ResponseQueue queue = spec == null ? null
                : node.correlator().register(messageId, message.type(), flags, responders, spec, (int) message.timeout().toMillis());
        if (trace.enabled()) {
            trace.emit(self, Layer.DAEMON, TraceKind.SEND, packet.header(), message.isBroadcast() ? -1 : responders[0], bytes.length,
                    message.type().name());
        }
        Errno e = node.syscall().send(bytes);
        if (e != Errno.OK) {
            if (queue != null) {
                node.correlator().abort(messageId, e);
            }
            throw new SyscallException(e, "message " + messageId + " to "
                    + (message.isBroadcast() ? "all" : Arrays.toString(responders)));
        }
        return new Request(messageId, queue, node.kcluster().awaitIdle());
    }

    private static ResponseSpec spec(Message m, int responders) throws SyscallException {
        if (responders == 0) {
            throw new SyscallException(Errno.ENXIO, "a broadcast with responses needs another member; this VIOS is alone");
        }
        try {
            return switch (m.policy()) {
                case ALL -> ResponseSpec.all(responders);
                case FIRST -> ResponseSpec.first(responders);
                case N_OF_M -> ResponseSpec.nOfM(m.required(), responders);
            };
        } catch (IllegalArgumentException ex) {
            throw new SyscallException(Errno.EINVAL, ex.getMessage());
        }
    }

    /** Copy-out target: a packet for this daemon, over its own copy of the bytes (parsed and verified by the VKE). */
    void deliver(Packet p) {
        if (p.header().isResponse()) {
            node.correlator().onResponse(p);
            return;
        }
        if (handler instanceof AsyncMessageHandler later) {
            handleLater(later, p);
            return;
        }
        respond(p, handle(p));
    }

    /** Hands {@code p} to {@code h}; its reply is traced and sent when it comes, from whichever thread completes it. */
    private void handleLater(AsyncMessageHandler h, Packet p) {
        java.util.concurrent.CompletionStage<Reply> stage;
        try {
            stage = h.handleLater(new IncomingMessage(p));
        } catch (Exception | LinkageError ex) {
            respond(p, handled(p, null, ex));
            return;
        }
        Packet header = p.withoutPayload(); // the delivered bytes are not ours after this returns
        stage.whenComplete((reply, ex) -> respond(header, handled(header, reply, ex)));
    }

    /** Sends {@code reply} to {@code p}'s sender when it asked for one. */
    private void respond(Packet p, Reply reply) {
        if (!p.header().responseRequested()) {
            return;
        }
        int[] to = Responses.replyAddress(p);
        SubHeader.Builder sub = SubHeader.builder().targetDaemon(to[1]).originatingDaemon(id);
        int flags = Wire.FLAG_RESPONSE;
        if (reply.isError()) {
            flags |= Wire.FLAG_ERROR;
            sub.errorCode(reply.errorCode());
        }
        Packet response = new Packet(new PacketHeader(p.header().type(), flags, node.id(), p.header().messageId(),
                sequence.incrementAndGet(), to[0]), sub.build(), reply.payload());
        Errno e = node.syscall().send(PacketEncoder.INSTANCE.encodeToArray(response));
        if (e != Errno.OK && node.trace().enabled()) {
            node.trace().emit(node.id(), Layer.DAEMON, TraceKind.DROP, response.header(), to[0], -1,
                    "response not sent: " + e.name());
        }
    }

    /** How many times this daemon's handler threw. */
    public long handlerFailures() {
        return handlerFailures.get();
    }

    private Reply handle(Packet p) {
        MessageHandler h = handler;
        if (h == null) {
            return handled(p, Reply.error(Errno.ENOENT, "daemon " + id + " on VIOS " + Integer.toUnsignedString(node.id()) + " has no handler"),
                    null);
        }
        try {
            return handled(p, h.handle(new IncomingMessage(p)), null);
        } catch (Exception | LinkageError ex) {
            return handled(p, null, ex);
        }
    }

    /** The reply to send for {@code p}: {@code answer} (null: an empty ok), or EREMOTEIO when the handler failed with {@code ex}; traced. */
    private Reply handled(Packet p, Reply answer, Throwable ex) {
        Reply reply = answer == null ? Reply.ok(new byte[0]) : answer;
        String failure = null;
        if (ex != null) {
            Throwable cause = ex instanceof java.util.concurrent.CompletionException && ex.getCause() != null ? ex.getCause() : ex;
            failure = cause.getClass().getSimpleName() + ": " + cause.getMessage();
            reply = Reply.error(Errno.EREMOTEIO, failure);
            long n = handlerFailures.incrementAndGet();
            LOG.log(System.Logger.Level.WARNING, "the handler of " + this + " threw on message " + MessageIds.label(p.header().messageId())
                    + " (failure " + n + "); answered EREMOTEIO", cause);
        }
        if (node.trace().enabled()) {
            node.trace().emit(node.id(), Layer.DAEMON, TraceKind.HANDLE, p.header(), p.header().source(),
                    reply.payload().length, failure != null ? "handler threw " + failure + "; errno " + reply.errorCode()
                            : reply.isError() ? "errno " + reply.errorCode() : "ok");
        }
        return reply;
    }

    @Override
    public String toString() {
        return "Daemon[" + id + " on VIOS " + Integer.toUnsignedString(node.id()) + "]";
    }
}
