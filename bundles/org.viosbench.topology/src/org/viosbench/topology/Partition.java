package org.viosbench.topology;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A logical partition of a CEC: a VIOS or an LPAR. Has a partition id on its CEC and the mappings
 * that end at it. Fires {@link #PARTITION_ID} and {@link #MAPPINGS}.
 */
public abstract sealed class Partition extends Element permits Vios, Lpar {
    public static final String PARTITION_ID = "partitionId";
    public static final String MAPPINGS = "mappings";

    private Cec cec;
    private int partitionId;
    private final List<Mapping> mappings = new ArrayList<>();

    protected Partition(String name, int partitionId) {
        super(name);
        this.partitionId = partitionId;
    }

    public Cec cec() {
        return cec;
    }

    void setCec(Cec cec) {
        this.cec = cec;
    }

    public int partitionId() {
        return partitionId;
    }

    public void setPartitionId(int partitionId) {
        int old = this.partitionId;
        this.partitionId = partitionId;
        fire(PARTITION_ID, old, partitionId);
    }

    /** The mappings that end here: for an LPAR the VIOSes serving it, for a VIOS the LPARs it serves. */
    public List<Mapping> mappings() {
        return Collections.unmodifiableList(mappings);
    }

    void connect(Mapping m) {
        mappings.add(m);
        fire(MAPPINGS, null, m);
    }

    void disconnect(Mapping m) {
        if (mappings.remove(m)) {
            fire(MAPPINGS, m, null);
        }
    }

    @Override
    public Topology topology() {
        return cec == null ? null : cec.topology();
    }
}
