package org.viosbench.protocol;

/** Results of the system-call interface, errno style (numbers as on Linux). */
public enum Errno {
    OK(0, "success"),
    ENOENT(2, "no such daemon"),
    EACCES(13, "not allowed"),
    ENXIO(6, "no such VIOS"),
    EAGAIN(11, "busy, try again"),
    EINVAL(22, "invalid packet"),
    EMSGSIZE(90, "message too long"),
    ENOBUFS(105, "no buffer space: the peer is not reading"),
    ENOTCONN(107, "VIOS not connected"),
    ESHUTDOWN(108, "VIOS is shut down"),
    ETIMEDOUT(110, "timed out"),
    EHOSTDOWN(112, "responder is down or suspected"),
    EREMOTEIO(121, "remote handler failed");

    private final int code;
    private final String text;

    Errno(int code, String text) {
        this.code = code;
        this.text = text;
    }

    /** The numeric errno, as carried in an ERROR_CODE sub-header entry. */
    public int code() {
        return code;
    }

    /** What it means, for people. */
    public String text() {
        return text;
    }

    /** The errno with number {@code code}, or null. */
    public static Errno fromCode(int code) {
        for (Errno e : values()) {
            if (e.code == code) {
                return e;
            }
        }
        return null;
    }
}
