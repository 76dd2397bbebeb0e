package org.viosbench.protocol;

/** The REPLY_TO entry: the VIOS and daemon that responses go to. */
public record ReplyTo(int vios, int daemon) {
    public ReplyTo {
        if (daemon < 0 || daemon > 0xFFFF) {
            throw new IllegalArgumentException("daemon id must be 0..65535, not " + daemon);
        }
    }
}
