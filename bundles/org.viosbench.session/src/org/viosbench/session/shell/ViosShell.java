package org.viosbench.session.shell;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import org.viosbench.cluster.ClusterState;
import org.viosbench.cluster.KClusterStatistics;
import org.viosbench.cluster.ViosState;
import org.viosbench.db.ClusterConfig;
import org.viosbench.session.ClusterSession;
import org.viosbench.topology.Cec;
import org.viosbench.topology.Mapping;
import org.viosbench.topology.Topology;
import org.viosbench.topology.Vios;
import org.viosbench.topology.ViosRole;

/**
 * The command line of one VIOS of a running cluster, as its {@code padmin} sees it: {@code cluster}, {@code lscluster},
 * {@code lsmap}, {@code lu}, {@code lssp} and {@code clstartstop}, answering from the live cluster (this VIOS's own view
 * of its peers, its kcluster counters) and the topology, in the layouts IBM's VIOS prints (docs/vios-shell.md says which
 * are verbatim and which approximate). A mistyped command or flag answers with the usage a VIOS prints and a non-zero
 * status; nothing here throws for what a user typed.
 */
public final class ViosShell {
    /** Exit status of a command the shell does not know (as rksh). */
    public static final int NOT_FOUND = 127;
    /** Exit status of a usage error or a failed command. */
    public static final int FAILED = 1;

    /** What a command printed and its exit status. */
    public record Result(int status, String output) {
    }

    private final ClusterSession session;
    private final Vios self;
    private final Supplier<List<ClusterConfig.LogicalUnit>> logicalUnits;
    private final List<String> history = new ArrayList<>();

    /**
     * The command line of {@code self} in {@code session}; {@code logicalUnits} are the shared storage pool's logical
     * units (from the VIOS database; an empty list when there is none).
     */
    public ViosShell(ClusterSession session, Vios self, Supplier<List<ClusterConfig.LogicalUnit>> logicalUnits) {
        if (session.topology().vios(self.id()) != self) {
            throw new IllegalArgumentException(self.name() + " is not a VIOS of the running topology");
        }
        this.session = session;
        this.self = self;
        this.logicalUnits = logicalUnits;
    }

    /** The command line of {@code self} in {@code session}, the logical units read from the session's VIOS database (if any). */
    public ViosShell(ClusterSession session, Vios self) {
        this(session, self, () -> storedLogicalUnits(session));
    }

    private static List<ClusterConfig.LogicalUnit> storedLogicalUnits(ClusterSession session) {
        org.viosbench.session.SessionDatabase d = session.database();
        if (d == null) {
            return List.of();
        }
        synchronized (d.database()) {
            try {
                return d.database().config().load().map(ClusterConfig::logicalUnits).orElse(List.of());
            } catch (org.viosbench.db.DatabaseException e) {
                System.getLogger(ViosShell.class.getName()).log(System.Logger.Level.WARNING, "the logical units could not be read", e);
                return List.of();
            }
        }
    }

    /** The prompt, as a VIOS shows it: {@code padmin@vios2 $ }. */
    public String prompt() {
        return "padmin@" + self.name() + " $ ";
    }

    /** The VIOS this command line is on. */
    public Vios vios() {
        return self;
    }

    /** The lines run so far, oldest first. */
    public List<String> history() {
        return Collections.unmodifiableList(history);
    }

    /** Runs one command line; a blank line does nothing. */
    public Result run(String line) {
        List<String> words = Words.split(line);
        if (words.isEmpty()) {
            return new Result(0, "");
        }
        history.add(line.strip());
        String command = words.get(0);
        List<String> args = words.subList(1, words.size());
        try {
            return switch (command) {
                case "cluster" -> cluster(args);
                case "lscluster" -> lscluster(args);
                case "lsmap" -> lsmap(args);
                case "lu" -> lu(args);
                case "lssp" -> lssp(args);
                case "clstartstop" -> clstartstop(args);
                case "history" -> historyCommand();
                case "help" -> new Result(0, Usage.HELP);
                default -> new Result(NOT_FOUND, "rksh: " + command + ":  not found.\n");
            };
        } catch (UsageException e) {
            return new Result(FAILED, (e.getMessage() == null ? "" : e.getMessage() + "\n") + e.usage);
        } catch (NotRunning e) {
            return new Result(FAILED, e.getMessage() + "\n");
        }
    }

