package org.viosbench.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Naming a VIOS database: embedded directories and network URLs, and what a client hears when the server is not there. */
class DatabaseLocationTest {

    @TempDir
    Path tmp;

    @Test
    void networkUrlsAreCheckedBeforeAnyConnection() {
        for (String bad : new String[] { "jdbc:derby:/local/dir", "jdbc:derby://host:1527/", "jdbc:derby://host:1527",
                "jdbc:derby://host:1527/db;create=true", "http://host/db" }) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DatabaseLocation.network(bad, "u", "p"), bad);
            assertTrue(e.getMessage().contains(bad), e.getMessage());
        }
        DatabaseLocation ok = DatabaseLocation.network("jdbc:derby://127.0.0.1:1527/viosdb", "viosbench", "secret");
        assertFalse(ok.isEmbedded());
        assertEquals("jdbc:derby://127.0.0.1:1527/viosdb as viosbench", ok.toString());
        assertFalse(ok.toString().contains("secret"), "the password never shows");
        assertTrue(DatabaseLocation.embedded(tmp.resolve("x")).isEmbedded());
    }

    @Test
    void anAbsentServerIsReportedAsSuch() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort(); // closed again: nobody listens there
        }
        DatabaseLocation nowhere = DatabaseLocation.network("jdbc:derby://127.0.0.1:" + port + "/viosdb", "viosbench", "secret");
        DatabaseException e = assertThrows(DatabaseException.class, () -> ViosDatabase.open(nowhere));
        assertTrue(e.getMessage().contains("cannot reach the database server"), e.getMessage());
        assertTrue(e.getMessage().contains("127.0.0.1:" + port), e.getMessage());
    }
}
