package org.viosbench.topology;

import java.util.List;
import java.util.Objects;

/**
 * A Virtual I/O Server: its cluster id (unsigned 32 bits), address (host:port for multi-process
 * clusters, may be empty), the daemons that answer requests and its role. Fires {@link #ID},
 * {@link #ADDRESS}, {@link #DAEMONS}, {@link #ROLE}.
 */
public final class Vios extends Partition {
    public static final String ID = "id";
    public static final String ADDRESS = "address";
    public static final String DAEMONS = "daemons";
    public static final String ROLE = "role";

    private long id;
    private String address = "";
    private List<Integer> daemons = List.of(10);
    private ViosRole role = ViosRole.MEMBER;

    public Vios(long id, String name, int partitionId) {
        super(name, partitionId);
        this.id = checkId(id);
    }

    private static long checkId(long id) {
        if (id < 0 || id > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("a VIOS id is an unsigned 32-bit number, not " + id);
        }
        return id;
    }

    public long id() {
        return id;
    }

    public void setId(long id) {
        long old = this.id;
        this.id = checkId(id);
        fire(ID, old, id);
    }

    public String address() {
        return address;
    }

    public void setAddress(String address) {
        String old = this.address;
        this.address = Objects.requireNonNull(address, "address");
        fire(ADDRESS, old, address);
    }

    public List<Integer> daemons() {
        return daemons;
    }

    public void setDaemons(List<Integer> daemons) {
        for (int d : daemons) {
            if (d < 0 || d > 0xFFFF) {
                throw new IllegalArgumentException("a daemon id is 0..65535, not " + d);
            }
        }
        List<Integer> old = this.daemons;
        this.daemons = List.copyOf(daemons);
        fire(DAEMONS, old, this.daemons);
    }

    public ViosRole role() {
        return role;
    }

    public void setRole(ViosRole role) {
        ViosRole old = this.role;
        this.role = Objects.requireNonNull(role, "role");
        fire(ROLE, old, role);
    }

    @Override
    public String kind() {
        return "VIOS";
    }
}
