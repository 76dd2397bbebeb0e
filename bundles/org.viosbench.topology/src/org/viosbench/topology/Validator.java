package org.viosbench.topology;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.viosbench.topology.Problem.Severity;

/**
 * The validation rules of a topology. Each rule is a small method adding {@link Problem}s; the
 * order of the result is rule order, then model order.
 */
public final class Validator {

    private Validator() {
    }

    /** Every problem of {@code t}; empty when it is clean. */
    public static List<Problem> validate(Topology t) {
        List<Problem> out = new ArrayList<>();
        timing(t, out);
        names(t, out);
        unique(t.cecs(), Cec::serial, "CEC serial", "DUPLICATE_CEC_SERIAL", out);
        unique(t.cecs(), Cec::name, "CEC name", "DUPLICATE_NAME", out);
        unique(t.vioses(), Vios::id, "VIOS id", "DUPLICATE_VIOS_ID", out);
        unique(t.vioses(), Vios::name, "VIOS name", "DUPLICATE_NAME", out);
        unique(t.lpars(), Lpar::id, "LPAR id", "DUPLICATE_LPAR_ID", out);
        unique(t.lpars(), Lpar::name, "LPAR name", "DUPLICATE_NAME", out);
        for (Cec c : t.cecs()) {
            unique(c.children(), Partition::partitionId, "partition id on " + c.label(), "DUPLICATE_PARTITION_ID", out);
        }
        clusterSize(t, out);
        roles(t, out);
        for (Vios v : t.vioses()) {
            vios(v, out);
        }
        for (Lpar l : t.lpars()) {
            paths(l, out);
        }
        for (Mapping m : t.mappings()) {
            mapping(m, out);
        }
        return out;
    }

    /** Whether {@code problems} hold an error. */
    public static boolean hasErrors(List<Problem> problems) {
        return problems.stream().anyMatch(p -> p.severity() == Severity.ERROR);
    }

    private static void timing(Topology t, List<Problem> out) {
        if (t.failureTimeoutMillis() < 2 * t.heartbeatMillis()) {
            out.add(new Problem(Severity.ERROR, "FAILURE_TIMEOUT_TOO_SHORT", null, "the failure timeout (" + t.failureTimeoutMillis()
                    + " ms) must be at least two heartbeat intervals (" + 2 * t.heartbeatMillis() + " ms)"));
        }
    }

    private static void names(Topology t, List<Problem> out) {
        t.elements().filter(e -> !(e instanceof Mapping)).forEach(e -> {
            if (e.name().isBlank()) {
                out.add(new Problem(Severity.ERROR, "EMPTY_NAME", e, "a " + e.kind() + " needs a name"));
            } else if (!e.name().matches("[A-Za-z0-9_.\\-]+")) {
                out.add(new Problem(Severity.ERROR, "BAD_NAME", e, "\"" + e.name() + "\" may hold only letters, digits, '_', '.' and '-'"));
            }
        });
    }

    private static <E extends Element, K> void unique(List<E> elements, Function<E, K> key, String what, String code, List<Problem> out) {
        Map<K, E> first = new HashMap<>();
        for (E e : elements) {
            E earlier = first.putIfAbsent(key.apply(e), e);
            if (earlier != null) {
                out.add(new Problem(Severity.ERROR, code, e, what + " " + key.apply(e) + " is taken by " + earlier.label()));
            }
        }
    }

    private static void clusterSize(Topology t, List<Problem> out) {
        int n = t.vioses().size();
        if (n == 0) {
            out.add(new Problem(Severity.WARNING, "NO_VIOS", null, "the cluster has no VIOS: nothing can run"));
        } else if (n > Topology.MAX_VIOSES) {
            out.add(new Problem(Severity.WARNING, "CLUSTER_TOO_LARGE", null,
                    n + " VIOSes: a real VIOS cluster holds at most " + Topology.MAX_VIOSES));
        }
    }

