package org.viosbench.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.viosbench.db.DatabaseLocation;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * Options naming a VIOS database: an embedded one in a directory ({@code --db}), or one served by
 * {@code viosbench db-server} ({@code --db-url} with a user and a password from a file or the
 * environment; never from the command line, where other users could read it).
 */
final class DbLocation {
    /** The environment variable a password may come from. */
    static final String PASSWORD_VARIABLE = "VIOSBENCH_DB_PASSWORD";

    @Option(names = "--db", paramLabel = "DIR", description = "The VIOS database directory, embedded Derby (default: $VIOSBENCH_HOME/db, "
            + "else $XDG_DATA_HOME/viosbench/db or ~/.local/share/viosbench/db).")
    Path dir;

    @Option(names = "--db-url", paramLabel = "URL", description = "Instead of --db: a VIOS database served by viosbench db-server, "
            + "jdbc:derby://HOST:PORT/NAME.")
    String url;

    @Option(names = "--db-user", paramLabel = "USER", description = "The user for --db-url (default: ${DEFAULT-VALUE}).")
    String user = "viosbench";

    @Option(names = "--db-password-file", paramLabel = "FILE", description = "A file whose first line is the password for --db-url "
            + "(default: the environment variable " + PASSWORD_VARIABLE + ").")
    Path passwordFile;

    @Option(names = "--db-tls", paramLabel = "DIR", description = "For --db-url to a server started with --tls: DIR holds ca.crt and "
            + "db-client.crt/.key (viosbench cluster ca).")
    Path tlsDir;

    /** Whether a database was named at all. */
    boolean given() {
        return dir != null || url != null;
    }

    /** The named database, else the default directory. */
    DatabaseLocation resolve(CommandSpec spec) {
        if (dir != null && url != null) {
            throw new ParameterException(spec.commandLine(), "give either --db or --db-url, not both");
        }
        if (tlsDir != null && url == null) {
            throw new ParameterException(spec.commandLine(), "--db-tls is for --db-url (a database server started with --tls)");
        }
        if (url == null) {
            return DatabaseLocation.embedded(dir != null ? dir : defaultDirectory());
        }
        String password = password(spec, passwordFile);
        if (password == null) {
            throw new ParameterException(spec.commandLine(), "--db-url needs a password: --db-password-file FILE or the environment variable "
                    + PASSWORD_VARIABLE);
        }
        DatabaseLocation location;
        try {
            location = DatabaseLocation.network(url, user, password);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--db-url: " + e.getMessage());
        }
        if (tlsDir == null) {
            return location;
        }
        try {
            org.viosbench.db.DerbyTls.install(tlsDir, org.viosbench.db.DerbyTls.CLIENT);
        } catch (java.io.IOException | IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--db-tls: " + e.getMessage());
        }
        return location.withTls();
    }

    /** The user's VIOS database directory. */
    static Path defaultDirectory() {
        String home = System.getenv("VIOSBENCH_HOME");
        if (home == null || home.isBlank()) {
            String xdg = System.getenv("XDG_DATA_HOME");
            home = (xdg == null || xdg.isBlank() ? System.getProperty("user.home") + "/.local/share" : xdg) + "/viosbench";
        }
        return Path.of(home, "db");
    }

    /** The first line of {@code file}, else the password variable, else null. */
    static String password(CommandSpec spec, Path file) {
        if (file == null) {
            String env = System.getenv(PASSWORD_VARIABLE);
            return env == null || env.isEmpty() ? null : env;
        }
        try {
            String first = Files.readAllLines(file, StandardCharsets.UTF_8).stream().findFirst().orElse("");
            if (first.isEmpty()) {
                throw new ParameterException(spec.commandLine(), "the password file " + file + " is empty (its first line is the password)");
            }
            return first;
        } catch (IOException e) {
            throw new ParameterException(spec.commandLine(), "cannot read the password file " + file + ": " + e);
        }
    }
}
