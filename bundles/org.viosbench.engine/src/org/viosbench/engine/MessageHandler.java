package org.viosbench.engine;

import org.viosbench.protocol.Errno;

/** A receiving daemon's handler: answers one request. Runs on the receiving VIOS's delivery thread. */
@FunctionalInterface
public interface MessageHandler {

    /**
     * Handles {@code message}. The returned reply is sent back when the sender requested a
     * response; null means an empty successful reply. An exception becomes an error response
     * ({@link Errno#EREMOTEIO}) carrying the exception's message.
     */
    Reply handle(IncomingMessage message) throws Exception;
}
