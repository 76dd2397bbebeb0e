package org.viosbench.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.viosbench.db.ClusterConfig;
import org.viosbench.db.DatabaseException;
import org.viosbench.db.DatabaseLocation;
import org.viosbench.db.ViosDatabase;

import com.fasterxml.jackson.databind.node.ObjectNode;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code viosbench db init|status|export|import|trace-bench}: the VIOS database (embedded, or served by {@code db-server}). */
@Command(name = "db", description = "The VIOS database: create or migrate it (init), show its schema and contents (status), "
        + "export or import its cluster configuration as JSON, measure the trace store (trace-bench).",
        subcommands = { DbCommand.Init.class, DbCommand.Status.class, DbCommand.Export.class, DbCommand.Import.class, DbCommand.RecordBench.class,
                DbCommand.TraceBench.class })
final class DbCommand extends GroupCommand {

    static int report(CommandSpec spec, DatabaseLocation where, boolean withContents) {
        ObjectNode out = Json.object().put("db", where.toString());
        try (ViosDatabase db = ViosDatabase.open(where)) {
            out.put("ok", true).put("schemaVersion", db.schemaVersion()).put("latestVersion", ViosDatabase.LATEST_VERSION);
            if (withContents) {
                ClusterConfig c = db.config().load().orElse(null);
                ObjectNode cluster = out.putObject("cluster");
                if (c == null) {
                    cluster.put("configured", false);
                } else {
                    cluster.put("configured", true).put("name", c.name()).put("cecs", c.cecs().size()).put("vioses", c.vioses().size())
                            .put("lpars", c.lpars().size()).put("mappings", c.mappings().size()).put("logicalUnits", c.logicalUnits().size());
                }
            }
            Json.print(spec.commandLine().getOut(), out);
            return Cli.OK;
        } catch (DatabaseException e) {
            return Json.fail(spec, out, e.getMessage());
        }
    }

    @Command(name = "init", description = "Create the VIOS database, or migrate it to this viosbench's schema; prints its state as JSON.")
    static final class Init extends DbSubcommand {

        @Override
        public Integer call() {
            return report(spec, location.resolve(spec), false);
        }
    }

    /** Says there is no VIOS database at {@code where} (nothing is created) and returns the failure code. */
    static int noDatabase(CommandSpec spec, DatabaseLocation where) {
        Json.print(spec.commandLine().getOut(), Json.object().put("db", where.toString()).put("ok", false)
                .put("error", "no VIOS database in " + where + " (create it with: viosbench db init --db " + where + ")"));
        return Cli.FAILURE;
    }

    @Command(name = "status", description = "Print the schema version and what the VIOS database holds, as JSON.")
    static final class Status extends DbSubcommand {

        @Override
        public Integer call() {
            DatabaseLocation where = location.resolve(spec);
            return where.exists() ? report(spec, where, true) : noDatabase(spec, where);
        }
    }

