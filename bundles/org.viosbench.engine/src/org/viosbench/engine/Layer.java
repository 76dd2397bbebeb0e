package org.viosbench.engine;

/** Where in a VIOS a trace event happened, from the daemons down to the wire. */
public enum Layer {
    DAEMON, SYSCALL, VKE, KCLUSTER, QUEUE
}
