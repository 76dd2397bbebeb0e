package org.viosbench.session;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.viosbench.cluster.ClusterDescription;
import org.viosbench.cluster.ViosSpec;
import org.viosbench.db.ClusterConfig;
import org.viosbench.topology.AutoLayout;
import org.viosbench.topology.Cec;
import org.viosbench.topology.Lpar;
import org.viosbench.topology.Mapping;
import org.viosbench.topology.OsType;
import org.viosbench.topology.Topology;
import org.viosbench.topology.Vios;
import org.viosbench.topology.ViosRole;

/**
 * What is drawn is what runs: a topology to and from the VIOS database's cluster configuration,
 * and to the description an embedded cluster starts from.
 */
public final class Conversions {

    private Conversions() {
    }

    /** The cluster configuration the VIOS database stores for {@code t}. */
    public static ClusterConfig toClusterConfig(Topology t) {
        List<ClusterConfig.Cec> cecs = t.cecs().stream().map(c -> new ClusterConfig.Cec(c.serial(), c.name())).toList();
        List<ClusterConfig.Vios> vioses = t.vioses().stream().map(v -> new ClusterConfig.Vios(v.id(), v.name(), v.cec().serial(),
                v.address().isEmpty() ? null : v.address(), v.role().name())).toList();
        List<ClusterConfig.Lpar> lpars = t.lpars().stream().map(l -> new ClusterConfig.Lpar(l.id(), l.name(), l.cec().serial(),
                l.osType().name())).toList();
        List<ClusterConfig.Mapping> mappings = t.mappings().stream().map(m -> new ClusterConfig.Mapping(m.vios().id(), m.adapter(),
                m.lpar().id(), m.backingDevice())).toList();
        return new ClusterConfig(t.name(), t.heartbeatMillis(), t.failureTimeoutMillis(), cecs, vioses, lpars, mappings, List.of());
    }

    /**
     * A topology from a stored cluster configuration: no coordinates (lay it out with
     * {@link AutoLayout}), partition ids numbered per CEC, daemon 10 on every VIOS.
     *
     * @throws IllegalArgumentException when the configuration names a CEC, VIOS or LPAR it does not hold
     */
    public static Topology fromClusterConfig(ClusterConfig config) {
        Topology t = new Topology(config.name());
        t.setTiming(config.heartbeatMillis(), config.failureTimeoutMillis());
        for (ClusterConfig.Cec c : config.cecs()) {
            Cec cec = new Cec(c.serial(), c.name());
            t.addCec(cec);
        }
        for (ClusterConfig.Vios v : config.vioses()) {
            Cec cec = cecOf(t, v.cecSerial(), "VIOS " + v.name());
            Vios vios = new Vios(v.id(), v.name(), cec.children().size() + 1);
            vios.setRole(ViosRole.valueOf(v.role()));
            vios.setAddress(v.address() == null ? "" : v.address());
            cec.add(vios);
        }
        for (ClusterConfig.Lpar l : config.lpars()) {
            Cec cec = cecOf(t, l.cecSerial(), "LPAR " + l.name());
            Lpar lpar = new Lpar(l.id(), l.name(), cec.children().size() + 1);
            lpar.setOsType(OsType.valueOf(l.osType()));
            cec.add(lpar);
        }
        for (ClusterConfig.Mapping m : config.mappings()) {
            Lpar l = t.lpar(m.lparId());
            Vios v = t.vios(m.viosId());
            if (l == null || v == null) {
                throw new IllegalArgumentException("mapping " + m + " names a partition the configuration does not hold");
            }
            t.addMapping(new Mapping(l, v, m.adapter(), m.backingDevice()));
        }
        return t;
    }

    private static Cec cecOf(Topology t, String serial, String who) {
        Cec c = t.cec(serial);
        if (c == null) {
            throw new IllegalArgumentException(who + " runs in CEC " + serial + ", which the configuration does not hold");
        }
        return c;
    }

    /**
     * The description an embedded cluster starts from: every VIOS with its id, name, CEC serial and
     * daemons, and the membership timing.
     *
     * @throws IllegalArgumentException when the topology cannot run (duplicate VIOS ids or names, bad timing); validate first
     */
    public static ClusterDescription toClusterDescription(Topology t) {
        List<ViosSpec> specs = new ArrayList<>();
        for (Vios v : t.vioses()) {
            specs.add(new ViosSpec((int) v.id(), v.name(), v.cec().serial(), v.daemons()));
        }
        return new ClusterDescription(t.name(), specs, Duration.ofMillis(t.heartbeatMillis()), Duration.ofMillis(t.failureTimeoutMillis()));
    }
}