    @Command(name = "trace-bench", description = { "Measure how many trace events per second the trace store keeps writing",
            "(batches of 10,000 events by default, one row and one transaction each) into a fresh database; prints one JSON line." })
    static final class TraceBench implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = { "-h", "--help" }, usageHelp = true, description = "Show this help and exit.")
        boolean help;

        @Option(names = "--events", paramLabel = "N", description = "Events to write (default 500000).")
        int events = 500_000;

        @Option(names = "--db", paramLabel = "DIR", description = "Where to create the scratch database (default: a temporary directory).")
        Path dir;

        @Option(names = "--progress", description = "Print {\"committed\": N} after every committed batch.")
        boolean progress;

        @Override
        public Integer call() throws java.io.IOException {
            if (events < org.viosbench.db.TraceRecorder.BATCH) {
                throw new ParameterException(spec.commandLine(), "--events must be at least " + org.viosbench.db.TraceRecorder.BATCH);
            }
            Path where = dir != null ? dir : java.nio.file.Files.createTempDirectory("viosbench-trace-bench").resolve("db");
            try (ViosDatabase db = ViosDatabase.open(where)) {
                org.viosbench.db.TraceStore store = db.traces();
                long run = store.startRun("trace-bench");
                java.util.List<org.viosbench.engine.TraceEvent> batch = new java.util.ArrayList<>();
                org.viosbench.engine.Layer[] layers = org.viosbench.engine.Layer.values();
                org.viosbench.engine.TraceKind[] kinds = org.viosbench.engine.TraceKind.values();
                long start = System.nanoTime();
                for (int i = 0; i < events; i++) {
                    batch.add(new org.viosbench.engine.TraceEvent(System.nanoTime(), i % 16, layers[i % layers.length], kinds[i % kinds.length],
                            i / 8, (i + 1) % 16, 300, "ok"));
                    if (batch.size() == org.viosbench.db.TraceRecorder.BATCH) {
                        store.append(run, i + 1L - batch.size(), batch);
                        batch.clear();
                        if (progress) {
                            Json.print(spec.commandLine().getOut(), Json.object().put("run", run).put("committed", i + 1L));
                        }
                    }
                }
                if (!batch.isEmpty()) {
                    store.append(run, events - batch.size(), batch);
                }
                double seconds = (System.nanoTime() - start) / 1e9;
                Json.print(spec.commandLine().getOut(), Json.object().put("bench", "trace-store").put("events", events)
                        .put("batch", org.viosbench.db.TraceRecorder.BATCH).put("seconds", Math.round(seconds * 1000) / 1000.0)
                        .put("events_per_s", Math.round(events / seconds)).put("db", where.toString()));
                return Cli.OK;
            } catch (DatabaseException e) {
                return Json.fail(spec, Json.object().put("bench", "trace-store"), e.getMessage());
            }
        }
    }

    @Command(name = "record-bench", description = { "What recording a running cluster into its VIOS database costs: the small sample runs",
            "broadcasts from vios1 (16 in flight, every response expected) for --seconds, alternately without and with its database",
            "(state changes, and every trace event into the trace store), --rounds times each. One JSON line per round, then the",
            "medians side by side (requests/s and trace events/s; with: stored and dropped events)." })
    static final class RecordBench implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = { "-h", "--help" }, usageHelp = true, description = "Show this help and exit.")
        boolean help;

        @Option(names = "--seconds", paramLabel = "S", description = "Length of each round (default ${DEFAULT-VALUE}).")
        int seconds = 5;

        @Option(names = "--rounds", paramLabel = "N", description = "Rounds of each kind (default ${DEFAULT-VALUE}).")
        int rounds = 3;

        @Override
        public Integer call() throws Exception {
            if (seconds < 1 || seconds > 600 || rounds < 1 || rounds > 20) {
                throw new ParameterException(spec.commandLine(), "--seconds must be 1..600 and --rounds 1..20");
            }
            java.util.List<Double> off = new java.util.ArrayList<>();
            java.util.List<Double> on = new java.util.ArrayList<>();
            java.util.List<Double> offEvents = new java.util.ArrayList<>();
            java.util.List<Double> onEvents = new java.util.ArrayList<>();
            Path scratch = java.nio.file.Files.createTempDirectory("viosbench-record-bench");
            for (int r = 0; r < rounds; r++) {
                for (boolean recording : new boolean[] { false, true }) {
                    com.fasterxml.jackson.databind.node.ObjectNode line = round(recording, scratch.resolve("db-" + r), r);
                    Json.print(spec.commandLine().getOut(), line);
                    (recording ? on : off).add(line.path("requestsPerSecond").asDouble());
                    (recording ? onEvents : offEvents).add(line.path("traceEventsPerSecond").asDouble());
                }
            }
            double medOff = median(off);
            double medOn = median(on);
            Json.print(spec.commandLine().getOut(), Json.object().put("bench", "record").put("summary", true).put("rounds", rounds)
                    .put("seconds", seconds).put("requestsPerSecondWithout", Math.round(medOff)).put("requestsPerSecondWith", Math.round(medOn))
                    .put("traceEventsPerSecondWithout", Math.round(median(offEvents))).put("traceEventsPerSecondWith", Math.round(median(onEvents)))
                    .put("ratio", Math.round(medOn / medOff * 100) / 100.0));
            return Cli.OK;
        }

        private static double median(java.util.List<Double> v) {
            java.util.List<Double> s = v.stream().sorted().toList();
            return s.size() % 2 == 1 ? s.get(s.size() / 2) : (s.get(s.size() / 2 - 1) + s.get(s.size() / 2)) / 2;
        }

        private com.fasterxml.jackson.databind.node.ObjectNode round(boolean recording, Path dbDir, int r) throws Exception {
            org.viosbench.topology.Topology t = org.viosbench.topology.Samples.build("small");
            try (org.viosbench.session.ClusterSession s = org.viosbench.session.ClusterSession.start(t)) {
                java.util.concurrent.atomic.LongAdder events = new java.util.concurrent.atomic.LongAdder();
                s.cluster().trace().addListener(e -> events.increment());
                org.viosbench.session.SessionDatabase d = recording ? s.attachDatabase(dbDir) : null;
                long deadlineUp = System.nanoTime() + 10_000_000_000L;
                while (s.cluster().state() != org.viosbench.cluster.ClusterState.OK && System.nanoTime() < deadlineUp) {
                    Thread.sleep(10);
                }
                Thread.sleep(300); // registrations settle
                org.viosbench.engine.Daemon sender = s.cluster().node(1).daemon(20);
                org.viosbench.engine.Message m = org.viosbench.engine.Message.broadcast().targetDaemon(10).payload(new byte[256]).expectAll().build();
                java.util.ArrayDeque<org.viosbench.engine.Request> inFlight = new java.util.ArrayDeque<>();
                long done = 0;
                long failed = 0;
                long eventsBefore = events.sum();
                long start = System.nanoTime();
                long end = start + seconds * 1_000_000_000L;
                while (System.nanoTime() < end) {
                    if (inFlight.size() == 16) {
                        org.viosbench.engine.RequestResult res = inFlight.poll().await(java.time.Duration.ofSeconds(10));
                        done++;
                        failed += res.success() ? 0 : 1;
                    }
                    inFlight.add(sender.send(m));
                }
                while (!inFlight.isEmpty()) {
                    org.viosbench.engine.RequestResult res = inFlight.poll().await(java.time.Duration.ofSeconds(10));
                    done++;
                    failed += res.success() ? 0 : 1;
                }
                double elapsed = (System.nanoTime() - start) / 1e9;
                long traced = events.sum() - eventsBefore;
                com.fasterxml.jackson.databind.node.ObjectNode line = Json.object().put("bench", "record").put("round", r).put("recording", recording)
                        .put("requests", done).put("failed", failed).put("requestsPerSecond", Math.round(done / elapsed))
                        .put("traceEventsPerSecond", Math.round(traced / elapsed));
                if (d != null) {
                    long[] stored = d.traceEvents();
                    line.put("storedSoFar", stored[0]).put("dropped", stored[1]);
                }
                return line;
            }
        }
    }

    @Command(name = "export", description = "Write the cluster configuration of the VIOS database to a JSON file.")
    static final class Export extends JsonFileCommand {

        @Override
        public Integer call() throws java.io.IOException {
            DatabaseLocation where = location.resolve(spec);
            if (!where.exists()) { // reading creates nothing
                return noDatabase(spec, where);
            }
            try (ViosDatabase db = ViosDatabase.open(where)) {
                ClusterConfig c = db.config().load().orElse(null);
                if (c == null) {
                    return fail("the VIOS database holds no cluster configuration");
                }
                java.nio.file.Files.writeString(file, Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(org.viosbench.db.ConfigJson.toJson(c)) + "\n");
                Json.print(spec.commandLine().getOut(), Json.object().put("ok", true).put("file", file.toString()).put("vioses", c.vioses().size()));
                return Cli.OK;
            } catch (DatabaseException e) {
                return fail(e.getMessage());
            }
        }
    }

    @Command(name = "import", description = { "Replace the cluster configuration of the VIOS database with a JSON file's.",
            "A bad file changes nothing; the error says what is wrong and where (line and column, or JSON path)." })
    static final class Import extends JsonFileCommand {

        @Override
        public Integer call() throws java.io.IOException {
            ClusterConfig config;
            try {
                config = org.viosbench.db.ConfigJson.fromJson(org.viosbench.json.StrictJson.file(file, org.viosbench.json.InputFiles.DEFAULT_MAX_BYTES));
            } catch (java.nio.file.NoSuchFileException e) {
                return fail(file + ": no such file");
            } catch (org.viosbench.json.InputException e) {
                return fail(file + ": " + e.getMessage());
            }
            try (ViosDatabase db = ViosDatabase.open(location.resolve(spec))) {
                db.config().save(config);
                Json.print(spec.commandLine().getOut(), Json.object().put("ok", true).put("file", file.toString())
                        .put("vioses", config.vioses().size()).put("lpars", config.lpars().size()));
                return Cli.OK;
            } catch (DatabaseException e) {
                return fail(file + ": " + e.getMessage());
            }
        }

        @Override
        int fail(String message) {
            return super.fail(message + " (nothing was changed)");
        }
    }

    /** What the sub-commands working on one database share: the help option and the database location. */
    abstract static class DbSubcommand extends LeafCommand {

        @picocli.CommandLine.Mixin
        DbLocation location = new DbLocation();
    }

    /** What export and import share: the database location and the JSON file (written by export, read by import). */
    abstract static class JsonFileCommand extends DbSubcommand {

        @Option(names = "--json", required = true, paramLabel = "FILE", description = "The cluster configuration file.")
        Path file;
    }
}
