package org.viosbench.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads and replaces the cluster configuration of a {@link ViosDatabase}, each in one transaction. */
public final class ClusterConfigStore {
    private final ViosDatabase db;

    ClusterConfigStore(ViosDatabase db) {
        this.db = db;
    }

    /**
     * Replaces the stored configuration with {@code config}, all or nothing: when a row breaks a rule
     * (duplicate name, mapping to a VIOS or LPAR that is not there, ...) nothing changes and the
     * exception says which element and which rule.
     */
    public void save(ClusterConfig config) throws DatabaseException {
        checkMappingsStayInTheirCec(config);
        Connection c = db.connection();
        String doing = "saving cluster " + config.name();
        try {
            try (Statement s = c.createStatement()) {
                for (String table : new String[] { "vscsi_mapping", "lpar", "vios", "cec", "ssp_lu", "cluster" }) {
                    s.executeUpdate("DELETE FROM " + table);
                }
            }
            try (PreparedStatement p = c.prepareStatement("INSERT INTO cluster (id, name, heartbeat_ms, failure_timeout_ms) VALUES (1, ?, ?, ?)")) {
                p.setString(1, config.name());
                p.setInt(2, config.heartbeatMillis());
                p.setInt(3, config.failureTimeoutMillis());
                p.executeUpdate();
            }
            try (PreparedStatement p = c.prepareStatement("INSERT INTO cec VALUES (?, ?, 1)")) {
                for (ClusterConfig.Cec cec : config.cecs()) {
                    doing = "saving CEC " + cec.name() + " (" + cec.serial() + ")";
                    p.setString(1, cec.serial());
                    p.setString(2, cec.name());
                    p.executeUpdate();
                }
            }
            try (PreparedStatement p = c.prepareStatement(
                    "INSERT INTO vios (id, name, cec_serial, cluster_id, address, role) VALUES (?, ?, ?, 1, ?, ?)")) {
                for (ClusterConfig.Vios v : config.vioses()) {
                    doing = "saving VIOS " + v.name() + " (id " + v.id() + ")";
                    p.setLong(1, v.id());
                    p.setString(2, v.name());
                    p.setString(3, v.cecSerial());
                    p.setString(4, v.address());
                    p.setString(5, v.role());
                    p.executeUpdate();
                }
            }
            try (PreparedStatement p = c.prepareStatement("INSERT INTO lpar VALUES (?, ?, ?, ?)")) {
                for (ClusterConfig.Lpar l : config.lpars()) {
                    doing = "saving LPAR " + l.name() + " (id " + l.id() + ")";
                    p.setInt(1, l.id());
                    p.setString(2, l.name());
                    p.setString(3, l.cecSerial());
                    p.setString(4, l.osType());
                    p.executeUpdate();
                }
            }
            try (PreparedStatement p = c.prepareStatement("INSERT INTO vscsi_mapping VALUES (?, ?, ?, ?)")) {
                for (ClusterConfig.Mapping m : config.mappings()) {
                    doing = "saving the mapping of LPAR " + m.lparId() + " on VIOS " + m.viosId() + " adapter " + m.adapter();
                    p.setLong(1, m.viosId());
                    p.setString(2, m.adapter());
                    p.setInt(3, m.lparId());
                    p.setString(4, m.backingDevice());
                    p.executeUpdate();
                }
            }
            try (PreparedStatement p = c.prepareStatement("INSERT INTO ssp_lu VALUES (?, ?, 1)")) {
                for (ClusterConfig.LogicalUnit lu : config.logicalUnits()) {
                    doing = "saving logical unit " + lu.name();
                    p.setString(1, lu.name());
                    p.setLong(2, lu.sizeMb());
                    p.executeUpdate();
                }
            }
            c.commit();
        } catch (SQLException e) {
            rollback(c);
            throw DatabaseException.of(doing, e);
        }
    }

