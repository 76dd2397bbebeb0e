package org.viosbench.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.viosbench.testing.Eventually.await;

import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.viosbench.engine.Trace;
import org.viosbench.engine.ViosNode;

/**
 * Mutual TLS between kcluster ends, with certificates from {@link TestCa}: members join and talk; a
 * certificate of another CA, one that names another VIOS, a client without a certificate and a TLS
 * peer sending in another VIOS's name are all refused, counted and said why.
 */
class ClusterTlsTest {

    @TempDir
    Path tmp;

    private Path ca(String name, List<Integer> vioses) throws Exception {
        Path dir = tmp.resolve(name);
        List<Path> files = TestCa.write(dir, name, vioses);
        assertEquals(2 + 2 * vioses.size() + 4, files.size(), "CA, VIOSes, database server and client");
        return dir;
    }

    @Test
    void aTlsClusterJoinsAndTalks() throws Exception {
        Path dir = ca("lab", List.of(0, 1, 2));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("vios-1.key"))));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("ca.key"))));
        Map<Integer, InetSocketAddress> addresses = TcpKClusterTest.freeAddresses(3);
        List<ViosNode> nodes = new ArrayList<>();
        try {
            for (int i = 0; i < 3; i++) {
                TcpKCluster k = TcpKCluster.start(i, addresses, TcpKCluster.Delivery.IO_THREAD, null, ClusterTls.load(dir, i));
                assertEquals("tls", k.protection());
                assertTrue(k.authenticated());
                TcpKClusterTest.echoNode(k, new Trace(), nodes);
            }
            TcpKClusterTest.broadcastAnsweredByAll(nodes);
            for (ViosNode n : nodes) {
                assertEquals(0, ((TcpKCluster) n.kcluster()).refusedFrames(), "nothing refused among members");
            }
        } finally {
            nodes.forEach(ViosNode::close);
        }
    }

    @Test
    void aCertificateOfAnotherCaNeverJoins() throws Exception {
        Path lab = ca("lab", List.of(0, 1));
        Path other = ca("other", List.of(0, 1));
        Map<Integer, InetSocketAddress> addresses = TcpKClusterTest.freeAddresses(2);
        List<String> refusedAtZero = new CopyOnWriteArrayList<>();
        TcpKCluster a = TcpKCluster.start(0, addresses, TcpKCluster.Delivery.IO_THREAD, null, ClusterTls.load(lab, 0));
        a.onRefused(refusedAtZero::add);
        TcpKCluster b = TcpKCluster.start(1, addresses, TcpKCluster.Delivery.IO_THREAD, null, ClusterTls.load(other, 1));
        try {
            await("both refused the other's certificate", () -> a.refusedFrames() >= 2 && b.refusedFrames() >= 1);
            assertFalse(a.isReachable(1));
            assertFalse(b.isReachable(0));
            assertTrue(refusedAtZero.stream().anyMatch(w -> w.contains("TLS handshake")), refusedAtZero.toString());
        } finally {
            a.close();
            b.close();
        }
    }

    /** VIOS 1's files used to listen at VIOS 0's address: VIOS 2 sees a valid certificate that names the wrong VIOS. */
    @Test
    void anImpostorWithAnotherMembersCertificateIsNotTakenForThePeer() throws Exception {
        Path dir = ca("lab", List.of(0, 1, 2));
        Map<Integer, InetSocketAddress> addresses = TcpKClusterTest.freeAddresses(3);
        Map<Integer, InetSocketAddress> impostorView = new java.util.HashMap<>(addresses);
        impostorView.put(1, addresses.get(0)); // VIOS 1 listens where VIOS 0 should be
        impostorView.put(0, TcpKClusterTest.freeAddresses(1).get(0));
        List<String> refused = new CopyOnWriteArrayList<>();
        TcpKCluster impostor = TcpKCluster.start(1, impostorView, TcpKCluster.Delivery.IO_THREAD, null, ClusterTls.load(dir, 1));
        TcpKCluster two = TcpKCluster.start(2, addresses, TcpKCluster.Delivery.IO_THREAD, null, ClusterTls.load(dir, 2));
        two.onRefused(refused::add);
        try {
            await("VIOS 2 refused the certificate shown at VIOS 0's address", () -> refused.stream().anyMatch(w -> w.contains(
                    "to VIOS 0: its certificate names VIOS 1")));
            assertFalse(two.isReachable(0));
        } finally {
            impostor.close();
            two.close();
        }
    }

    /** A member with its own valid certificate sends a packet in another member's name: refused, counted, said why. */
    @Test
    void aMemberCannotSendInAnotherMembersName() throws Exception {
        Path dir = ca("lab", List.of(0, 1, 2));
        Map<Integer, InetSocketAddress> addresses = TcpKClusterTest.freeAddresses(3);
        List<String> refused = new CopyOnWriteArrayList<>();
        TcpKCluster zero = TcpKCluster.start(0, addresses, TcpKCluster.Delivery.IO_THREAD, null, ClusterTls.load(dir, 0));
        zero.onRefused(refused::add);
        ClusterTls one = ClusterTls.load(dir, 1);
        io.netty.channel.EventLoopGroup group = new io.netty.channel.MultiThreadIoEventLoopGroup(1, io.netty.channel.nio.NioIoHandler.newFactory());
        try {
            io.netty.channel.Channel ch = new io.netty.bootstrap.Bootstrap().group(group).channel(io.netty.channel.socket.nio.NioSocketChannel.class)
                    .handler(new io.netty.channel.ChannelInitializer<io.netty.channel.Channel>() {
                        @Override
                        protected void initChannel(io.netty.channel.Channel c) {
                            c.pipeline().addLast(one.clientHandler(c.alloc(), addresses.get(0)),
                                    new io.netty.handler.codec.LengthFieldPrepender(org.viosbench.protocol.Wire.FRAME_LENGTH_FIELD));
                        }
                    }).connect(addresses.get(0)).sync().channel();
            assertTrue(ch.pipeline().get(io.netty.handler.ssl.SslHandler.class).handshakeFuture().await(5000), "TLS handshake");
            io.netty.buffer.ByteBuf packet = io.netty.buffer.Unpooled.buffer(60).writeZero(60);
            packet.setInt(org.viosbench.protocol.Wire.OFF_SOURCE, 2);
            ch.writeAndFlush(packet).sync();
            await("the packet in VIOS 2's name refused", () -> refused.stream().anyMatch(w -> w.contains(
                    "a packet naming VIOS 2 as its source, sent by VIOS 1")));
            assertEquals(1, zero.refusedFrames());
        } finally {
            group.shutdownGracefully(0, 100, java.util.concurrent.TimeUnit.MILLISECONDS);
            zero.close();
        }
    }

    @Test
    void aClientWithoutACertificateIsRefused() throws Exception {
        Path dir = ca("lab", List.of(0, 1));
        Map<Integer, InetSocketAddress> addresses = TcpKClusterTest.freeAddresses(2);
        TcpKCluster zero = TcpKCluster.start(0, addresses, TcpKCluster.Delivery.IO_THREAD, null, ClusterTls.load(dir, 0));
        try {
            SSLContext ctx = SSLContext.getInstance("TLSv1.3");
            ctx.init(null, new TrustManager[] { new X509TrustManager() { // trusts anything: it is the server that must refuse
                @Override
                public void checkClientTrusted(java.security.cert.X509Certificate[] c, String a) {
                }

                @Override
                public void checkServerTrusted(java.security.cert.X509Certificate[] c, String a) {
                }

                @Override
                public java.security.cert.X509Certificate[] getAcceptedIssuers() {
                    return new java.security.cert.X509Certificate[0];
                }
            } }, null);
            try (SSLSocket s = (SSLSocket) ctx.getSocketFactory().createSocket(addresses.get(0).getAddress(), addresses.get(0).getPort())) {
                s.setSoTimeout(5000);
                s.startHandshake(); // TLS 1.3: the server's refusal of the missing certificate arrives with the first read
                assertThrows(java.io.IOException.class, () -> {
                    s.getOutputStream().write(new byte[64]);
                    s.getOutputStream().flush();
                    if (s.getInputStream().read() >= 0) {
                        throw new AssertionError("the server talked to a client without a certificate");
                    }
                    throw new java.io.IOException("closed");
                });
            }
            await("the handshake without a client certificate refused", () -> zero.refusedFrames() >= 1);
        } finally {
            zero.close();
        }
    }

    @Test
    void tlsFilesMustBeCompleteTheKeyTheOwnersAloneAndTheCertificateTheVioss() throws Exception {
        Path dir = ca("lab", List.of(0, 1));
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class, () -> ClusterTls.load(dir, 7));
        assertTrue(missing.getMessage().contains("vios-7.crt: no such file"), missing.getMessage());
        Files.setPosixFilePermissions(dir.resolve("vios-1.key"), PosixFilePermissions.fromString("rw-r--r--"));
        IllegalArgumentException open = assertThrows(IllegalArgumentException.class, () -> ClusterTls.load(dir, 1));
        assertTrue(open.getMessage().contains("chmod 600"), open.getMessage());
        Files.copy(dir.resolve("vios-0.crt"), dir.resolve("vios-0.crt.bak"));
        Files.copy(dir.resolve("vios-1.crt"), dir.resolve("vios-0.crt"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        IllegalArgumentException wrong = assertThrows(IllegalArgumentException.class, () -> ClusterTls.load(dir, 0));
        assertTrue(wrong.getMessage().contains("not vios-0"), wrong.getMessage());
        Files.writeString(dir.resolve("vios-0.crt"), "not a certificate");
        IllegalArgumentException garbage = assertThrows(IllegalArgumentException.class, () -> ClusterTls.load(dir, 0));
        assertTrue(garbage.getMessage().contains("not a PEM certificate"), garbage.getMessage());
        assertThrows(java.nio.file.FileAlreadyExistsException.class, () -> TestCa.write(dir, "lab", List.of(0)), "never overwritten");
    }
}
