package org.viosbench.bench.jgroups;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import org.HdrHistogram.Histogram;
import org.jgroups.Address;
import org.jgroups.BytesMessage;
import org.jgroups.JChannel;
import org.jgroups.blocks.MessageDispatcher;
import org.jgroups.blocks.RequestOptions;
import org.jgroups.protocols.FRAG4;
import org.jgroups.protocols.MFC;
import org.jgroups.protocols.SHARED_LOOPBACK;
import org.jgroups.protocols.SHARED_LOOPBACK_PING;
import org.jgroups.protocols.TCP;
import org.jgroups.protocols.TCPPING;
import org.jgroups.protocols.UFC;
import org.jgroups.protocols.UNICAST3;
import org.jgroups.protocols.pbcast.GMS;
import org.jgroups.protocols.pbcast.NAKACK2;
import org.jgroups.protocols.pbcast.STABLE;
import org.jgroups.stack.Protocol;
import org.jgroups.util.Rsp;
import org.jgroups.util.RspList;

/**
 * The reference peer: shared/bench/WORKLOAD.md's workloads on JGroups, member 0 the only sender,
 * the others answering with the request's first 16 bytes; same options and JSON lines as
 * {@code viosbench bench}. Broadcasts exclude the sender (N-1 responders).
 */
public final class JGroupsBench {
    private static final String VERSION = org.jgroups.Version.printVersion();
    /** As JGroups' own RPC benchmarks send them: out of band, not bundled. */
    private static final org.jgroups.Message.Flag[] FLAGS = { org.jgroups.Message.Flag.OOB, org.jgroups.Message.Flag.DONT_BUNDLE };

    private JGroupsBench() {
    }

    public static void main(String[] args) throws Exception {
        List<String> a = Arrays.asList(args);
        boolean quick = a.contains("--quick");
        List<String> scenarios = list(a, "--scenario", List.of("bcast-all", "unicast-rr"));
        List<String> transports = list(a, "--transport", List.of("local", "tcp"));
        List<String> payloads = list(a, "--payload", quick ? List.of("256") : List.of("256", "4096"));
        List<String> inflights = list(a, "--inflight", List.of("1", "16"));
        List<String> nodesOpt = a.contains("--nodes") ? list(a, "--nodes", null) : null;
        double w = quick ? 1 : 2;
        double m = quick ? 2 : 4;
        boolean first = true;
        for (String t : transports) {
            for (String s : scenarios) {
                List<String> ns = nodesOpt != null ? nodesOpt
                        : s.equals("unicast-rr") ? List.of("2") : quick ? List.of("4", "16") : List.of("4", "16", "32");
                for (String n : ns) {
                    for (String p : payloads) {
                        for (String k : inflights) {
                            System.out.println(run(s, t, Integer.parseInt(n), Integer.parseInt(p), Integer.parseInt(k), w, m,
                                    first ? (quick ? 1 : 3) : 0));
                            System.out.flush();
                            first = false;
                        }
                    }
                }
            }
        }
        System.exit(0);
    }

    private static List<String> list(List<String> args, String name, List<String> otherwise) {
        int i = args.indexOf(name);
        return i >= 0 && i + 1 < args.size() ? Arrays.asList(args.get(i + 1).split(",")) : otherwise;
    }

    private static Protocol[] stack(String transport, int index, List<InetSocketAddress> hosts) throws Exception {
        if (transport.equals("local")) {
            return new Protocol[] { new SHARED_LOOPBACK(), new SHARED_LOOPBACK_PING(), new NAKACK2(), new UNICAST3(), new STABLE(),
                    new GMS().setJoinTimeout(1000), new FRAG4() };
        }
        TCP tcp = new TCP();
        tcp.setValue("bind_addr", InetAddress.getLoopbackAddress());
        tcp.setValue("bind_port", hosts.get(index).getPort());
        tcp.setValue("port_range", 0);
        return new Protocol[] { tcp, new TCPPING().setInitialHosts(hosts), new NAKACK2(), new UNICAST3(), new STABLE(),
                new GMS().setJoinTimeout(2000), new UFC(), new MFC(), new FRAG4() };
    }