    /** A mistyped command line: what is wrong (may be null) and the command's usage. */
    static final class UsageException extends Exception {
        private static final long serialVersionUID = 1L;
        final String usage;

        UsageException(String problem, String usage) {
            super(problem);
            this.usage = usage;
        }
    }

    /** The command needs this VIOS's cluster services, and they do not run. */
    static final class NotRunning extends Exception {
        private static final long serialVersionUID = 1L;

        NotRunning(String message) {
            super(message);
        }
    }

    // ---- cluster ---------------------------------------------------------------------------------------------------

    private Result cluster(List<String> args) throws UsageException, NotRunning {
        Flags f = Flags.parse(args, Usage.CLUSTER, List.of("-status", "-list", "-verbose"), List.of("-clustername", "-fmt"), "-field");
        if (f.has("-list") == f.has("-status")) {
            throw new UsageException(null, Usage.CLUSTER);
        }
        checkClusterName(f.value("-clustername"));
        if (f.has("-list")) {
            if (f.has("-verbose")) {
                throw new UsageException("-verbose is not a flag of cluster -list", Usage.CLUSTER);
            }
            Map<String, String> fields = new LinkedHashMap<>();
            fields.put("CLUSTER_NAME", topology().name());
            fields.put("CLUSTER_ID", clusterId().toString().replace("-", ""));
            return new Result(0, fieldsOut(fields, f, Usage.CLUSTER));
        }
        requireRunning("cluster -status");
        Map<Long, ViosState> states = states();
        long up = states.values().stream().filter(s -> s == ViosState.UP).count();
        ClusterState clusterState = ClusterState.of((int) up, states.size());
        StringBuilder out = new StringBuilder();
        String delimiter = f.value("-fmt");
        if (delimiter != null) {
            for (Vios v : vioses()) {
                out.append(String.join(delimiter, topology().name(), clusterState.name(), v.name(), mtm(v.cec()),
                        Integer.toString(v.partitionId()), nodeState(states.get(v.id())), nodeState(states.get(v.id())))).append('\n');
            }
            return new Result(0, out.toString());
        }
        if (f.has("-verbose")) {
            out.append(String.format("Cluster Name:       %s%nCluster Id:         %s%nCluster State:      %s%n", topology().name(),
                    clusterId().toString().replace("-", ""), clusterState.name()));
            for (Vios v : vioses()) {
                String state = nodeState(states.get(v.id()));
                out.append(String.format("%nNode Name:          %s%nNode Id:            %s%nNode MTM:           %s%nNode Partition Num: %d%n"
                        + "Node State:         %s%nNode Repos State:   %s%nNode Roles:         %s%nPool Name:          %s%nPool Id:            %s%n"
                        + "Pool State:         %s%n", v.name(), nodeId(v).toString().replace("-", ""), mtm(v.cec()), v.partitionId(), state, state,
                        v.role() == ViosRole.DB_PRIMARY ? "DBN" : "", poolName(), poolId().toString().replace("-", ""), state));
            }
            return new Result(0, out.toString().replace("\r\n", "\n"));
        }
        out.append(String.format("%-20s %s%n%-20s %s%n%n", "Cluster Name", "State", topology().name(), clusterState.name()));
        out.append(String.format("    %-16s %-20s %-14s %-6s %s%n", "Node Name", "MTM", "Partition Num", "State", "Pool State"));
        for (Vios v : vioses()) {
            String state = nodeState(states.get(v.id()));
            out.append(String.format("    %-16s %-20s %13d  %-6s %s%n", v.name(), mtm(v.cec()), v.partitionId(), state, state));
        }
        return new Result(0, out.toString().replace("\r\n", "\n"));
    }

