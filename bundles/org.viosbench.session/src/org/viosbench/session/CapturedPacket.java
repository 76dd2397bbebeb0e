package org.viosbench.session;

import org.viosbench.protocol.PacketDissector;

/** A packet as a VIOS handed it to the kcluster: its bytes, who sent it to whom, and when. */
public record CapturedPacket(int number, long timeNanos, String from, String to, byte[] bytes) {

    /** Its fields and bytes, as the Packet Inspector shows them. */
    public PacketDissector.Dissection dissect() {
        return PacketDissector.dissect(bytes);
    }
}
