package org.viosbench.topology;

import java.util.Objects;

/**
 * A virtual SCSI mapping: VIOS {@link #vios()} serves LPAR {@link #lpar()} through a virtual
 * adapter (e.g. vhost0) from a backing device (e.g. hdisk4 or a logical unit). Its name is
 * "ADAPTER:DEVICE". Fires {@link #ADAPTER} and {@link #BACKING_DEVICE}.
 */
public final class Mapping extends Element {
    public static final String ADAPTER = "adapter";
    public static final String BACKING_DEVICE = "backingDevice";

    private final Lpar lpar;
    private final Vios vios;
    private String adapter;
    private String backingDevice;
    private Topology topology;

    public Mapping(Lpar lpar, Vios vios, String adapter, String backingDevice) {
        super(adapter + ":" + backingDevice);
        this.lpar = Objects.requireNonNull(lpar, "lpar");
        this.vios = Objects.requireNonNull(vios, "vios");
        this.adapter = Objects.requireNonNull(adapter, "adapter");
        this.backingDevice = Objects.requireNonNull(backingDevice, "backingDevice");
    }

    public Lpar lpar() {
        return lpar;
    }

    public Vios vios() {
        return vios;
    }

    public String adapter() {
        return adapter;
    }

    public void setAdapter(String adapter) {
        String old = this.adapter;
        this.adapter = Objects.requireNonNull(adapter, "adapter");
        fire(ADAPTER, old, adapter);
        setName(adapter + ":" + backingDevice);
    }

    public String backingDevice() {
        return backingDevice;
    }

    public void setBackingDevice(String backingDevice) {
        String old = this.backingDevice;
        this.backingDevice = Objects.requireNonNull(backingDevice, "backingDevice");
        fire(BACKING_DEVICE, old, backingDevice);
        setName(adapter + ":" + backingDevice);
    }

    void connect(Topology t) {
        topology = t;
        lpar.connect(this);
        vios.connect(this);
    }

    void disconnect() {
        lpar.disconnect(this);
        vios.disconnect(this);
        topology = null;
    }

    @Override
    public Topology topology() {
        return topology;
    }

    @Override
    public String kind() {
        return "mapping";
    }

    @Override
    public String label() {
        return "mapping " + lpar.name() + " -> " + vios.name() + " (" + name() + ")";
    }
}