    // ---- lscluster -------------------------------------------------------------------------------------------------

    private Result lscluster(List<String> args) throws UsageException, NotRunning {
        Flags f = Flags.parse(args, Usage.LSCLUSTER, List.of("-m", "-c", "-i", "-s", "-d"), List.of(), null);
        if (f.count() != 1) {
            throw new UsageException(f.count() == 0 ? null : "give one of -m, -c, -i, -s, -d", Usage.LSCLUSTER);
        }
        requireRunning("lscluster");
        Map<Long, ViosState> states = states();
        StringBuilder out = new StringBuilder();
        if (f.has("-m")) {
            out.append("Calling node query for all nodes...\n").append("Node query number of nodes examined: ").append(vioses().size()).append("\n\n");
            for (Vios v : vioses()) {
                boolean local = v == self;
                boolean up = states.get(v.id()) == ViosState.UP;
                out.append("\n        Node name: ").append(v.name()).append('\n');
                out.append("        Cluster shorthand id for node: ").append(v.id()).append('\n');
                out.append("        UUID for node: ").append(nodeId(v)).append('\n');
                out.append("        State of node: ").append(up ? "UP" : "DOWN").append(local ? "  NODE_LOCAL" : "").append('\n');
                out.append("        Smoothed rtt to node: 0\n        Mean Deviation in network rtt to node: 0\n");
                out.append("        Number of clusters node is a member in: 1\n");
                out.append(String.format("        %-18s %-6s %s%n        %-18s %-6d %s%n", "CLUSTER NAME", "SHID", "UUID", topology().name(), 0, clusterId()));
                out.append(String.format("        %-18s %-6s %s%n        %-18s %-6d %s%n%n", "SITE NAME", "SHID", "UUID", "LOCAL", 1,
                        UUID.nameUUIDFromBytes(("viosbench-site:" + topology().name()).getBytes(StandardCharsets.UTF_8))));
                if (local) {
                    out.append("        Points of contact for node: 0\n");
                } else {
                    out.append("        Points of contact for node: 1\n");
                    out.append(String.format("        %-16s %-6s %-8s %-8s %s%n", "Interface", "State", "Protocol", "Status", "SRC_IP->DST_IP"));
                    out.append(String.format("        %-16s %-6s %-8s %-8s %s->%s%n", "kcluster", up ? "UP" : "DOWN", "IN-JVM", up ? "none" : "down",
                            host(self), host(v)));
                }
                out.append("\n----------------------------------------------------------------------------\n");
            }
        } else if (f.has("-c") || f.has("-d")) {
            if (f.has("-d")) {
                out.append("Storage Interface Query\n\nCluster Name: ").append(topology().name()).append("\nCluster UUID: ").append(clusterId())
                        .append("\nNumber of nodes reporting = ").append(vioses().size()).append("\nNumber of nodes expected = ").append(vioses().size())
                        .append("\n\nNumber of disks discovered = 0\n");
                return new Result(0, out.toString());
            }
            out.append("Cluster Name: ").append(topology().name()).append('\n');
            out.append("Cluster UUID: ").append(clusterId()).append('\n');
            out.append("Number of nodes in cluster = ").append(vioses().size()).append('\n');
            for (Vios v : vioses()) {
                out.append("        Cluster ID for node ").append(v.name()).append(": ").append(v.id()).append('\n');
                out.append("        Primary IP address for node ").append(v.name()).append(": ").append(host(v)).append('\n');
            }
            out.append("Number of disks in cluster = 0\n");
            out.append("Heartbeat interval = ").append(topology().heartbeatMillis()).append(" ms\n");
            out.append("Node failure timeout = ").append(topology().failureTimeoutMillis()).append(" ms\n");
        } else if (f.has("-i")) {
            out.append("Network/Storage Interface Query\n\n");
            out.append("Cluster Name: ").append(topology().name()).append("\nCluster UUID: ").append(clusterId()).append('\n');
            long reporting = states.values().stream().filter(s -> s == ViosState.UP).count();
            out.append("Number of nodes reporting = ").append(reporting).append('\n');
            out.append("Number of nodes stale = ").append(vioses().size() - reporting).append('\n');
            out.append("Number of nodes expected = ").append(vioses().size()).append("\n\n");
            for (Vios v : vioses()) {
                boolean up = states.get(v.id()) == ViosState.UP;
                out.append("Node ").append(v.name()).append("\nNode UUID = ").append(nodeId(v)).append('\n');
                out.append("Number of interfaces discovered = 1\n");
                out.append("        Interface number 1, kcluster\n");
                out.append("                IPv4 address: ").append(v.address().isEmpty() ? "in-JVM" : v.address()).append('\n');
                out.append("                Interface state = ").append(up ? "UP" : "DOWN").append("\n\n");
            }
        } else {
            KClusterStatistics s = session.cluster().statistics((int) self.id());
            out.append("Cluster Network Statistics:\n\n");
            out.append("pkts sent: ").append(s.packetsSent()).append('\n');
            out.append("pkts received: ").append(s.packetsReceived()).append('\n');
            out.append("dropped pkts: ").append(s.dropped()).append('\n');
            out.append("duplicate pkts: ").append(s.duplicates()).append('\n');
            out.append("out-of-order pkts: ").append(s.outOfOrder()).append('\n');
            out.append("heartbeats sent: ").append(s.heartbeatsSent()).append('\n');
            out.append("heartbeats received: ").append(s.heartbeatsReceived()).append('\n');
            out.append("node down events: ").append(s.nodeDownEvents()).append('\n');
        }
        return new Result(0, out.toString().replace("\r\n", "\n"));
    }

