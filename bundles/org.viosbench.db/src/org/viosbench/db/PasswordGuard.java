package org.viosbench.db;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.SQLException;
import java.util.Properties;
import java.util.function.LongSupplier;

import org.apache.derby.authentication.UserAuthenticator;

/**
 * The database server's user check (Derby's {@code derby.authentication.provider}): one user and password, compared
 * in constant time, and a lockout against guessing. After {@link #FREE_FAILURES} wrong passwords in a row every
 * attempt is refused unchecked, the right password included, for a lockout that doubles with each further wrong
 * password from 2 s up to {@link #MAX_LOCKOUT_MILLIS}; a right password after the lockout ends resets it. Refused
 * attempts are counted and logged.
 *
 * <p>Derby makes an instance by name (its bundle imports packages dynamically) and asks it for every connection, the
 * server's own embedded one included; the instance keeps nothing: the user, the password's digest and the counters
 * are this class's, set by {@link #install} once per process (Derby's engine settings are per process too). The
 * password is not kept as a system property, where BUILTIN authentication would want it.
 */
public final class PasswordGuard implements UserAuthenticator {
    /** Wrong passwords in a row that cost nothing. */
    public static final int FREE_FAILURES = 3;
    /** Longest lockout. */
    public static final long MAX_LOCKOUT_MILLIS = 60_000;

    /** SQLState Derby uses for a refused connection (authentication failed). */
    static final String REFUSED = "08004";
    private static final System.Logger LOG = System.getLogger(PasswordGuard.class.getName());

    private static String user;
    private static byte[] digest;
    private static LongSupplier clock = System::currentTimeMillis;
    private static int failuresInARow;
    private static long lockedUntil;
    private static long refused;
    private static long lockedOutAttempts;

    /** For Derby, which makes it by name. */
    public PasswordGuard() {
    }

    /** Makes Derby's engine in this process check {@code password} of {@code user} through this class. */
    static void install(String user, String password) {
        expect(user, password);
        System.setProperty("derby.connection.requireAuthentication", "true");
        System.setProperty("derby.authentication.provider", PasswordGuard.class.getName());
    }

    /** Checks {@code user} and {@code password} from now on, counters reset (without making Derby ask: {@link #install}). */
    static synchronized void expect(String user, String password) {
        PasswordGuard.user = user;
        PasswordGuard.digest = sha256(password);
        failuresInARow = 0;
        lockedUntil = 0;
        refused = 0;
        lockedOutAttempts = 0;
    }

    /** For tests: a clock in milliseconds instead of the system's. */
    static synchronized void useClock(LongSupplier millis) {
        clock = millis;
    }

    /** Attempts refused so far (wrong user or password, or during a lockout). */
    public static synchronized long refused() {
        return refused;
    }

    /** Attempts refused unchecked because a lockout was running. */
    public static synchronized long lockedOutAttempts() {
        return lockedOutAttempts;
    }

    @Override
    public boolean authenticateUser(String userName, String userPassword, String databaseName, Properties info) throws SQLException {
        return check(userName, userPassword);
    }

    /**
     * Whether {@code userName} and {@code userPassword} are the server's; during a lockout a refusal that says so.
     *
     * @throws SQLException (08004) while locked out, saying for how long
     */
    static synchronized boolean check(String userName, String userPassword) throws SQLException {
        long now = clock.getAsLong();
        if (now < lockedUntil) {
            refused++;
            lockedOutAttempts++;
            long seconds = (lockedUntil - now + 999) / 1000;
            throw new SQLException("locked out after " + failuresInARow + " wrong passwords in a row: try again in " + seconds + " s", REFUSED);
        }
        boolean right = digest != null && userName != null && userPassword != null && userName.equals(user)
                & MessageDigest.isEqual(digest, sha256(userPassword));
        if (right) {
            failuresInARow = 0;
            return true;
        }
        refused++;
        failuresInARow++;
        if (failuresInARow > FREE_FAILURES) {
            long lockout = Math.min(MAX_LOCKOUT_MILLIS, 2000L << Math.min(16, failuresInARow - FREE_FAILURES - 1));
            lockedUntil = now + lockout;
            LOG.log(System.Logger.Level.WARNING, "{0} wrong passwords in a row: every attempt refused for {1} ms", failuresInARow, lockout);
        } else {
            LOG.log(System.Logger.Level.INFO, "wrong user or password, {0} in a row", failuresInARow);
        }
        return false;
    }

    private static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
