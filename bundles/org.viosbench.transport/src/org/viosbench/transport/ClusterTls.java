package org.viosbench.transport;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.Map;
import java.util.function.Consumer;

import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLPeerUnverifiedException;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.ssl.ClientAuth;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.ssl.SslHandshakeCompletionEvent;

import org.viosbench.json.SecretFiles;

/**
 * Mutual TLS for kcluster connections, the alternative to a {@link ClusterKey}: TLS 1.3 both ways,
 * certificates from PEM files, a client certificate required. A VIOS's certificate names it: its
 * subject's common name is {@code vios-<id>}, signed by the cluster's CA. The accepting VIOS takes
 * frames only from a certificate of a member of the cluster, and only packets whose source VIOS is
 * that member; the connecting VIOS counts a peer as joined only when the certificate it was shown
 * names the VIOS it meant to reach. The files of VIOS {@code id} in a directory ({@code viosbench
 * cluster ca} writes them): {@code ca.crt}, {@code vios-<id>.crt} and {@code vios-<id>.key} (PKCS#8,
 * mode 0600 enforced).
 */
public final class ClusterTls {
    /** The CA certificate's file name in a cluster's TLS directory. */
    public static final String CA_FILE = "ca.crt";
    /** The common-name prefix of a VIOS's certificate. */
    public static final String NAME_PREFIX = "vios-";
    /** A TLS handshake not done within this long closes the connection. */
    static final long HANDSHAKE_MILLIS = Authenticated.HANDSHAKE_MILLIS;
    private static final String[] PROTOCOLS = { "TLSv1.3" };

    private final int id;
    private final SslContext server;
    private final SslContext client;

    private ClusterTls(int id, SslContext server, SslContext client) {
        this.id = id;
        this.server = server;
        this.client = client;
    }

    /** The certificate file of VIOS {@code id}. */
    public static String certificateFile(int id) {
        return NAME_PREFIX + Integer.toUnsignedString(id) + ".crt";
    }

    /** The private key file of VIOS {@code id}. */
    public static String keyFile(int id) {
        return NAME_PREFIX + Integer.toUnsignedString(id) + ".key";
    }

    /**
     * VIOS {@code id}'s TLS from {@code dir}.
     *
     * @throws IllegalArgumentException naming the file when one is missing, readable by others (the key), not PEM, or a
     *                                  certificate that does not name VIOS {@code id}
     */
    public static ClusterTls load(Path dir, int id) throws IOException {
        Path ca = dir.resolve(CA_FILE);
        Path cert = dir.resolve(certificateFile(id));
        Path key = dir.resolve(keyFile(id));
        for (Path f : new Path[] { ca, cert, key }) {
            if (!Files.isRegularFile(f)) {
                throw new IllegalArgumentException(f + ": no such file (viosbench cluster ca writes a cluster's TLS files)");
            }
        }
        SecretFiles.requireOwnerOnly(key);
        X509Certificate own = SecretFiles.certificate(cert);
        int named = viosOf(own);
        if (named != id) {
            throw new IllegalArgumentException(cert + ": names " + own.getSubjectX500Principal().getName() + ", not " + NAME_PREFIX
                    + Integer.toUnsignedString(id));
        }
        SecretFiles.certificate(ca);
        try {
            SslContext server = SslContextBuilder.forServer(cert.toFile(), key.toFile()).trustManager(ca.toFile()).clientAuth(ClientAuth.REQUIRE)
                    .protocols(PROTOCOLS).build();
            // no host name check: the peer is identified by the VIOS its certificate names (checked after the handshake)
            SslContext client = SslContextBuilder.forClient().keyManager(cert.toFile(), key.toFile()).trustManager(ca.toFile())
                    .protocols(PROTOCOLS).endpointIdentificationAlgorithm(null).build();
            return new ClusterTls(id, server, client);
        } catch (SSLException | IllegalArgumentException e) {
            throw new IllegalArgumentException(dir + ": the TLS files of VIOS " + Integer.toUnsignedString(id) + " cannot be used: " + e.getMessage(), e);
        }
    }

    /** The VIOS a certificate names (common name {@code vios-<id>}), or -1 when it names none. */
    static int viosOf(X509Certificate c) {
        try {
            for (Rdn rdn : new LdapName(c.getSubjectX500Principal().getName()).getRdns()) {
                if (rdn.getType().equalsIgnoreCase("CN") && rdn.getValue() instanceof String cn && cn.startsWith(NAME_PREFIX)) {
                    return Integer.parseUnsignedInt(cn.substring(NAME_PREFIX.length()));
                }
            }
        } catch (InvalidNameException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }

    /** The VIOS the peer's certificate on {@code ssl}'s finished handshake names, or -1. */
    static int peerOf(SslHandler ssl) {
        try {
            return ssl.engine().getSession().getPeerCertificates()[0] instanceof X509Certificate c ? viosOf(c) : -1;
        } catch (SSLPeerUnverifiedException e) {
            return -1;
        }
    }

    /** The VIOS these files are for. */
    public int id() {
        return id;
    }

    SslHandler serverHandler(ByteBufAllocator alloc) {
        SslHandler h = server.newHandler(alloc);
        h.setHandshakeTimeoutMillis(HANDSHAKE_MILLIS);
        return h;
    }

    SslHandler clientHandler(ByteBufAllocator alloc, InetSocketAddress peer) {
        SslHandler h = client.newHandler(alloc, peer.getHostString(), peer.getPort());
        h.setHandshakeTimeoutMillis(HANDSHAKE_MILLIS);
        return h;
    }

    /**
     * The accepting side after the TLS handshake: learns the peer from its certificate, then passes on
     * only packets whose source VIOS is that peer; other frames are dropped, counted and said why (the
     * connection closed after {@link Authenticated#MAX_REFUSED}). It sits after the frame decoder.
     */
    static final class Acceptor extends PeerAcceptor {

        Acceptor(int self, Map<Integer, ?> members, Consumer<String> refused) {
            super(self, members, refused);
        }

        @Override
        public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
            if (evt instanceof SslHandshakeCompletionEvent done) {
                if (!done.isSuccess()) {
                    refuse(ctx, "a TLS handshake that failed (" + done.cause().getMessage() + ")", true);
                    return;
                }
                int named = peerOf(ctx.pipeline().get(SslHandler.class));
                if (!isPeer(named)) {
                    refuse(ctx, "a certificate that names no other VIOS of this cluster", true);
                    return;
                }
                peer = named;
            }
            ctx.fireUserEventTriggered(evt);
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            ByteBuf frame = frame(ctx, msg);
            if (frame == null) {
                return;
            }
            if (peer < 0) {
                frame.release();
                refuse(ctx, "a frame before the peer's certificate was checked", true);
            } else if (fromPeer(ctx, frame)) {
                ctx.fireChannelRead(frame);
            } else {
                frame.release();
            }
        }
    }

    @Override
    public String toString() {
        return "ClusterTls(VIOS " + Integer.toUnsignedString(id) + ")"; // never the key
    }
}