    /**
     * A virtual SCSI mapping connects an LPAR to a VIOS of the same CEC (the hypervisor of one
     * server carries it): refused before anything is written, with the mapping named.
     */
    private static void checkMappingsStayInTheirCec(ClusterConfig config) throws DatabaseException {
        java.util.Map<Long, String> viosCec = new java.util.HashMap<>();
        config.vioses().forEach(v -> viosCec.put(v.id(), v.cecSerial()));
        java.util.Map<Integer, String> lparCec = new java.util.HashMap<>();
        config.lpars().forEach(l -> lparCec.put(l.id(), l.cecSerial()));
        for (ClusterConfig.Mapping m : config.mappings()) {
            String v = viosCec.get(m.viosId());
            String l = lparCec.get(m.lparId());
            if (v != null && l != null && !v.equals(l)) {
                throw new DatabaseException("saving the mapping of LPAR " + m.lparId() + " on VIOS " + m.viosId() + " adapter " + m.adapter()
                        + ": the LPAR runs in CEC " + l + ", the VIOS in CEC " + v + " (a mapping stays within one CEC); nothing was changed");
            }
        }
    }

    /** The stored configuration, or empty when none was saved. */
    public Optional<ClusterConfig> load() throws DatabaseException {
        Connection c = db.connection();
        try {
            String name;
            int heartbeat;
            int failure;
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT name, heartbeat_ms, failure_timeout_ms FROM cluster")) {
                if (!rs.next()) {
                    c.commit();
                    return Optional.empty();
                }
                name = rs.getString(1);
                heartbeat = rs.getInt(2);
                failure = rs.getInt(3);
            }
            List<ClusterConfig.Cec> cecs = new ArrayList<>();
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT serial, name FROM cec ORDER BY serial")) {
                while (rs.next()) {
                    cecs.add(new ClusterConfig.Cec(rs.getString(1), rs.getString(2)));
                }
            }
            List<ClusterConfig.Vios> vioses = new ArrayList<>();
            try (Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT id, name, cec_serial, address, role FROM vios ORDER BY id")) {
                while (rs.next()) {
                    vioses.add(new ClusterConfig.Vios(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)));
                }
            }
            List<ClusterConfig.Lpar> lpars = new ArrayList<>();
            try (Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT id, name, cec_serial, os_type FROM lpar ORDER BY id")) {
                while (rs.next()) {
                    lpars.add(new ClusterConfig.Lpar(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getString(4)));
                }
            }
            List<ClusterConfig.Mapping> mappings = new ArrayList<>();
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                    "SELECT vios_id, adapter, lpar_id, backing_device FROM vscsi_mapping ORDER BY vios_id, adapter")) {
                while (rs.next()) {
                    mappings.add(new ClusterConfig.Mapping(rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getString(4)));
                }
            }
            List<ClusterConfig.LogicalUnit> lus = new ArrayList<>();
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT name, size_mb FROM ssp_lu ORDER BY name")) {
                while (rs.next()) {
                    lus.add(new ClusterConfig.LogicalUnit(rs.getString(1), rs.getLong(2)));
                }
            }
            c.commit();
            return Optional.of(new ClusterConfig(name, heartbeat, failure, cecs, vioses, lpars, mappings, lus));
        } catch (SQLException e) {
            rollback(c);
            throw DatabaseException.of("reading the cluster configuration", e);
        }
    }

    /** Records what a VIOS reported (state UP/SUSPECTED/DOWN/UNKNOWN) and logs it, in one transaction. */
    public void recordState(long vios, String state, Instant at, String detail) throws DatabaseException {
        Connection c = db.connection();
        try {
            try (PreparedStatement p = c.prepareStatement("UPDATE vios SET state = ?, last_heartbeat = ? WHERE id = ?")) {
                p.setString(1, state);
                p.setTimestamp(2, Timestamp.from(at));
                p.setLong(3, vios);
                if (p.executeUpdate() == 0) {
                    rollback(c);
                    throw new DatabaseException("no VIOS with id " + vios + " in the VIOS database");
                }
            }
            try (PreparedStatement p = c.prepareStatement("INSERT INTO registration_log (vios_id, logged_at, event, detail) VALUES (?, ?, ?, ?)")) {
                p.setLong(1, vios);
                p.setTimestamp(2, Timestamp.from(at));
                p.setString(3, state);
                p.setString(4, detail);
                p.executeUpdate();
            }
            c.commit();
        } catch (SQLException e) {
            rollback(c);
            throw DatabaseException.of("recording the state of VIOS " + vios, e);
        }
    }

    /** Records the cluster's state (UNKNOWN, OK, DEGRADED, DOWN) and logs it, in one transaction. */
    public void recordClusterState(String state, Instant at, String detail) throws DatabaseException {
        Connection c = db.connection();
        try {
            try (PreparedStatement p = c.prepareStatement("UPDATE cluster SET state = ? WHERE id = 1")) {
                p.setString(1, state);
                if (p.executeUpdate() == 0) {
                    rollback(c);
                    throw new DatabaseException("no cluster in the VIOS database");
                }
            }
            try (PreparedStatement p = c.prepareStatement("INSERT INTO cluster_state_log (logged_at, state, detail) VALUES (?, ?, ?)")) {
                p.setTimestamp(1, Timestamp.from(at));
                p.setString(2, state);
                p.setString(3, detail);
                p.executeUpdate();
            }
            c.commit();
        } catch (SQLException e) {
            rollback(c);
            throw DatabaseException.of("recording the cluster state " + state, e);
        }
    }

    /** One line of the registration log or of the cluster's state history ({@code vios} -1 for the cluster's). */
    public record LogEntry(long seq, long vios, Instant at, String event, String detail) {
    }

    /** The newest {@code limit} lines of the registration log, oldest first. */
    public java.util.List<LogEntry> registrationLog(int limit) throws DatabaseException {
        return log("SELECT seq, vios_id, logged_at, event, detail FROM registration_log ORDER BY seq DESC", limit, "the registration log");
    }

    /** The newest {@code limit} changes of the cluster's state, oldest first. */
    public java.util.List<LogEntry> clusterStateLog(int limit) throws DatabaseException {
        return log("SELECT seq, -1, logged_at, state, detail FROM cluster_state_log ORDER BY seq DESC", limit, "the cluster's state history");
    }

    private java.util.List<LogEntry> log(String sql, int limit, String what) throws DatabaseException {
        Connection c = db.connection();
        try (PreparedStatement p = c.prepareStatement(sql)) {
            p.setMaxRows(limit);
            java.util.List<LogEntry> out = new java.util.ArrayList<>();
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    out.add(new LogEntry(rs.getLong(1), rs.getLong(2), rs.getTimestamp(3).toInstant(), rs.getString(4), rs.getString(5)));
                }
            }
            c.commit();
            java.util.Collections.reverse(out);
            return out;
        } catch (SQLException e) {
            rollback(c);
            throw DatabaseException.of("reading " + what, e);
        }
    }

    /** A VIOS as the database holds it now: its recorded state and the time of its last record. */
    public record NodeRow(long id, String name, String cecSerial, String role, String state, Instant lastHeartbeat) {
    }

    /** Every VIOS with its recorded state, by id. */
    public java.util.List<NodeRow> nodes() throws DatabaseException {
        Connection c = db.connection();
        try (PreparedStatement p = c.prepareStatement("SELECT id, name, cec_serial, role, state, last_heartbeat FROM vios ORDER BY id");
                ResultSet rs = p.executeQuery()) {
            java.util.List<NodeRow> out = new java.util.ArrayList<>();
            while (rs.next()) {
                Timestamp t = rs.getTimestamp(6);
                out.add(new NodeRow(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), t == null ? null : t.toInstant()));
            }
            c.commit();
            return out;
        } catch (SQLException e) {
            rollback(c);
            throw DatabaseException.of("reading the VIOSes", e);
        }
    }

    /** The cluster's recorded state, or empty when no cluster is configured. */
    public Optional<String> clusterState() throws DatabaseException {
        Connection c = db.connection();
        try (PreparedStatement p = c.prepareStatement("SELECT state FROM cluster WHERE id = 1"); ResultSet rs = p.executeQuery()) {
            Optional<String> s = rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            c.commit();
            return s;
        } catch (SQLException e) {
            rollback(c);
            throw DatabaseException.of("reading the cluster state", e);
        }
    }

    /** The state a VIOS last reported, or empty when the VIOS is unknown. */
    public Optional<String> state(long vios) throws DatabaseException {
        Connection c = db.connection();
        try (PreparedStatement p = c.prepareStatement("SELECT state FROM vios WHERE id = ?")) {
            p.setLong(1, vios);
            try (ResultSet rs = p.executeQuery()) {
                Optional<String> s = rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
                c.commit();
                return s;
            }
        } catch (SQLException e) {
            rollback(c);
            throw DatabaseException.of("reading the state of VIOS " + vios, e);
        }
    }

    private static void rollback(Connection c) {
        try {
            c.rollback();
        } catch (SQLException e) {
            // the original failure is what the caller reports; this one is logged beside it
            System.getLogger(ClusterConfigStore.class.getName()).log(System.Logger.Level.WARNING, "rollback after a failed transaction failed too", e);
        }
    }
}
