package org.viosbench.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.viosbench.cluster.ViosState;
import org.viosbench.session.ClusterSession;
import org.viosbench.session.shell.ViosShell;
import org.viosbench.topology.Topology;
import org.viosbench.topology.Vios;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;

/**
 * {@code viosbench vios}: the simulated command line of one VIOS of a topology's running cluster. With a command after
 * {@code --} it runs it once the cluster has formed and prints one JSON line (its output and exit status); with
 * {@code --shell} it is an interactive {@code padmin} prompt reading standard input.
 */
@Command(name = "vios", description = { "Run a VIOS command (cluster -status, lscluster -m, lsmap -all, lu -list, lssp, clstartstop ...) on one VIOS",
        "of a topology's cluster, started here: viosbench vios --topology T --as vios2 -- cluster -status. One JSON line:",
        "{\"as\",\"command\",\"status\",\"output\"}; exit 0 when the command's status is 0. --shell: an interactive prompt",
        "(padmin@vios2 $), one command per line, 'history' lists them, 'exit' or end of input leaves. docs/vios-shell.md." })
final class ViosCommand extends LeafCommand {
    @Option(names = "--topology", required = true, paramLabel = "FILE", description = "The topology (*.vios.json) to run.")
    Path topologyFile;

    @Option(names = "--as", required = true, paramLabel = "VIOS", description = "The VIOS whose command line it is (its name).")
    String as;

    @Option(names = "--shell", description = "An interactive prompt instead of one command.")
    boolean shell;

    @Option(names = "--settle-millis", paramLabel = "MS", description = "Longest wait for every VIOS to see every other UP before the "
            + "first command (default ${DEFAULT-VALUE}).")
    int settleMillis = 5000;

    @Option(names = "--db", paramLabel = "DIR", description = { "Give the cluster its VIOS database in DIR (created when missing): the topology's",
            "configuration written to it, registration, states recorded, the run's trace kept; lu -list and lssp show its logical units." })
    Path db;

    @Parameters(paramLabel = "COMMAND", description = "The command line, after --.")
    List<String> command = new ArrayList<>();

    @Override
    public Integer call() throws IOException, InterruptedException {
        if (shell == !command.isEmpty()) {
            throw new ParameterException(spec.commandLine(), shell ? "--shell takes no command: type them at the prompt"
                    : "give a command after -- (for example: -- cluster -status), or --shell");
        }
        if (settleMillis < 0 || settleMillis > 60_000) {
            throw new ParameterException(spec.commandLine(), "--settle-millis: " + settleMillis + " is not between 0 and 60000");
        }
        Topology t = TopologyCommand.readRunnable(spec, topologyFile);
        if (t == null) {
            return Cli.FAILURE;
        }
        Vios self = t.vioses().stream().filter(v -> v.name().equals(as)).findFirst().orElse(null);
        if (self == null) {
            throw new ParameterException(spec.commandLine(), "--as: the topology has no VIOS named \"" + as + "\" (it has "
                    + String.join(", ", t.vioses().stream().map(Vios::name).toList()) + ")");
        }
        try (ClusterSession session = ClusterSession.start(t)) {
            if (db != null) {
                try {
                    session.attachDatabase(db);
                } catch (org.viosbench.db.DatabaseException e) {
                    return fail(Json.object().put("db", db.toString()), e.getMessage());
                }
            }
            settle(session);
            ViosShell vios = new ViosShell(session, self);
            PrintWriter out = spec.commandLine().getOut();
            if (!shell) {
                String line = String.join(" ", command.stream().map(ViosCommand::quoted).toList());
                ViosShell.Result r = vios.run(line);
                Json.print(out, Json.object().put("as", self.name()).put("command", line).put("status", r.status()).put("output", r.output()));
                return r.status() == 0 ? Cli.OK : Cli.FAILURE;
            }
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            out.print(vios.prompt());
            out.flush();
            for (String line; (line = in.readLine()) != null;) {
                if (line.strip().equals("exit")) {
                    break;
                }
                out.print(vios.run(line).output());
                out.print(vios.prompt());
                out.flush();
            }
            out.println();
            return Cli.OK;
        }
    }

    /** Waits until every VIOS sees every other UP (at most --settle-millis): the answers then describe a formed cluster. */
    private void settle(ClusterSession session) throws InterruptedException {
        long deadline = System.nanoTime() + settleMillis * 1_000_000L;
        while (System.nanoTime() < deadline) {
            boolean formed = session.topology().vioses().stream().allMatch(v -> session.cluster().view((int) v.id()).values().stream()
                    .allMatch(s -> s == ViosState.UP) && session.cluster().view((int) v.id()).size() == session.topology().vioses().size() - 1);
            if (formed) {
                return;
            }
            Thread.sleep(20);
        }
        System.getLogger(ViosCommand.class.getName()).log(System.Logger.Level.INFO, "the cluster had not formed within {0} ms; answering as it is",
                settleMillis);
    }

    /** A word as typed: quoted again when it holds a blank. */
    private static String quoted(String word) {
        return word.isEmpty() || word.chars().anyMatch(Character::isWhitespace) ? "'" + word + "'" : word;
    }
}
