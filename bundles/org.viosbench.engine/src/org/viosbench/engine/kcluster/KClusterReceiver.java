package org.viosbench.engine.kcluster;

import io.netty.buffer.ByteBuf;

/** Receives packets from the kcluster interface (the VKE's receive path). */
@FunctionalInterface
public interface KClusterReceiver {

    /**
     * One packet's bytes from VIOS {@code from}. The bytes are valid during the call only; copy
     * what must outlive it. Called on one kcluster thread per receiving VIOS.
     */
    void receive(int from, ByteBuf packet);
}