    private static void roles(Topology t, List<Problem> out) {
        List<Vios> primaries = t.vioses().stream().filter(v -> v.role() == ViosRole.DB_PRIMARY).toList();
        if (primaries.isEmpty() && !t.vioses().isEmpty()) {
            out.add(new Problem(Severity.WARNING, "NO_DB_PRIMARY", null, "no VIOS holds the VIOS database (role DB_PRIMARY): joining VIOSes cannot register"));
        }
        for (Vios extra : primaries.subList(Math.min(1, primaries.size()), primaries.size())) {
            out.add(new Problem(Severity.ERROR, "TWO_DB_PRIMARIES", extra, "only one VIOS can hold the VIOS database; "
                    + primaries.get(0).label() + " does already"));
        }
    }

    private static void vios(Vios v, List<Problem> out) {
        if (v.daemons().isEmpty()) {
            out.add(new Problem(Severity.WARNING, "NO_DAEMON", v, "no daemon answers requests on " + v.name()));
        }
        if (!v.address().isEmpty() && !v.address().matches("[A-Za-z0-9_.\\-]+:[0-9]{1,5}|\\[[0-9A-Fa-f:.]+\\]:[0-9]{1,5}")) {
            out.add(new Problem(Severity.ERROR, "BAD_ADDRESS", v, "address \"" + v.address() + "\" is not HOST:PORT"));
        } else if (!v.address().isEmpty()) {
            int port = Integer.parseInt(v.address().substring(v.address().lastIndexOf(':') + 1));
            if (port < 1 || port > 65535) {
                out.add(new Problem(Severity.ERROR, "BAD_ADDRESS", v, "port " + port + " of " + v.name() + " is not 1..65535"));
            }
        }
        Map<String, Mapping> adapters = new HashMap<>();
        for (Mapping m : v.mappings()) {
            Mapping other = adapters.putIfAbsent(m.adapter(), m);
            if (other != null && other.lpar() != m.lpar()) {
                out.add(new Problem(Severity.ERROR, "ADAPTER_SHARED", m, "virtual adapter " + m.adapter() + " of " + v.name()
                        + " already serves " + other.lpar().label()));
            }
        }
    }

    private static void paths(Lpar l, List<Problem> out) {
        long vioses = l.mappings().stream().map(Mapping::vios).distinct().count();
        if (vioses == 0) {
            out.add(new Problem(Severity.ERROR, "NO_IO_PATH", l, "no VIOS serves " + l.name() + ": it has no disk I/O path"));
        } else if (vioses == 1) {
            out.add(new Problem(Severity.WARNING, "SINGLE_PATH", l, l.name() + " is served by one VIOS only: no redundancy when "
                    + l.mappings().get(0).vios().name() + " is down"));
        }
    }

    private static void mapping(Mapping m, List<Problem> out) {
        if (m.vios().cec() != m.lpar().cec()) {
            out.add(new Problem(Severity.ERROR, "CROSS_CEC_MAPPING", m, "a virtual SCSI mapping stays within one CEC: "
                    + m.vios().name() + " is in " + name(m.vios().cec()) + ", " + m.lpar().name() + " in " + name(m.lpar().cec())));
        }
        if (m.adapter().isBlank() || m.backingDevice().isBlank()) {
            out.add(new Problem(Severity.ERROR, "INCOMPLETE_MAPPING", m, "a mapping needs a virtual adapter and a backing device"));
        }
        long same = m.lpar().mappings().stream().filter(o -> o.vios() == m.vios() && o.backingDevice().equals(m.backingDevice())).count();
        if (same > 1 && m.lpar().mappings().stream().filter(o -> o.vios() == m.vios() && o.backingDevice().equals(m.backingDevice()))
                .findFirst().orElse(null) != m) {
            out.add(new Problem(Severity.WARNING, "DUPLICATE_MAPPING", m, m.vios().name() + " already maps " + m.backingDevice() + " to "
                    + m.lpar().name()));
        }
    }

    private static String name(Cec c) {
        return c == null ? "no CEC" : c.name();
    }
}
