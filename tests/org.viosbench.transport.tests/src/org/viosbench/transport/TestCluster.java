package org.viosbench.transport;

import java.util.ArrayList;
import java.util.List;

import org.viosbench.engine.Reply;
import org.viosbench.engine.Trace;
import org.viosbench.engine.ViosNode;

/** N real VIOS engines on one in-JVM fabric; every VIOS runs an echo handler on daemon {@link #ECHO}. */
final class TestCluster implements AutoCloseable {
    static final int ECHO = 10;
    static final int SENDER = 20;

    final InJvmFabric fabric = new InJvmFabric();
    final Trace trace = new Trace();
    final List<ViosNode> nodes = new ArrayList<>();

    TestCluster(int n) {
        for (int i = 0; i < n; i++) {
            ViosNode node = new ViosNode("vios" + i, fabric.join(i), trace);
            int self = i;
            node.registerHandler(ECHO, m -> {
                byte[] in = m.payloadBytes();
                byte[] out = new byte[in.length + 1];
                System.arraycopy(in, 0, out, 0, in.length);
                out[in.length] = (byte) self; // who answered
                return Reply.ok(out);
            });
            nodes.add(node);
        }
    }

    ViosNode node(int i) {
        return nodes.get(i);
    }

    @Override
    public void close() {
        for (ViosNode n : nodes) {
            n.close();
        }
        fabric.close();
    }
}
