package org.viosbench.db;

import java.sql.SQLException;
import java.util.Locale;
import java.util.Map;

/** A VIOS database operation failed; the message says what is wrong in the user's terms. */
public final class DatabaseException extends Exception {
    private static final long serialVersionUID = 1L;

    /** What each named constraint of the schema protects, for messages. */
    private static final Map<String, String> CONSTRAINTS = Map.of(
            "VIOS_NAME_UNIQUE", "a VIOS name must be unique",
            "CEC_NAME_UNIQUE", "a CEC name must be unique",
            "LPAR_NAME_UNIQUE", "an LPAR name must be unique",
            "VIOS_CEC", "a VIOS must run in a CEC of the cluster",
            "LPAR_CEC", "an LPAR must run in a CEC of the cluster",
            "MAPPING_VIOS", "a virtual SCSI mapping must name a VIOS of the cluster",
            "MAPPING_LPAR", "a virtual SCSI mapping must name an LPAR of the cluster");

    public DatabaseException(String message) {
        super(message);
    }

    public DatabaseException(String message, Throwable cause) {
        super(message, cause);
    }

    /** Explains {@code e}, raised while doing {@code what}, naming the broken rule when it is a constraint. */
    static DatabaseException of(String what, SQLException e) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        String text = e.getMessage() == null ? "" : e.getMessage();
        String rule = null;
        for (Map.Entry<String, String> c : CONSTRAINTS.entrySet()) {
            if (text.toUpperCase(Locale.ROOT).contains("'" + c.getKey() + "'")) {
                rule = c.getValue();
            }
        }
        String kind = switch (state) {
            case "23505" -> "duplicate";
            case "23503" -> "reference to something that does not exist";
            case "23513" -> "value out of range";
            case "XJ040", "XSDB6" -> "the database is in use by another process";
            case "08004" -> "connection refused (wrong user or password, no such database, or locked out after repeated wrong passwords)";
            case "08001" -> "cannot reach the database server";
            default -> "database error " + state;
        };
        // a broken rule is said in the user's terms; Derby's own text (constraint ids, table names) only where nothing better is known
        boolean explained = state.startsWith("23") || state.equals("XJ040") || state.equals("XSDB6") || state.equals("08004") || state.equals("08001");
        return new DatabaseException(what + ": " + kind + (rule == null ? "" : " (" + rule + ")") + (explained ? "" : " [" + state + ": " + text + "]"), e);
    }
}
