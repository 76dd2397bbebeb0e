package org.viosbench.cli.bench;

import java.util.Locale;

/** One run's figures in the JSON line schema of shared/bench/WORKLOAD.md. */
public record BenchResult(String peer, String version, Workload workload, long requests, double p50Micros, double p99Micros,
        double p999Micros, long errors) {

    public double requestsPerSecond() {
        return requests / workload.measureSeconds();
    }

    /** The JSON line. */
    public String toJson() {
        Workload w = workload;
        return String.format(Locale.ROOT,
                "{\"peer\":\"%s\",\"version\":\"%s\",\"scenario\":\"%s\",\"transport\":\"%s\",\"nodes\":%d,\"payload\":%d,"
                        + "\"inflight\":%d,\"seconds\":%.3f,\"requests\":%d,\"req_per_s\":%.1f,\"p50_us\":%.1f,\"p99_us\":%.1f,"
                        + "\"p999_us\":%.1f,\"responders\":%d,\"errors\":%d}",
                peer, version, w.scenario(), w.transport(), w.nodes(), w.payload(), w.inflight(), w.measureSeconds(), requests,
                requestsPerSecond(), p50Micros, p99Micros, p999Micros, w.responders(), errors);
    }
}
