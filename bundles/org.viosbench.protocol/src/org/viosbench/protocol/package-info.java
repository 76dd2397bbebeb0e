/**
 * The VIOS cluster packet: header fields ({@link org.viosbench.protocol.PacketHeader}), sub-header
 * entries ({@link org.viosbench.protocol.SubHeader}) and payload, encapsulated in a
 * {@link org.viosbench.protocol.Packet}; the wire codes ({@link org.viosbench.protocol.Wire}), the
 * encoder and the decoder. docs/protocol.md is the byte-exact specification. Headless: Netty buffers only.
 */
package org.viosbench.protocol;
