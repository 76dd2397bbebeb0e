package org.viosbench.topology;

/** What a VIOS does in its cluster besides serving I/O. */
public enum ViosRole {
    /** An ordinary member. */
    MEMBER,
    /** The node that holds the VIOS database and runs the registration service. */
    DB_PRIMARY
}
