/**
 * The VIOS cluster packet: header fields, sub-header entries and payload, with the wire codes, the encoder and the decoder (see docs/protocol.md). Headless: depends on Netty buffers only.
 */
package org.viosbench.protocol;
