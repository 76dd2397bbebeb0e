package org.viosbench.topology;

import java.util.Objects;

/** A client LPAR whose disk I/O VIOSes serve. Fires {@link #ID} and {@link #OS_TYPE}. */
public final class Lpar extends Partition {
    public static final String ID = "id";
    public static final String OS_TYPE = "osType";

    private int id;
    private OsType osType = OsType.AIX;

    public Lpar(int id, String name, int partitionId) {
        super(name, partitionId);
        this.id = id;
    }

    public int id() {
        return id;
    }

    public void setId(int id) {
        int old = this.id;
        this.id = id;
        fire(ID, old, id);
    }

    public OsType osType() {
        return osType;
    }

    public void setOsType(OsType osType) {
        OsType old = this.osType;
        this.osType = Objects.requireNonNull(osType, "osType");
        fire(OS_TYPE, old, osType);
    }

    @Override
    public String kind() {
        return "LPAR";
    }
}
