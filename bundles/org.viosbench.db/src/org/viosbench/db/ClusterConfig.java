package org.viosbench.db;

import java.util.List;
import java.util.Objects;

/**
 * The cluster configuration as the VIOS database holds it: the cluster and its timing, CECs,
 * VIOSes (id, name, CEC, address, role), LPARs, the virtual SCSI mappings that serve LPAR I/O, and
 * shared storage pool logical units. Immutable.
 */
public record ClusterConfig(String name, int heartbeatMillis, int failureTimeoutMillis, List<Cec> cecs, List<Vios> vioses,
        List<Lpar> lpars, List<Mapping> mappings, List<LogicalUnit> logicalUnits) {

    public ClusterConfig {
        Objects.requireNonNull(name, "name");
        cecs = List.copyOf(cecs);
        vioses = List.copyOf(vioses);
        lpars = List.copyOf(lpars);
        mappings = List.copyOf(mappings);
        logicalUnits = List.copyOf(logicalUnits);
    }

    public record Cec(String serial, String name) {
    }

    /** {@code role}: MEMBER or DB_PRIMARY (the node holding the VIOS database). */
    public record Vios(long id, String name, String cecSerial, String address, String role) {
    }

    /** {@code osType}: AIX, IBMI, LINUX or OTHER. */
    public record Lpar(int id, String name, String cecSerial, String osType) {
    }

    /** A virtual SCSI mapping: VIOS {@code viosId} serves LPAR {@code lparId} through {@code adapter} from {@code backingDevice}. */
    public record Mapping(long viosId, String adapter, int lparId, String backingDevice) {
    }

    public record LogicalUnit(String name, long sizeMb) {
    }
}
