package org.viosbench.protocol;

/** What the decoder returns: a {@link Packet}, or a {@link DecodeFailure} saying what is wrong and where. */
public sealed interface Decoded permits Packet, DecodeFailure {

    /** True for a packet, false for a failure. */
    boolean ok();
}