    // ---- lsmap, lu, lssp -------------------------------------------------------------------------------------------

    private Result lsmap(List<String> args) throws UsageException {
        Flags f = Flags.parse(args, Usage.LSMAP, List.of("-all"), List.of("-vadapter"), null);
        String adapter = f.value("-vadapter");
        if (f.has("-all") == (adapter != null)) {
            throw new UsageException(null, Usage.LSMAP);
        }
        List<Mapping> mappings = topology().mappings().stream().filter(m -> m.vios() == self)
                .filter(m -> adapter == null || m.adapter().equals(adapter)).toList();
        if (adapter != null && mappings.isEmpty()) {
            return new Result(FAILED, "Device \"" + adapter + "\" is not a Server Virtual SCSI Adapter (SVSA).\n");
        }
        StringBuilder out = new StringBuilder();
        List<Mapping> mine = topology().mappings().stream().filter(m -> m.vios() == self).toList();
        for (Mapping m : mappings) {
            int vtd = mine.indexOf(m);
            out.append(String.format("%-15s %-44s %s%n", "SVSA", "Physloc", "Client Partition ID"));
            out.append("--------------- -------------------------------------------- ------------------\n");
            out.append(String.format("%-15s %-44s 0x%08x%n%n", m.adapter(), physloc(m.adapter()), m.lpar().partitionId()));
            out.append(String.format("%-21s %s%n%-21s %s%n%-21s 0x%016x%n%-21s %s%n%-21s %s%n%-21s %s%n%n", "VTD", "vtscsi" + vtd, "Status",
                    "Available", "LUN", 0x8100000000000000L + ((long) vtd << 48), "Backing device", m.backingDevice(), "Physloc", "", "Mirrored",
                    "false"));
        }
        return new Result(0, out.toString().replace("\r\n", "\n"));
    }

