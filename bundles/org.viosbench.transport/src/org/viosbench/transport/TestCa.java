package org.viosbench.transport;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A test certificate authority for one cluster's mutual TLS (Bouncy Castle for the X.509 building,
 * the JDK for keys and signatures): an EC P-256 CA that signs one certificate per VIOS, common name
 * {@code vios-<id>}, for both TLS client and server use, and the VIOS database server's and its
 * clients' certificates ({@code db-server}, {@code db-client}). Files are PEM; private keys PKCS#8, mode
 * 0600. For tests and demos: a real deployment's certificates come from the site's own CA.
 */
public final class TestCa {
    static final Duration VALIDITY = Duration.ofDays(365);
    /** The common name (and file name) of the VIOS database server's certificate. */
    public static final String DB_SERVER = "db-server";
    /** The common name (and file name) of the certificate the VIOS database's clients show. */
    public static final String DB_CLIENT = "db-client";
    private static final SecureRandom RANDOM = new SecureRandom();

    private TestCa() {
    }

    /**
     * Writes {@code ca.crt}, {@code ca.key} and every VIOS's certificate and key into {@code dir} (created if
     * needed); returns the files written. Nothing is overwritten: when any of the files exists, nothing is written.
     */
    public static List<Path> write(Path dir, String cluster, List<Integer> vioses) throws IOException {
        List<Path> planned = new ArrayList<>(List.of(dir.resolve(ClusterTls.CA_FILE), dir.resolve("ca.key")));
        List<String> names = new ArrayList<>();
        for (int id : vioses) {
            names.add(ClusterTls.NAME_PREFIX + Integer.toUnsignedString(id));
        }
        names.add(DB_SERVER);
        names.add(DB_CLIENT);
        for (String n : names) {
            planned.add(dir.resolve(n + ".crt"));
            planned.add(dir.resolve(n + ".key"));
        }
        for (Path p : planned) {
            if (Files.exists(p)) {
                throw new FileAlreadyExistsException(p.toString());
            }
        }
        Files.createDirectories(dir);
        try {
            Instant now = Instant.now();
            KeyPair caKeys = keys();
            X500Name caName = name("viosbench test CA", cluster);
            X509Certificate ca = sign(new JcaX509v3CertificateBuilder(caName, serial(), Date.from(now.minusSeconds(60)),
                    Date.from(now.plus(VALIDITY)), caName, caKeys.getPublic())
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(0))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign)), caKeys);
            Files.writeString(planned.get(0), pem("CERTIFICATE", ca.getEncoded()));
            ClusterKey.writeOwnerOnly(planned.get(1), pem("PRIVATE KEY", caKeys.getPrivate().getEncoded()));
            int i = 2;
            for (String n : names) {
                KeyPair keys = keys();
                X509Certificate cert = sign(new JcaX509v3CertificateBuilder(caName, serial(), Date.from(now.minusSeconds(60)),
                        Date.from(now.plus(VALIDITY)), name(n, cluster), keys.getPublic())
                        .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
                        .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature))
                        .addExtension(Extension.extendedKeyUsage, false,
                                new ExtendedKeyUsage(new KeyPurposeId[] { KeyPurposeId.id_kp_serverAuth, KeyPurposeId.id_kp_clientAuth })),
                        caKeys);
                Files.writeString(planned.get(i++), pem("CERTIFICATE", cert.getEncoded()));
                ClusterKey.writeOwnerOnly(planned.get(i++), pem("PRIVATE KEY", keys.getPrivate().getEncoded()));
            }
            return planned;
        } catch (GeneralSecurityException | OperatorCreationException | CertIOException e) {
            throw new IllegalStateException("this JDK cannot make EC P-256 certificates: " + e.getMessage(), e);
        }
    }

    private static KeyPair keys() throws GeneralSecurityException {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
        return g.generateKeyPair();
    }

    private static X500Name name(String cn, String cluster) {
        return new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.O, "viosbench cluster " + cluster).addRDN(BCStyle.CN, cn).build();
    }

    private static BigInteger serial() {
        return new BigInteger(64, RANDOM).add(BigInteger.ONE);
    }

    private static X509Certificate sign(X509v3CertificateBuilder b, KeyPair issuer) throws OperatorCreationException, GeneralSecurityException {
        return new JcaX509CertificateConverter().getCertificate(b.build(new JcaContentSignerBuilder("SHA256withECDSA").build(issuer.getPrivate())));
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der) + "\n-----END " + type + "-----\n";
    }
}
