package org.viosbench.topology;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * A CEC (a physical server): a container of VIOSes and LPARs, identified by its serial number.
 * Fires {@link #SERIAL}, {@link #MODEL} and {@link #CHILDREN} (VIOS or LPAR added or removed).
 */
public final class Cec extends Element {
    public static final String SERIAL = "serial";
    public static final String MODEL = "model";
    public static final String CHILDREN = "children";

    private String serial;
    private String model;
    private Topology topology;
    private final List<Vios> vioses = new ArrayList<>();
    private final List<Lpar> lpars = new ArrayList<>();

    public Cec(String serial, String name) {
        super(name);
        this.serial = Objects.requireNonNull(serial, "serial");
        this.model = "";
    }

    public String serial() {
        return serial;
    }

    public void setSerial(String serial) {
        String old = this.serial;
        this.serial = Objects.requireNonNull(serial, "serial");
        fire(SERIAL, old, serial);
    }

    /** Machine type and model, e.g. 9080-M9S; may be empty. */
    public String model() {
        return model;
    }

    public void setModel(String model) {
        String old = this.model;
        this.model = Objects.requireNonNull(model, "model");
        fire(MODEL, old, model);
    }

    public List<Vios> vioses() {
        return Collections.unmodifiableList(vioses);
    }

    public List<Lpar> lpars() {
        return Collections.unmodifiableList(lpars);
    }

    /** VIOSes then LPARs, as drawn inside the CEC. */
    public List<Partition> children() {
        List<Partition> all = new ArrayList<>(vioses);
        all.addAll(lpars);
        return all;
    }

    /** Adds a partition (VIOS or LPAR) that belongs to no CEC yet. */
    public void add(Partition p) {
        if (p.cec() != null) {
            throw new IllegalArgumentException(p.label() + " is already in " + p.cec().label());
        }
        if (p instanceof Vios v) {
            vioses.add(v);
        } else {
            lpars.add((Lpar) p);
        }
        p.setCec(this);
        fire(CHILDREN, null, p);
    }

    /** Removes a partition; its mappings stay (a reparent moves it with them; a delete removes them first). */
    public void remove(Partition p) {
        boolean removed = p instanceof Vios ? vioses.remove(p) : lpars.remove(p);
        if (removed) {
            p.setCec(null);
            fire(CHILDREN, p, null);
        }
    }

    void attach(Topology t) {
        this.topology = t;
    }

    @Override
    public Topology topology() {
        return topology;
    }

    @Override
    public String kind() {
        return "CEC";
    }
}