    private Result lu(List<String> args) throws UsageException {
        Flags f = Flags.parse(args, Usage.LU, List.of("-list"), List.of("-fmt"), null);
        if (!f.has("-list")) {
            throw new UsageException(null, Usage.LU);
        }
        List<ClusterConfig.LogicalUnit> lus = logicalUnits.get();
        String delimiter = f.value("-fmt");
        StringBuilder out = new StringBuilder();
        if (delimiter == null) {
            out.append("POOL_NAME: ").append(poolName()).append("\nTIER_NAME: SYSTEM\n");
            out.append(String.format("%-20s %-11s %-11s %s%n", "LU_NAME", "SIZE(MB)", "UNUSED(MB)", "UDID"));
        }
        for (ClusterConfig.LogicalUnit lu : lus) {
            String udid = UUID.nameUUIDFromBytes(("viosbench-lu:" + topology().name() + ":" + lu.name()).getBytes(StandardCharsets.UTF_8)).toString()
                    .replace("-", "");
            out.append(delimiter == null ? String.format("%-20s %-11d %-11d %s%n", lu.name(), lu.sizeMb(), lu.sizeMb(), udid)
                    : String.join(delimiter, poolName(), "SYSTEM", lu.name(), Long.toString(lu.sizeMb()), Long.toString(lu.sizeMb()), udid) + "\n");
        }
        return new Result(0, out.toString().replace("\r\n", "\n"));
    }

    private Result lssp(List<String> args) throws UsageException, NotRunning {
        Flags f = Flags.parse(args, Usage.LSSP, List.of(), List.of("-clustername"), null);
        checkClusterName(f.value("-clustername"));
        List<ClusterConfig.LogicalUnit> lus = logicalUnits.get();
        long size = lus.stream().mapToLong(ClusterConfig.LogicalUnit::sizeMb).sum();
        return new Result(0, String.format("%-20s %10s %10s %15s %5s %s%n%-20s %10d %10d %15d %5d %s%n", "Pool", "Size(mb)", "Free(mb)", "Alloc Size(mb)",
                "BDs", "Type", poolName(), size, size, 64, lus.size(), "CLPOOL").replace("\r\n", "\n"));
    }

    // ---- clstartstop ------------------------------------------------------------------------------------------------

    private Result clstartstop(List<String> args) throws UsageException {
        Flags f = Flags.parse(args, Usage.CLSTARTSTOP, List.of("-start", "-stop"), List.of("-n", "-m"), null);
        if (f.has("-start") == f.has("-stop") || f.value("-n") == null || f.value("-m") == null) {
            throw new UsageException(null, Usage.CLSTARTSTOP);
        }
        if (!f.value("-n").equals(topology().name())) {
            return new Result(FAILED, "clstartstop: cluster \"" + f.value("-n") + "\" is not this node's cluster (" + topology().name() + ").\n");
        }
        List<Vios> nodes = new ArrayList<>();
        for (String name : f.value("-m").split(",")) {
            Vios v = vioses().stream().filter(x -> x.name().equals(name)).findFirst().orElse(null);
            if (v == null) {
                return new Result(FAILED, "clstartstop: node \"" + name + "\" is not a node of cluster " + topology().name() + ".\n");
            }
            nodes.add(v);
        }
        StringBuilder out = new StringBuilder();
        for (Vios v : nodes) {
            boolean running = session.cluster().isRunning((int) v.id());
            if (f.has("-stop")) {
                if (running) {
                    session.stopVios(v);
                    awaitSeen(v, false);
                } else {
                    out.append("clstartstop: cluster services are already stopped on ").append(v.name()).append(".\n");
                }
            } else if (!running) {
                session.restart(v);
                awaitSeen(v, true);
            } else {
                out.append("clstartstop: cluster services are already running on ").append(v.name()).append(".\n");
            }
        }
        return new Result(0, out.toString());
    }

