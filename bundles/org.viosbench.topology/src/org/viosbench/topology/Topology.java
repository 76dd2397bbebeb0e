package org.viosbench.topology;

import java.beans.PropertyChangeListener;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * A drawn VIOS cluster: its name and membership timing, its CECs (each holding VIOSes and LPARs),
 * and the virtual SCSI mappings between LPARs and VIOSes. Fires {@link #CECS} and {@link #MAPPINGS}
 * when those lists change, {@link #NAME}/{@link #TIMING} for its properties. Edited on one thread.
 */
public final class Topology {
    public static final String NAME = Element.NAME;
    public static final String TIMING = "timing";
    public static final String CECS = "cecs";
    public static final String MAPPINGS = "mappings";
    /** The real limit of VIOSes in one cluster. */
    public static final int MAX_VIOSES = 24;

    private final EventHub hub = new EventHub();
    private final EventHub.Source events = new EventHub.Source(this);
    private final List<Cec> cecs = new ArrayList<>();
    private final List<Mapping> mappings = new ArrayList<>();
    private String name;
    private int heartbeatMillis = 100;
    private int failureTimeoutMillis = 1000;

    public Topology(String name) {
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

    public int heartbeatMillis() {
        return heartbeatMillis;
    }

    public int failureTimeoutMillis() {
        return failureTimeoutMillis;
    }

    /** Sets the membership timing (the validator says when the failure timeout is too short). */
    public void setTiming(int heartbeatMillis, int failureTimeoutMillis) {
        if (heartbeatMillis <= 0 || failureTimeoutMillis <= 0) {
            throw new IllegalArgumentException("heartbeat and failure timeout must be positive");
        }
        int[] old = { this.heartbeatMillis, this.failureTimeoutMillis };
        this.heartbeatMillis = heartbeatMillis;
        this.failureTimeoutMillis = failureTimeoutMillis;
        fire(TIMING, old, new int[] { heartbeatMillis, failureTimeoutMillis });
    }

    public List<Cec> cecs() {
        return Collections.unmodifiableList(cecs);
    }

    public List<Mapping> mappings() {
        return Collections.unmodifiableList(mappings);
    }

    /** Every VIOS of every CEC, in CEC order. */
    public List<Vios> vioses() {
        return cecs.stream().flatMap(c -> c.vioses().stream()).toList();
    }

    /** Every LPAR of every CEC, in CEC order. */
    public List<Lpar> lpars() {
        return cecs.stream().flatMap(c -> c.lpars().stream()).toList();
    }

    /** Every element: CECs, VIOSes, LPARs, mappings. */
    public Stream<Element> elements() {
        return Stream.of(cecs.stream(), vioses().stream(), lpars().stream(), mappings.stream()).flatMap(s -> s.map(e -> (Element) e));
    }

    public void addCec(Cec cec) {
        addCec(cecs.size(), cec);
    }

    public void addCec(int index, Cec cec) {
        if (cec.topology() != null) {
            throw new IllegalArgumentException(cec.label() + " already belongs to a topology");
        }
        cecs.add(index, cec);
        cec.attach(this);
        fire(CECS, null, cec);
    }

    /** Removes a CEC; its VIOSes' and LPARs' mappings must have been removed first. */
    public void removeCec(Cec cec) {
        if (cec.vioses().stream().anyMatch(v -> !v.mappings().isEmpty()) || cec.lpars().stream().anyMatch(l -> !l.mappings().isEmpty())) {
            throw new IllegalStateException("remove the mappings of " + cec.label() + "'s partitions first");
        }
        if (cecs.remove(cec)) {
            cec.attach(null);
            fire(CECS, cec, null);
        }
    }

    /** Adds a mapping and connects it to its LPAR and VIOS, which must be in this topology. */
    public void addMapping(Mapping m) {
        if (m.lpar().topology() != this || m.vios().topology() != this) {
            throw new IllegalArgumentException(m.label() + " connects partitions that are not in this topology");
        }
        if (mappings.contains(m)) {
            throw new IllegalArgumentException(m.label() + " is already in this topology");
        }
        mappings.add(m);
        m.connect(this);
        fire(MAPPINGS, null, m);
    }

    public void removeMapping(Mapping m) {
        if (mappings.remove(m)) {
            m.disconnect();
            fire(MAPPINGS, m, null);
        }
    }

    /** The VIOS with {@code id}, or null. */
    public Vios vios(long id) {
        return vioses().stream().filter(v -> v.id() == id).findFirst().orElse(null);
    }

    /** The LPAR with {@code id}, or null. */
    public Lpar lpar(int id) {
        return lpars().stream().filter(l -> l.id() == id).findFirst().orElse(null);
    }

    /** The CEC with {@code serial}, or null. */
    public Cec cec(String serial) {
        return cecs.stream().filter(c -> c.serial().equals(serial)).findFirst().orElse(null);
    }

    /**
     * Runs {@code edit} as one batch: the property changes it causes reach listeners together
     * afterwards, in order. Batches nest.
     */
    public void batch(Runnable edit) {
        hub.begin();
        try {
            edit.run();
        } finally {
            hub.end();
        }
    }

    public void addPropertyChangeListener(PropertyChangeListener l) {
        events.add(l);
    }

    public void removePropertyChangeListener(PropertyChangeListener l) {
        events.remove(l);
    }

    EventHub hub() {
        return hub;
    }

    private void fire(String property, Object old, Object now) {
        events.fire(hub, property, old, now);
    }

    @Override
    public String toString() {
        return "topology " + name;
    }
}
