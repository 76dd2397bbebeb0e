package org.viosbench.protocol.bench;

import java.util.Collection;
import java.util.Locale;

import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * Runs {@link CodecBench} with JMH and prints one JSON line per operation and payload size on
 * stdout (JMH's own log goes to stderr). {@code --quick}: shorter warm-up and measurement;
 * {@code --op decode|decodeTrusted|encode}: one operation only.
 */
public final class CodecBenchmarks {

    private CodecBenchmarks() {
    }

    public static void main(String[] args) throws RunnerException {
        java.util.List<String> list = java.util.Arrays.asList(args);
        boolean quick = list.contains("--quick");
        int opIndex = list.indexOf("--op");
        String include = CodecBench.class.getName() + (opIndex >= 0 && opIndex + 1 < list.size() ? "\\." + list.get(opIndex + 1) + "$" : "");
        ChainedOptionsBuilder options = new OptionsBuilder().include(include)
                .forks(1).threads(1)
                .warmupIterations(quick ? 2 : 5).warmupTime(TimeValue.seconds(1))
                .measurementIterations(quick ? 3 : 5).measurementTime(TimeValue.seconds(1))
                .jvmArgsAppend("-Xms512m", "-Xmx512m", "--sun-misc-unsafe-memory-access=allow")
                .verbosity(VerboseMode.SILENT);
        Collection<RunResult> results = new Runner(options.build()).run();
        for (RunResult r : results) {
            String op = r.getParams().getBenchmark();
            op = op.substring(op.lastIndexOf('.') + 1);
            double opsPerSecond = r.getPrimaryResult().getScore();
            double error = r.getPrimaryResult().getScoreError();
            System.out.println(String.format(Locale.ROOT,
                    "{\"bench\":\"codec\",\"op\":\"%s\",\"payload\":%s,\"threads\":1,\"ops_per_s\":%.0f,\"error_ops_per_s\":%.0f,"
                            + "\"ns_per_op\":%.1f,\"java\":\"%s\"}",
                    op, r.getParams().getParam("payload"), opsPerSecond, Double.isNaN(error) ? 0 : error, 1e9 / opsPerSecond,
                    Runtime.version()));
        }
    }
}
