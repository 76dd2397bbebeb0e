package org.viosbench.transport;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.viosbench.json.SecretFiles;

/**
 * The secret a cluster's VIOSes share to authenticate their kcluster connections: one or two
 * 256-bit keys. The first signs; every one is accepted, so that a new key can be rolled out without
 * downtime, node by node, in three rounds: every node gets "old, new" (still signing with the old
 * key, accepting both), then "new, old" (signing with the new one, still accepting the old), then
 * "new" alone. A key file holds one key per line in hex (lines starting with # are comments) and
 * must be readable by its owner only.
 */
public final class ClusterKey {
    /** Bytes per key. */
    public static final int LENGTH = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final List<byte[]> keys;

    private ClusterKey(List<byte[]> keys) {
        this.keys = List.copyOf(keys);
    }

    /** {@code keys}, the first signing. */
    public static ClusterKey of(byte[]... keys) {
        if (keys.length == 0 || keys.length > 2) {
            throw new IllegalArgumentException("one or two keys (the second while a new one is rolled out), not " + keys.length);
        }
        for (byte[] k : keys) {
            if (k.length != LENGTH) {
                throw new IllegalArgumentException("a key is " + LENGTH + " bytes, not " + k.length);
            }
        }
        List<byte[]> copies = new ArrayList<>();
        for (byte[] k : keys) {
            copies.add(k.clone());
        }
        return new ClusterKey(copies);
    }

    /** A new random key, as a key file's line (hex). */
    public static String generate() {
        byte[] k = new byte[LENGTH];
        RANDOM.nextBytes(k);
        return HexFormat.of().formatHex(k);
    }

    /**
     * Reads a key file.
     *
     * @throws IllegalArgumentException when it is readable by others than its owner, or holds no, more than two, or malformed keys (the line named)
     */
    public static ClusterKey read(Path file) throws IOException {
        SecretFiles.requireOwnerOnly(file);
        List<byte[]> keys = new ArrayList<>();
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            try {
                byte[] k = HexFormat.of().parseHex(line);
                if (k.length != LENGTH) {
                    throw new IllegalArgumentException(LENGTH * 2 + " hex digits expected, found " + line.length());
                }
                keys.add(k);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(file + ", line " + (i + 1) + ": not a key (" + e.getMessage() + ")");
            }
        }
        if (keys.isEmpty() || keys.size() > 2) {
            throw new IllegalArgumentException(file + ": one or two keys expected (the second while a new one is rolled out), found " + keys.size());
        }
        return new ClusterKey(keys);
    }

    /** Creates {@code file} (which must not exist) with mode 0600 from the start and writes {@code text} to it. */
    public static void writeOwnerOnly(Path file, String text) throws IOException {
        SecretFiles.writeOwnerOnly(file, text);
    }

    /** Writes a new key file with one fresh key, mode 0600 from the start. */
    public static void writeNew(Path file) throws IOException {
        writeOwnerOnly(file, "# viosbench cluster key: give every node of the cluster this file (mode 0600)\n" + generate() + "\n");
    }

    /** How many keys are accepted. */
    public int size() {
        return keys.size();
    }

    byte[] key(int i) {
        return keys.get(i);
    }

    /** HMAC-SHA256 of {@code parts} under {@code key}. */
    static byte[] mac(byte[] key, byte[]... parts) {
        Mac m = hmac(key);
        for (byte[] p : parts) {
            m.update(p);
        }
        return m.doFinal();
    }

    /** An HMAC-SHA256 ready to sign with {@code key}. */
    static Mac hmac(byte[] key) {
        try {
            Mac m = Mac.getInstance("HmacSHA256");
            m.init(new SecretKeySpec(key, "HmacSHA256"));
            return m;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JDK has no HmacSHA256", e);
        }
    }

    /** Whether {@code a} and {@code b} are equal, in time that does not depend on where they differ. */
    static boolean same(byte[] a, byte[] b) {
        return MessageDigest.isEqual(a, b);
    }

    /** Random bytes. */
    static byte[] nonce(int n) {
        byte[] b = new byte[n];
        RANDOM.nextBytes(b);
        return b;
    }

    @Override
    public String toString() {
        return "ClusterKey(" + keys.size() + " key" + (keys.size() == 1 ? "" : "s") + ")"; // never the key itself
    }
}
