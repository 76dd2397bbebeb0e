package org.viosbench.cli.bench;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.HdrHistogram.Histogram;
import org.viosbench.engine.Daemon;
import org.viosbench.engine.Message;
import org.viosbench.engine.QueueEntry;
import org.viosbench.engine.Reply;
import org.viosbench.engine.RequestResult;
import org.viosbench.engine.SyscallException;

/**
 * Runs a {@link Workload} in this JVM: on the embedded cluster (transport "local": the in-JVM
 * kcluster), or on N VIOS engines each with its own TCP kcluster end on 127.0.0.1 (transport
 * "tcp": separate TCP endpoints in one process, every packet through the loopback network stack).
 * VIOS 0's sending daemon is the only sender; every other VIOS answers with the first 16
 * bytes of the request. Every request takes the full path daemon, system call, VKE, kcluster, VKE,
 * daemon and back, and every response is checked.
 */
public final class LocalBench {
    static final int HANDLER = 10;
    static final int SENDER = 20;
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    /** A fresh key for an authenticated run. */
    private static byte[] random() {
        byte[] k = new byte[org.viosbench.transport.ClusterKey.LENGTH];
        new java.security.SecureRandom().nextBytes(k);
        return k;
    }

    private LocalBench() {
    }

    /** Runs {@code w}; progress goes to {@code log}. Never returns null. */
    public static BenchResult run(Workload w, String version, PrintWriter log) throws InterruptedException {
        try (BenchCluster cluster = "tcp".equals(w.transport()) ? BenchCluster.tcp(w.nodes())
                : "tcp-auth".equals(w.transport()) ? BenchCluster.tcp(w.nodes(), org.viosbench.transport.ClusterKey.of(random()))
                : "tcp-tls".equals(w.transport()) ? BenchCluster.tcpTls(w.nodes())
                : BenchCluster.local(w.nodes())) {
            cluster.answerOnAllButZero(HANDLER, m -> {
                byte[] out = new byte[16];
                m.payload().getBytes(0, out);
                return Reply.ok(out);
            });
            cluster.awaitFormed();
            Daemon sender = cluster.sender(SENDER);
            long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(50);
            long measureFrom = start + (long) ((w.jitSeconds() + w.warmupSeconds()) * 1e9);
            long measureTo = measureFrom + (long) (w.measureSeconds() * 1e9);
            List<Sender> senders = new ArrayList<>();
            for (int t = 0; t < w.inflight(); t++) {
                senders.add(new Sender(t, w, sender, start, measureFrom, measureTo));
            }
            for (Sender s : senders) {
                s.thread.start();
            }
            Histogram all = new Histogram(TimeUnit.SECONDS.toNanos(60), 3);
            long requests = 0;
            long errors = 0;
            for (Sender s : senders) {
                s.thread.join(TimeUnit.SECONDS.toMillis(120));
                all.add(s.histogram);
                requests += s.ok;
                errors += s.errors;
            }
            log.printf("bench: %s %s N=%d payload=%d inflight=%d: %d requests, %d errors%n", w.scenario(), w.transport(), w.nodes(),
                    w.payload(), w.inflight(), requests, errors);
            return new BenchResult("viosbench", version, w, requests, all.getValueAtPercentile(50) / 1e3,
                    all.getValueAtPercentile(99) / 1e3, all.getValueAtPercentile(99.9) / 1e3, errors);
        }
    }

    /** One closed-loop sender thread. */
    private static final class Sender implements Runnable {
        final Thread thread;
        final Histogram histogram = new Histogram(TimeUnit.SECONDS.toNanos(60), 3);
        final int index;
        final Workload w;
        final Daemon daemon;
        final long start;
        final long measureFrom;
        final long measureTo;
        long ok;
        long errors;

        Sender(int index, Workload w, Daemon daemon, long start, long measureFrom, long measureTo) {
            this.index = index;
            this.w = w;
            this.daemon = daemon;
            this.start = start;
            this.measureFrom = measureFrom;
            this.measureTo = measureTo;
            this.thread = new Thread(this, "bench-sender-" + index);
            this.thread.setDaemon(true);
        }

        @Override
        public void run() {
            while (System.nanoTime() < start) {
                Thread.onSpinWait();
            }
            long counter = 0;
            while (true) {
                long t0 = System.nanoTime();
                if (t0 >= measureTo) {
                    return;
                }
                long seq = ((long) index << 40) | counter++;
                byte[] payload = new byte[w.payload()];
                for (int i = 0; i < 8; i++) {
                    payload[i] = (byte) (seq >>> (56 - 8 * i));
                }
                Message.Builder m = Workload.BCAST_ALL.equals(w.scenario()) ? Message.broadcast() : Message.to(1);
                boolean good;
                try {
                    RequestResult r = daemon.send(m.targetDaemon(HANDLER).payload(payload).expectAll().timeout(TIMEOUT).build()).await();
                    good = valid(r, seq);
                } catch (SyscallException e) {
                    good = false;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                long t1 = System.nanoTime();
                if (t0 >= measureFrom && t1 <= measureTo) {
                    if (good) {
                        ok++;
                        histogram.recordValue(t1 - t0);
                    } else {
                        errors++;
                    }
                }
            }
        }

        private boolean valid(RequestResult r, long seq) {
            if (!r.success() || r.entries().size() != w.responders()) {
                return false;
            }
            for (QueueEntry e : r.entries()) {
                byte[] p = e.payload();
                if (p == null || p.length != 16) {
                    return false;
                }
                long got = 0;
                for (int i = 0; i < 8; i++) {
                    got = (got << 8) | (p[i] & 0xFF);
                }
                if (got != seq) {
                    return false;
                }
            }
            return true;
        }
    }
}