    static String run(String scenario, String transport, int n, int payload, int inflight, double warm, double measure, double jit)
            throws Exception {
        List<InetSocketAddress> hosts = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                hosts.add(new InetSocketAddress(InetAddress.getLoopbackAddress(), s.getLocalPort()));
            }
        }
        List<JChannel> channels = new ArrayList<>();
        List<MessageDispatcher> dispatchers = new ArrayList<>();
        try {
            for (int i = 0; i < n; i++) {
                JChannel ch = new JChannel(stack(transport, i, hosts)).name("vios" + i);
                MessageDispatcher d = new MessageDispatcher(ch,
                        msg -> Arrays.copyOfRange(msg.getArray(), msg.getOffset(), msg.getOffset() + 16));
                ch.connect("viosbench-" + transport + "-" + n);
                channels.add(ch);
                dispatchers.add(d);
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (channels.get(0).getView().size() < n && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            Address self = channels.get(0).getAddress();
            Address one = channels.get(1).getAddress();
            MessageDispatcher sender = dispatchers.get(0);
            int responders = scenario.equals("bcast-all") ? n - 1 : 1;
            long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(50);
            long from = start + (long) ((jit + warm) * 1e9);
            long to = from + (long) (measure * 1e9);
            List<Thread> threads = new ArrayList<>();
            Histogram[] hist = new Histogram[inflight];
            long[] ok = new long[inflight];
            long[] errors = new long[inflight];
            for (int t = 0; t < inflight; t++) {
                int index = t;
                hist[t] = new Histogram(TimeUnit.SECONDS.toNanos(60), 3);
                Thread th = new Thread(() -> {
                    while (System.nanoTime() < start) {
                        Thread.onSpinWait();
                    }
                    long counter = 0;
                    while (true) {
                        long t0 = System.nanoTime();
                        if (t0 >= to) {
                            return;
                        }
                        long seq = ((long) index << 40) | counter++;
                        byte[] p = new byte[payload];
                        for (int i = 0; i < 8; i++) {
                            p[i] = (byte) (seq >>> (56 - 8 * i));
                        }
                        boolean good;
                        try {
                            if (responders == 1) {
                                byte[] r = sender.sendMessage(new BytesMessage(one, p), RequestOptions.SYNC().timeout(5000).flags(FLAGS));
                                good = valid(r, seq);
                            } else {
                                RspList<byte[]> rsps = sender.castMessage(null, new BytesMessage(null, p),
                                        RequestOptions.SYNC().timeout(5000).flags(FLAGS).exclusionList(self));
                                good = rsps.size() == responders;
                                for (Rsp<byte[]> r : rsps.values()) {
                                    good &= r.wasReceived() && valid(r.getValue(), seq);
                                }
                            }
                        } catch (Exception e) {
                            good = false;
                        }
                        long t1 = System.nanoTime();
                        if (t0 >= from && t1 <= to) {
                            if (good) {
                                ok[index]++;
                                hist[index].recordValue(t1 - t0);
                            } else {
                                errors[index]++;
                            }
                        }
                    }
                });
                th.setDaemon(true);
                threads.add(th);
                th.start();
            }
            Histogram all = new Histogram(TimeUnit.SECONDS.toNanos(60), 3);
            long requests = 0;
            long errs = 0;
            for (int t = 0; t < inflight; t++) {
                threads.get(t).join(120_000);
                all.add(hist[t]);
                requests += ok[t];
                errs += errors[t];
            }
            return String.format(Locale.ROOT,
                    "{\"peer\":\"jgroups\",\"version\":\"%s\",\"scenario\":\"%s\",\"transport\":\"%s\",\"nodes\":%d,\"payload\":%d,"
                            + "\"inflight\":%d,\"seconds\":%.3f,\"requests\":%d,\"req_per_s\":%.1f,\"p50_us\":%.1f,\"p99_us\":%.1f,"
                            + "\"p999_us\":%.1f,\"responders\":%d,\"errors\":%d}",
                    VERSION, scenario, transport, n, payload, inflight, measure, requests, requests / measure,
                    all.getValueAtPercentile(50) / 1e3, all.getValueAtPercentile(99) / 1e3, all.getValueAtPercentile(99.9) / 1e3,
                    responders, errs);
        } finally {
            for (int i = channels.size() - 1; i >= 0; i--) {
                channels.get(i).close();
            }
        }
    }

    private static boolean valid(byte[] r, long seq) {
        if (r == null || r.length != 16) {
            return false;
        }
        long got = 0;
        for (int i = 0; i < 8; i++) {
            got = (got << 8) | (r[i] & 0xFF);
        }
        return got == seq;
    }
}