    /**
     * Returns once every other running VIOS sees {@code v} UP ({@code up}) or not UP, as a real clstartstop returns once
     * the change is done; at most twice the failure timeout (a started VIOS is UP as soon as it joins).
     */
    private void awaitSeen(Vios v, boolean up) {
        long deadline = System.nanoTime() + 2L * topology().failureTimeoutMillis() * 1_000_000L;
        while (System.nanoTime() < deadline) {
            boolean seen = true;
            for (Vios o : vioses()) {
                if (o != v && session.cluster().isRunning((int) o.id())) {
                    boolean isUp = session.cluster().view((int) o.id()).get((int) v.id()) == ViosState.UP;
                    seen &= isUp == up;
                }
            }
            if (seen) {
                return;
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private Result historyCommand() {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < history.size(); i++) {
            out.append(String.format("%5d  %s%n", i + 1, history.get(i)));
        }
        return new Result(0, out.toString().replace("\r\n", "\n"));
    }

    // ---- what the commands share -----------------------------------------------------------------------------------

    private Topology topology() {
        return session.topology();
    }

    private List<Vios> vioses() {
        return topology().vioses().stream().sorted((a, b) -> Long.compare(a.id(), b.id())).toList();
    }

    private void requireRunning(String command) throws NotRunning {
        if (!session.isRunning() || !session.cluster().isRunning((int) self.id())) {
            throw new NotRunning(command + ": cluster services are not active on " + self.name()
                    + " (start them with clstartstop -start -n " + topology().name() + " -m " + self.name() + " from another node).");
        }
    }

    private void checkClusterName(String name) throws NotRunning {
        if (name != null && !name.equals(topology().name())) {
            throw new NotRunning("Cluster \"" + name + "\" is not found; this node is a member of " + topology().name() + ".");
        }
    }

    /** Every VIOS's state as this VIOS sees it (itself UP). */
    private Map<Long, ViosState> states() {
        Map<Integer, ViosState> view = session.cluster().view((int) self.id());
        Map<Long, ViosState> states = new LinkedHashMap<>();
        for (Vios v : vioses()) {
            states.put(v.id(), v == self ? ViosState.UP : view.getOrDefault((int) v.id(), ViosState.DOWN));
        }
        return states;
    }

    private static String nodeState(ViosState s) {
        return s == ViosState.UP ? "OK" : "DOWN";
    }

    private static String mtm(Cec cec) {
        return (cec.model() == null || cec.model().isEmpty() ? "0000-000" : cec.model()) + cec.serial().toUpperCase(Locale.ROOT);
    }

    private String physloc(String adapter) {
        Cec cec = self.cec();
        String model = cec.model() == null || cec.model().isEmpty() ? "0000.000" : cec.model().replace('-', '.');
        int slot = 11 + adapter.chars().filter(Character::isDigit).map(c -> c - '0').reduce(0, (a, b) -> a * 10 + b);
        return "U" + model + "." + cec.serial() + "-V" + self.partitionId() + "-C" + slot;
    }

    private static String host(Vios v) {
        String a = v.address();
        int colon = a.lastIndexOf(':');
        return a.isEmpty() ? "in-JVM" : colon < 0 ? a : a.substring(0, colon);
    }

    private UUID clusterId() {
        return UUID.nameUUIDFromBytes(("viosbench-cluster:" + topology().name()).getBytes(StandardCharsets.UTF_8));
    }

    private UUID nodeId(Vios v) {
        return UUID.nameUUIDFromBytes(("viosbench-node:" + topology().name() + ":" + v.id()).getBytes(StandardCharsets.UTF_8));
    }

    private String poolName() {
        return topology().name() + "_ssp";
    }

    private UUID poolId() {
        return UUID.nameUUIDFromBytes(("viosbench-pool:" + topology().name()).getBytes(StandardCharsets.UTF_8));
    }

    /** NAME: value lines, or with -fmt the values joined by the delimiter; -field picks and orders the fields. */
    private static String fieldsOut(Map<String, String> fields, Flags f, String usage) throws UsageException {
        List<String> names = f.fields().isEmpty() ? List.copyOf(fields.keySet()) : f.fields();
        for (String n : names) {
            if (!fields.containsKey(n)) {
                throw new UsageException("\"" + n + "\" is not a field (fields: " + String.join(", ", fields.keySet()) + ")", usage);
            }
        }
        String delimiter = f.value("-fmt");
        if (delimiter != null) {
            return String.join(delimiter, names.stream().map(fields::get).toList()) + "\n";
        }
        StringBuilder out = new StringBuilder();
        names.forEach(n -> out.append(n).append(": ").append(fields.get(n)).append('\n'));
        return out.toString();
    }
}
