package org.viosbench.json;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * The files that hold secrets and credentials (a cluster key, TLS keys and certificates), for the kcluster and the
 * database alike: a secret is its owner's alone (mode 0600) from the moment it is created, and one that others may
 * read or write is refused, naming the chmod that fixes it.
 */
public final class SecretFiles {
    private static final Set<PosixFilePermission> OTHERS = EnumSet.of(PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_WRITE,
            PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE);

    private SecretFiles() {
    }

    /**
     * Refuses a secret file that others than its owner may read or write (nothing to check on a file system without
     * POSIX permissions).
     *
     * @throws IllegalArgumentException naming the file and the chmod that fixes it
     */
    public static void requireOwnerOnly(Path file) throws IOException {
        try {
            if (!Collections.disjoint(Files.getPosixFilePermissions(file), OTHERS)) {
                throw new IllegalArgumentException(file + " is readable or writable by others than its owner (mode must be 0600: chmod 600 "
                        + file + ")");
            }
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: nothing to check
        }
    }

    /** Creates {@code file} (which must not exist) with mode 0600 from the start and writes {@code text} to it. */
    public static void writeOwnerOnly(Path file, String text) throws IOException {
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE)));
        } catch (UnsupportedOperationException e) {
            Files.createFile(file);
        }
        Files.writeString(file, text);
    }

    /**
     * The X.509 certificate in PEM file {@code file}.
     *
     * @throws IllegalArgumentException naming the file when it holds no certificate
     */
    public static X509Certificate certificate(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        } catch (CertificateException e) {
            throw new IllegalArgumentException(file + ": not a PEM certificate (" + e.getMessage() + ")", e);
        }
    }
}
