package org.viosbench.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.viosbench.db.ClusterConfig;
import org.viosbench.db.DatabaseException;
import org.viosbench.db.ViosDatabase;

import com.fasterxml.jackson.databind.node.ObjectNode;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code viosbench db init|status}: the VIOS database (embedded Derby). */
@Command(name = "db", description = "The VIOS database: create or migrate it (init), show its schema and contents (status).",
        subcommands = { DbCommand.Init.class, DbCommand.Status.class })
final class DbCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = { "-h", "--help" }, usageHelp = true, description = "Show this help and exit.")
    boolean help;

    @Override
    public Integer call() {
        throw new ParameterException(spec.commandLine(), "a sub-command is required: init or status");
    }

    /** The database directory option shared by the sub-commands. */
    static final class Location {
        @Option(names = "--db", paramLabel = "DIR", description = "The database directory (default: $VIOSBENCH_HOME/db, "
                + "else $XDG_DATA_HOME/viosbench/db or ~/.local/share/viosbench/db).")
        Path dir;

        Path resolve() {
            if (dir != null) {
                return dir;
            }
            String home = System.getenv("VIOSBENCH_HOME");
            if (home == null || home.isBlank()) {
                String xdg = System.getenv("XDG_DATA_HOME");
                home = (xdg == null || xdg.isBlank() ? System.getProperty("user.home") + "/.local/share" : xdg) + "/viosbench";
            }
            return Path.of(home, "db");
        }
    }

    static int report(CommandSpec spec, Path dir, boolean withContents) {
        ObjectNode out = Json.object().put("db", dir.toAbsolutePath().toString());
        try (ViosDatabase db = ViosDatabase.open(dir)) {
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
            Json.print(spec.commandLine().getOut(), out.put("ok", false).put("error", e.getMessage()));
            return Cli.FAILURE;
        }
    }

    @Command(name = "init", description = "Create the VIOS database, or migrate it to this viosbench's schema; prints its state as JSON.")
    static final class Init implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = { "-h", "--help" }, usageHelp = true, description = "Show this help and exit.")
        boolean help;

        @picocli.CommandLine.Mixin
        Location location = new Location();

        @Override
        public Integer call() {
            return report(spec, location.resolve(), false);
        }
    }

    @Command(name = "status", description = "Print the schema version and what the VIOS database holds, as JSON.")
    static final class Status implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = { "-h", "--help" }, usageHelp = true, description = "Show this help and exit.")
        boolean help;

        @picocli.CommandLine.Mixin
        Location location = new Location();

        @Override
        public Integer call() {
            Path dir = location.resolve();
            if (!java.nio.file.Files.isDirectory(dir.resolve("seg0"))) {
                Json.print(spec.commandLine().getOut(), Json.object().put("db", dir.toAbsolutePath().toString()).put("ok", false)
                        .put("error", "no VIOS database in " + dir + " (create it with: viosbench db init --db " + dir + ")"));
                return Cli.FAILURE;
            }
            return report(spec, dir, true);
        }
    }
}
