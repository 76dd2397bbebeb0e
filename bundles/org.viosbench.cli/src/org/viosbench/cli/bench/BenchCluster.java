package org.viosbench.cli.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.viosbench.cluster.ClusterDescription;
import org.viosbench.cluster.ClusterListener;
import org.viosbench.cluster.EmbeddedCluster;
import org.viosbench.cluster.TcpNode;
import org.viosbench.cluster.ViosState;
import org.viosbench.engine.Daemon;
import org.viosbench.engine.MessageHandler;
import org.viosbench.engine.Trace;

/** The N VIOSes a benchmark run uses, on the in-JVM kcluster or on TCP endpoints. */
abstract class BenchCluster implements AutoCloseable {

    abstract Daemon sender(int daemon);

    abstract void answerOnAllButZero(int daemon, MessageHandler handler);

    /** Waits (bounded) until every VIOS can reach every other. */
    abstract void awaitFormed() throws InterruptedException;

    @Override
    public abstract void close();

    static BenchCluster local(int n) {
        EmbeddedCluster c = EmbeddedCluster.start(ClusterDescription.of(n), new Trace(), 1);
        return new BenchCluster() {
            @Override
            Daemon sender(int daemon) {
                return c.node(0).daemon(daemon);
            }

            @Override
            void answerOnAllButZero(int daemon, MessageHandler handler) {
                for (int id : c.ids()) {
                    if (id != 0) {
                        c.registerHandler(id, daemon, handler);
                    }
                }
            }

            @Override
            void awaitFormed() {
                // EmbeddedCluster.start returns a formed cluster
            }

            @Override
            public void close() {
                c.close();
            }
        };
    }

    static BenchCluster tcp(int n) throws InterruptedException {
        return tcp(n, null);
    }

    /** N TCP endpoints, every connection authenticated with {@code key} when it is given. */
    static BenchCluster tcp(int n, org.viosbench.transport.ClusterKey key) throws InterruptedException {
        return tcp(n, key, null);
    }

    /** N TCP endpoints with mutual TLS, their certificates from a test CA made for this run (in a temporary directory). */
    static BenchCluster tcpTls(int n) throws InterruptedException {
        try {
            java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("viosbench-bench-tls");
            org.viosbench.transport.TestCa.write(dir, "bench", java.util.stream.IntStream.range(0, n).boxed().toList());
            return tcp(n, null, dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static BenchCluster tcp(int n, org.viosbench.transport.ClusterKey key, java.nio.file.Path tlsDir) throws InterruptedException {
        Map<Integer, InetSocketAddress> addresses = new HashMap<>();
        for (int i = 0; i < n; i++) {
            try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                addresses.put(i, new InetSocketAddress("127.0.0.1", s.getLocalPort()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        ClusterDescription description = ClusterDescription.of(n);
        List<TcpNode> nodes = new ArrayList<>();
        // the N endpoints share one I/O thread, as VIOSes hosted in one process would: one wake-up serves many sockets
        org.viosbench.transport.TcpIo io = org.viosbench.transport.TcpIo.threads(1);
        for (int i = 0; i < n; i++) {
            org.viosbench.transport.ClusterTls tls;
            try {
                tls = tlsDir == null ? null : org.viosbench.transport.ClusterTls.load(tlsDir, i);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            nodes.add(TcpNode.start(description, addresses, i, new Trace(), new ClusterListener() {
            }, io, key, tls));
        }
        return new BenchCluster() {
            @Override
            Daemon sender(int daemon) {
                return nodes.get(0).node().daemon(daemon);
            }

            @Override
            void answerOnAllButZero(int daemon, MessageHandler handler) {
                for (int i = 1; i < nodes.size(); i++) {
                    nodes.get(i).node().registerHandler(daemon, handler);
                }
            }

            @Override
            void awaitFormed() throws InterruptedException {
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
                while (System.nanoTime() < deadline) {
                    boolean formed = nodes.stream().allMatch(a -> a.view().size() == n - 1
                            && a.view().values().stream().allMatch(s -> s == ViosState.UP)
                            && nodes.stream().allMatch(b -> a.node().kcluster().isReachable(b.node().id())));
                    if (formed) {
                        return;
                    }
                    Thread.sleep(10);
                }
                throw new IllegalStateException("the TCP cluster of " + n + " did not form within 20 s");
            }

            @Override
            public void close() {
                nodes.forEach(TcpNode::close);
                io.close();
            }
        };
    }
}
