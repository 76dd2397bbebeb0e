package org.viosbench.engine;

import org.viosbench.protocol.Errno;

import java.util.Objects;

/** A system call failed before anything was sent; {@link #errno()} says why. */
public final class SyscallException extends Exception {
    private static final long serialVersionUID = 1L;

    private final Errno errno;

    public SyscallException(Errno errno, String detail) {
        super(errno + " (" + errno.text() + ")" + (detail == null || detail.isEmpty() ? "" : ": " + detail));
        this.errno = Objects.requireNonNull(errno);
    }

    public Errno errno() {
        return errno;
    }
}
