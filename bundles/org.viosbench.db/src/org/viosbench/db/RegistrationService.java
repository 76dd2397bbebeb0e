package org.viosbench.db;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.viosbench.protocol.Errno;
import org.viosbench.engine.IncomingMessage;
import org.viosbench.engine.MessageHandler;
import org.viosbench.engine.Reply;

/**
 * The registration daemon of the VIOS database node: a VIOS that joins sends REGISTER (payload:
 * its address, UTF-8); the service marks it UP in the VIOS database, logs the registration and
 * answers with the cluster configuration and status, one line per item:
 * {@code cluster NAME HEARTBEAT_MS FAILURE_MS}, then {@code vios ID NAME CEC STATE ROLE} per VIOS.
 * A VIOS the configuration does not hold is refused (EACCES).
 */
public final class RegistrationService implements MessageHandler {
    private final ViosDatabase db;

    public RegistrationService(ViosDatabase db) {
        this.db = db;
    }

    @Override
    public Reply handle(IncomingMessage m) throws DatabaseException {
        long vios = Integer.toUnsignedLong(m.source());
        String address = new String(m.payloadBytes(), StandardCharsets.UTF_8);
        synchronized (db) {
            ClusterConfigStore store = db.config();
            ClusterConfig config = store.load().orElse(null);
            if (config == null || config.vioses().stream().noneMatch(v -> v.id() == vios)) {
                return Reply.error(Errno.EACCES, "VIOS " + vios + " is not in the cluster configuration of the VIOS database");
            }
            store.recordState(vios, "UP", Instant.now(), "registered" + (address.isBlank() ? "" : " from " + address));
            StringBuilder sb = new StringBuilder();
            sb.append("cluster ").append(config.name()).append(' ').append(config.heartbeatMillis()).append(' ')
                    .append(config.failureTimeoutMillis()).append('\n');
            for (ClusterConfig.Vios v : config.vioses()) {
                sb.append("vios ").append(v.id()).append(' ').append(v.name()).append(' ').append(v.cecSerial()).append(' ')
                        .append(store.state(v.id()).orElse("UNKNOWN")).append(' ').append(v.role()).append('\n');
            }
            return Reply.ok(sb.toString().getBytes(StandardCharsets.UTF_8));
        }
    }
}
