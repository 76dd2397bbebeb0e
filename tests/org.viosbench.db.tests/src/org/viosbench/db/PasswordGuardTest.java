package org.viosbench.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The database server's lockout against password guessing, on a clock the test moves. */
class PasswordGuardTest {
    private final AtomicLong now = new AtomicLong(1_000_000);

    @BeforeEach
    void expectOneUser() {
        PasswordGuard.useClock(now::get);
        PasswordGuard.expect("viosbench", "s3cret");
    }

    @AfterEach
    void realClock() {
        PasswordGuard.useClock(System::currentTimeMillis);
    }

    @Test
    void theUserAndPasswordPassOthersDoNot() throws SQLException {
        assertTrue(PasswordGuard.check("viosbench", "s3cret"));
        assertFalse(PasswordGuard.check("viosbench", "s3cret "));
        assertFalse(PasswordGuard.check("other", "s3cret"));
        assertFalse(PasswordGuard.check("viosbench", null));
        assertTrue(PasswordGuard.check("viosbench", "s3cret"));
        assertFalse(PasswordGuard.check(null, "s3cret"));
        assertFalse(PasswordGuard.check("viosbench", ""));
        assertFalse(PasswordGuard.check("VIOSBENCH", "s3cret"));
        assertEquals(6, PasswordGuard.refused());
        assertEquals(0, PasswordGuard.lockedOutAttempts());
    }

    @Test
    void wrongPasswordsInARowLockEveryoneOutForLongerEachTime() throws SQLException {
        for (int i = 0; i < PasswordGuard.FREE_FAILURES; i++) {
            assertFalse(PasswordGuard.check("viosbench", "guess" + i));
        }
        assertTrue(PasswordGuard.check("viosbench", "s3cret"), "a few wrong passwords cost nothing");
        for (int i = 0; i <= PasswordGuard.FREE_FAILURES; i++) {
            assertFalse(PasswordGuard.check("viosbench", "guess" + i));
        }
        // the last one started a 2 s lockout: the right password is refused unchecked, and said why
        SQLException locked = assertThrows(SQLException.class, () -> PasswordGuard.check("viosbench", "s3cret"));
        assertEquals(PasswordGuard.REFUSED, locked.getSQLState());
        assertTrue(locked.getMessage().contains("locked out after 4 wrong passwords in a row: try again in 2 s"), locked.getMessage());
        now.addAndGet(1999);
        assertThrows(SQLException.class, () -> PasswordGuard.check("viosbench", "s3cret"));
        now.addAndGet(1);
        // a further wrong password doubles the lockout
        assertFalse(PasswordGuard.check("viosbench", "guess"));
        now.addAndGet(3999);
        assertThrows(SQLException.class, () -> PasswordGuard.check("viosbench", "s3cret"));
        now.addAndGet(1);
        assertTrue(PasswordGuard.check("viosbench", "s3cret"));
        // and a right password resets it
        for (int i = 0; i < PasswordGuard.FREE_FAILURES; i++) {
            assertFalse(PasswordGuard.check("viosbench", "guess" + i));
        }
        assertTrue(PasswordGuard.check("viosbench", "s3cret"));
        assertEquals(3, PasswordGuard.lockedOutAttempts());
        assertEquals(3 + 4 + 3 + 1 + 3, PasswordGuard.refused());
    }

    @Test
    void theLockoutStopsGrowingAtAMinute() throws SQLException {
        for (int i = 0; i < 40; i++) {
            assertFalse(PasswordGuard.check("viosbench", "guess"));
            now.addAndGet(PasswordGuard.MAX_LOCKOUT_MILLIS);
        }
        assertFalse(PasswordGuard.check("viosbench", "guess"));
        now.addAndGet(PasswordGuard.MAX_LOCKOUT_MILLIS - 1);
        assertThrows(SQLException.class, () -> PasswordGuard.check("viosbench", "s3cret"));
        now.addAndGet(1);
        assertTrue(PasswordGuard.check("viosbench", "s3cret"));
    }
}
