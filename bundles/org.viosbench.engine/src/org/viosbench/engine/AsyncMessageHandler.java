package org.viosbench.engine;

import java.util.concurrent.CompletionStage;

/**
 * A handler whose work must not run on the thread that delivers packets (the node's I/O thread, whose
 * heartbeats would wait): it reads what it needs from the message at once, does its work elsewhere,
 * and the reply is sent when the stage completes (an exceptional completion answers EREMOTEIO). The
 * message's bytes are only valid during {@link #handleLater}.
 */
public interface AsyncMessageHandler extends MessageHandler {

    /** Starts handling {@code message}; returns at once. */
    CompletionStage<Reply> handleLater(IncomingMessage message) throws Exception;
}
