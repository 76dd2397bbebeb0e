package org.viosbench.topology;

import java.beans.PropertyChangeListener;
import java.util.Objects;

/**
 * An element of a topology (a CEC, VIOS, LPAR or mapping): it has a name and fires property
 * changes through its topology's event hub, so that edits made inside {@link Topology#batch} reach
 * listeners together when the batch ends.
 */
public abstract class Element {
    public static final String NAME = "name";
    public static final String BOUNDS = "bounds";

    private final EventHub.Source events = new EventHub.Source(this);
    private String name;
    private Bounds bounds;

    protected Element(String name) {
        this.name = Objects.requireNonNull(name, "name");
    }

    public String name() {
        return name;
    }

    public void setName(String name) {
        String old = this.name;
        this.name = Objects.requireNonNull(name, "name");
        fire(NAME, old, name);
    }

    /** Where it is drawn, or null when the file had no coordinates (then {@link AutoLayout} places it). */
    public Bounds bounds() {
        return bounds;
    }

    public void setBounds(Bounds bounds) {
        Bounds old = this.bounds;
        this.bounds = bounds;
        fire(BOUNDS, old, bounds);
    }

    /** The topology this element belongs to, or null while it is not part of one. */
    public abstract Topology topology();

    /** What kind of element, for messages: "CEC", "VIOS", "LPAR", "mapping". */
    public abstract String kind();

    public void addPropertyChangeListener(PropertyChangeListener l) {
        events.add(l);
    }

    public void removePropertyChangeListener(PropertyChangeListener l) {
        events.remove(l);
    }

    protected void fire(String property, Object old, Object now) {
        if (!Objects.equals(old, now)) {
            Topology t = topology();
            events.fire(t == null ? null : t.hub(), property, old, now);
        }
    }

    /** "VIOS vios1": kind and name, for messages. */
    public String label() {
        return kind() + " " + name;
    }

    @Override
    public String toString() {
        return label();
    }
}
