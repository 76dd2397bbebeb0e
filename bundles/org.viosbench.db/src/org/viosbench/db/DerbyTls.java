package org.viosbench.db;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.HexFormat;

import org.viosbench.json.SecretFiles;

/**
 * TLS with peer authentication for the Derby Network Server and its clients (Derby's
 * {@code sslMode=peerAuthentication}): both sides show a certificate of the cluster's CA, so the
 * password never crosses the wire in clear and nobody without a certificate reaches the server at all,
 * its administration commands (trace, log connections, thread settings, server info) included, which
 * Derby itself runs without credentials. Derby takes its key and trust stores from the JVM's
 * {@code javax.net.ssl.*} properties: {@link #install} writes them as PKCS#12 files into a private
 * directory (mode 0700) from the PEM files {@code viosbench cluster ca} makes, once per process.
 */
public final class DerbyTls {
    /** The certificate the database server shows. */
    public static final String SERVER = "db-server";
    /** The certificate a database client shows. */
    public static final String CLIENT = "db-client";
    private static Path installed;

    private DerbyTls() {
    }

    /**
     * Makes {@code name}'s certificate and key in {@code dir} (PEM: {@code name.crt}, {@code name.key}, and the CA's
     * {@code ca.crt}) this JVM's TLS identity and trust, for Derby. Once per process.
     *
     * @throws IllegalArgumentException naming the file that is missing or not PEM
     * @throws IllegalStateException    when another identity was installed already
     */
    public static synchronized void install(Path dir, String name) throws IOException {
        if (installed != null) {
            throw new IllegalStateException("the database TLS identity of this process is set already (" + installed + ")");
        }
        Path ca = dir.resolve("ca.crt");
        Path cert = dir.resolve(name + ".crt");
        Path key = dir.resolve(name + ".key");
        for (Path f : new Path[] { ca, cert, key }) {
            if (!Files.isRegularFile(f)) {
                throw new IllegalArgumentException(f + ": no such file (viosbench cluster ca writes the database's TLS files)");
            }
        }
        SecretFiles.requireOwnerOnly(key);
        byte[] secret = new byte[16];
        new SecureRandom().nextBytes(secret);
        char[] password = HexFormat.of().formatHex(secret).toCharArray();
        Path stores = Files.createTempDirectory("viosbench-db-tls", PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        stores.toFile().deleteOnExit();
        try {
            Certificate caCert = SecretFiles.certificate(ca);
            KeyStore identity = KeyStore.getInstance("PKCS12");
            identity.load(null, null);
            identity.setKeyEntry(name, privateKey(key), password, new Certificate[] { SecretFiles.certificate(cert), caCert });
            KeyStore trust = KeyStore.getInstance("PKCS12");
            trust.load(null, null);
            trust.setCertificateEntry("ca", caCert);
            Path identityFile = write(stores.resolve("identity.p12"), identity, password);
            Path trustFile = write(stores.resolve("trust.p12"), trust, password);
            System.setProperty("javax.net.ssl.keyStore", identityFile.toString());
            System.setProperty("javax.net.ssl.keyStorePassword", new String(password));
            System.setProperty("javax.net.ssl.keyStoreType", "PKCS12");
            System.setProperty("javax.net.ssl.trustStore", trustFile.toString());
            System.setProperty("javax.net.ssl.trustStorePassword", new String(password));
            System.setProperty("javax.net.ssl.trustStoreType", "PKCS12");
            installed = cert;
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException(dir + ": the TLS files of " + name + " cannot be used: " + e.getMessage(), e);
        }
    }

    private static Path write(Path file, KeyStore store, char[] password) throws IOException, GeneralSecurityException {
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        file.toFile().deleteOnExit();
        try (OutputStream out = Files.newOutputStream(file)) {
            store.store(out, password);
        }
        return file;
    }

    private static PrivateKey privateKey(Path file) throws IOException {
        String pem = Files.readString(file, StandardCharsets.US_ASCII);
        int begin = pem.indexOf("-----BEGIN PRIVATE KEY-----");
        int end = pem.indexOf("-----END PRIVATE KEY-----");
        if (begin < 0 || end < begin) {
            throw new IllegalArgumentException(file + ": not a PEM PKCS#8 private key");
        }
        byte[] der = Base64.getMimeDecoder().decode(pem.substring(begin + 27, end));
        for (String algorithm : new String[] { "EC", "RSA" }) {
            try {
                return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
            } catch (GeneralSecurityException e) {
                // try the next algorithm
            }
        }
        throw new IllegalArgumentException(file + ": a private key that is neither EC nor RSA");
    }
}
