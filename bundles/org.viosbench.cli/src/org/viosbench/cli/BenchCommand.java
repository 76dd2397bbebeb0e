package org.viosbench.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import org.osgi.framework.FrameworkUtil;
import org.viosbench.cli.bench.BenchResult;
import org.viosbench.cli.bench.LocalBench;
import org.viosbench.cli.bench.Workload;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code viosbench bench}: the workloads of shared/bench/WORKLOAD.md, one JSON line per run on
 * stdout, progress on stderr. Options narrow the default matrix.
 */
@Command(name = "bench", description = { "Run the cluster benchmark workloads (bcast-all, unicast-rr) and print one JSON line per run.",
        "Without options: the default matrix; --quick: the short matrix with shorter timing." })
final class BenchCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = { "-h", "--help" }, usageHelp = true, description = "Show this help and exit.")
    boolean help;

    @Option(names = "--quick", description = "Short matrix (bcast-all N=4,16 and unicast-rr; payload 256) and timing (W=1 s, M=2 s, JIT 1 s).")
    boolean quick;

    @Option(names = "--scenario", split = ",", paramLabel = "S", description = "bcast-all and/or unicast-rr.")
    List<String> scenarios;

    @Option(names = "--transport", split = ",", paramLabel = "T",
            description = { "local (in-JVM kcluster), tcp (N TCP endpoints on 127.0.0.1 in this process, insecure) and/or",
                    "tcp-auth (the same, every connection and frame authenticated with a cluster key) and/or tcp-tls (the same",
                    "with mutual TLS 1.3, certificates from a test CA made for the run)." })
    List<String> transports;

    @Option(names = "--nodes", split = ",", paramLabel = "N", description = "Cluster sizes for bcast-all (unicast-rr uses 2 unless given).")
    List<Integer> nodes;

    @Option(names = "--payload", split = ",", paramLabel = "BYTES", description = "Request payload sizes.")
    List<Integer> payloads;

    @Option(names = "--inflight", split = ",", paramLabel = "K", description = "Closed-loop sender threads.")
    List<Integer> inflights;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter log = spec.commandLine().getErr();
        List<Workload> runs;
        try {
            runs = matrix();
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        String version = String.valueOf(FrameworkUtil.getBundle(BenchCommand.class).getVersion());
        int failures = 0;
        for (Workload w : runs) {
            BenchResult r = LocalBench.run(w, version, log);
            out.println(r.toJson());
            out.flush();
            failures += r.requests() == 0 ? 1 : 0;
        }
        return failures == 0 ? Cli.OK : Cli.FAILURE;
    }

    List<Workload> matrix() {
        List<String> ts = transports == null ? List.of("local", "tcp") : transports;
        for (String t : ts) {
            if (!List.of("local", "tcp", "tcp-auth", "tcp-tls").contains(t)) {
                throw new IllegalArgumentException("transport must be local, tcp, tcp-auth or tcp-tls, not " + t);
            }
        }
        List<String> ss = scenarios == null ? List.of(Workload.BCAST_ALL, Workload.UNICAST_RR) : scenarios;
        List<Integer> ps = payloads == null ? (quick ? List.of(256) : List.of(256, 4096)) : payloads;
        List<Integer> ks = inflights == null ? List.of(1, 16) : inflights;
        double w = quick ? 1 : 2;
        double m = quick ? 2 : 4;
        double jit = quick ? 1 : 3;
        List<Workload> runs = new ArrayList<>();
        for (String t : ts) {
            for (String s : ss) {
                List<Integer> ns = nodes != null ? nodes
                        : s.equals(Workload.UNICAST_RR) ? List.of(2) : quick ? List.of(4, 16) : List.of(4, 16, 32);
                for (int n : ns) {
                    for (int p : ps) {
                        for (int k : ks) {
                            runs.add(new Workload(s, t, n, p, k, w, m, runs.isEmpty() ? jit : 0));
                        }
                    }
                }
            }
        }
        return runs;
    }
}
