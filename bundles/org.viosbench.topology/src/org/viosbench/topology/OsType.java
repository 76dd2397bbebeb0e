package org.viosbench.topology;

/** The operating system of an LPAR. */
public enum OsType {
    AIX, IBMI, LINUX, OTHER
}
