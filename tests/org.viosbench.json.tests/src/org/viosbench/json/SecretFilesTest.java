package org.viosbench.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretFilesTest {
    @TempDir
    Path tmp;

    @Test
    void aSecretIsItsOwnersAloneFromTheStart() throws Exception {
        Path key = tmp.resolve("k.key");
        SecretFiles.writeOwnerOnly(key, "secret\n");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(key)));
        assertEquals("secret\n", Files.readString(key));
        SecretFiles.requireOwnerOnly(key);
        assertThrows(FileAlreadyExistsException.class, () -> SecretFiles.writeOwnerOnly(key, "other"), "never overwritten");
        assertEquals("secret\n", Files.readString(key));
    }

    @Test
    void aSecretOthersMayReadOrWriteIsRefusedWithTheFix() throws Exception {
        Path key = Files.writeString(tmp.resolve("k.key"), "secret");
        for (String mode : new String[] { "rw-r-----", "rw----r--", "rw--w----", "rw-----w-" }) {
            Files.setPosixFilePermissions(key, PosixFilePermissions.fromString(mode));
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SecretFiles.requireOwnerOnly(key), mode);
            assertEquals(key + " is readable or writable by others than its owner (mode must be 0600: chmod 600 " + key + ")", e.getMessage());
        }
        Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("r--------"));
        SecretFiles.requireOwnerOnly(key);
    }

    @Test
    void aFileThatIsNoCertificateIsNamed() throws Exception {
        Path notPem = Files.writeString(tmp.resolve("ca.crt"), "-----BEGIN CERTIFICATE-----\nnot base64 at all\n-----END CERTIFICATE-----\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SecretFiles.certificate(notPem));
        assertTrue(e.getMessage().startsWith(notPem + ": not a PEM certificate"), e.getMessage());
    }
}
