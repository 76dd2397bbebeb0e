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

import org.viosbench.engine.TraceEvent;

/**
 * Trace runs in the VIOS database: a run's engine trace events, written in batches (one encoded
 * row and one transaction each: a batch is either all there or not at all) and read back in order.
 */
public final class TraceStore {
    private final ViosDatabase db;

    TraceStore(ViosDatabase db) {
        this.db = db;
    }

    /** A stored run. */
    public record Run(long id, String name, Instant startedAt, long events) {
    }

    /** Starts a run named {@code name}; returns its id. */
    public long startRun(String name) throws DatabaseException {
        Connection c = db.connection();
        try (PreparedStatement p = c.prepareStatement("INSERT INTO trace_run (name, started_at) VALUES (?, ?)",
                Statement.RETURN_GENERATED_KEYS)) {
            p.setString(1, name);
            p.setTimestamp(2, Timestamp.from(Instant.now()));
            p.executeUpdate();
            try (ResultSet keys = p.getGeneratedKeys()) {
                keys.next();
                long id = keys.getLong(1);
                c.commit();
                return id;
            }
        } catch (SQLException e) {
            rollback(c);
            throw DatabaseException.of("starting trace run " + name, e);
        }
    }

    /**
     * Appends {@code events} to run {@code run} as numbers {@code firstSeq}, {@code firstSeq + 1}, ...:
     * one encoded batch, one row, one transaction.
     */
    public void append(long run, long firstSeq, List<TraceEvent> events) throws DatabaseException {
        if (events.isEmpty()) {
            return;
        }
        Connection c = db.connection();
        try (PreparedStatement next = c.prepareStatement(
                "SELECT COALESCE(MAX(first_seq + event_count), 0) FROM trace_batch WHERE run_id = ?")) {
            next.setLong(1, run);
            try (ResultSet rs = next.executeQuery()) {
                rs.next();
                long expected = rs.getLong(1);
                if (expected != firstSeq) {
                    rollback(c);
                    throw new DatabaseException("trace run " + run + " continues at event " + expected + ", not " + firstSeq
                            + ": nothing was written");
                }
            }
        } catch (SQLException e) {
            rollback(c);
            throw DatabaseException.of("checking trace run " + run, e);
        }
        try (PreparedStatement p = c.prepareStatement("INSERT INTO trace_batch VALUES (?, ?, ?, ?)")) {
            p.setLong(1, run);
            p.setLong(2, firstSeq);
            p.setInt(3, events.size());
            p.setBytes(4, TraceBatchCodec.encode(events));
            p.executeUpdate();
            c.commit();
        } catch (SQLException e) {
            rollback(c);
            throw DatabaseException.of("writing " + events.size() + " trace events of run " + run + " from number " + firstSeq, e);
        }
    }

    /** Every stored run with its event count, oldest first. */
    public List<Run> runs() throws DatabaseException {
        Connection c = db.connection();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT r.id, r.name, r.started_at, "
                + "(SELECT COALESCE(SUM(b.event_count), 0) FROM trace_batch b WHERE b.run_id = r.id) FROM trace_run r ORDER BY r.id")) {
            List<Run> runs = new ArrayList<>();
            while (rs.next()) {
                runs.add(new Run(rs.getLong(1), rs.getString(2), rs.getTimestamp(3).toInstant(), rs.getLong(4)));
            }
            c.commit();
            return runs;
        } catch (SQLException e) {
            rollback(c);
            throw DatabaseException.of("listing trace runs", e);
        }
    }

    /** The events of run {@code run} with numbers in [from, from + max), in order. */
    public List<TraceEvent> events(long run, long from, int max) throws DatabaseException {
        Connection c = db.connection();
        long to = from + max;
        try (PreparedStatement p = c.prepareStatement("SELECT first_seq, data FROM trace_batch "
                + "WHERE run_id = ? AND first_seq < ? AND first_seq + event_count > ? ORDER BY first_seq")) {
            p.setLong(1, run);
            p.setLong(2, to);
            p.setLong(3, from);
            List<TraceEvent> out = new ArrayList<>();
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    long first = rs.getLong(1);
                    List<TraceEvent> batch = TraceBatchCodec.decode(rs.getBytes(2));
                    for (int i = 0; i < batch.size(); i++) {
                        long seq = first + i;
                        if (seq >= from && seq < to) {
                            out.add(batch.get(i));
                        }
                    }
                }
            }
            c.commit();
            return out;
        } catch (SQLException e) {
            rollback(c);
            throw DatabaseException.of("reading trace run " + run, e);
        } catch (java.io.IOException | IllegalArgumentException e) {
            rollback(c);
            throw new DatabaseException("trace run " + run + " holds a batch this viosbench cannot read: " + e.getMessage(), e);
        }
    }

    private static void rollback(Connection c) {
        try {
            c.rollback();
        } catch (SQLException e) {
            // the original failure is what the caller reports; this one is logged beside it
            System.getLogger(TraceStore.class.getName()).log(System.Logger.Level.WARNING, "rollback after a failed transaction failed too", e);
        }
    }
}
