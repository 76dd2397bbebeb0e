package org.viosbench.ui.topology.commands;

import java.util.function.Consumer;

import org.eclipse.gef.commands.Command;
import org.viosbench.topology.Bounds;
import org.viosbench.topology.Cec;
import org.viosbench.topology.Element;
import org.viosbench.topology.Lpar;
import org.viosbench.topology.Mapping;
import org.viosbench.topology.Partition;
import org.viosbench.topology.Topology;
import org.viosbench.topology.Vios;

/** The editor's commands: every change of the model goes through one of these, so all of it can be undone. */
public final class Edits {

    private Edits() {
    }

    public static Command createCec(Topology t, Cec cec, Bounds where) {
        return new ModelCommand("Create " + cec.label(), t, () -> {
            cec.setBounds(where);
            t.addCec(cec);
        }, () -> t.removeCec(cec));
    }

    public static Command createPartition(Cec cec, Partition p, Bounds where) {
        return new ModelCommand("Create " + p.label(), cec.topology(), () -> {
            p.setBounds(where);
            cec.add(p);
        }, () -> cec.remove(p));
    }

    public static Command setBounds(Element e, Bounds where) {
        Bounds old = e.bounds();
        return new ModelCommand("Move " + e.label(), e.topology(), () -> e.setBounds(where), () -> e.setBounds(old));
    }

    /** Moves a partition into another CEC (its mappings go with it). */
    public static Command reparent(Partition p, Cec to, Bounds where) {
        Cec from = p.cec();
        Bounds old = p.bounds();
        return new ModelCommand("Move " + p.label() + " to " + to.label(), to.topology(), () -> {
            from.remove(p);
            to.add(p);
            p.setBounds(where);
        }, () -> {
            to.remove(p);
            from.add(p);
            p.setBounds(old);
        });
    }

    /** A mapping from {@code lpar} to {@code vios} on the VIOS's next free vhost adapter. */
    public static Command createMapping(Lpar lpar, Vios vios) {
        int n = 0;
        while (true) {
            String candidate = "vhost" + n;
            if (vios.mappings().stream().noneMatch(m -> m.adapter().equals(candidate))) {
                break;
            }
            n++;
        }
        String device = lpar.mappings().isEmpty() ? "hdisk2" : lpar.mappings().get(0).backingDevice();
        Mapping m = new Mapping(lpar, vios, "vhost" + n, device);
        Topology t = lpar.topology();
        return new ModelCommand("Map " + lpar.name() + " to " + vios.name(), t, () -> t.addMapping(m), () -> t.removeMapping(m));
    }

    /** Sets one property: {@code set} applied to the new value, and to the old one on undo. */
    public static <V> Command set(Element e, String what, V old, V now, Consumer<V> set) {
        return new ModelCommand("Set " + what + " of " + e.label(), e.topology(), () -> set.accept(now), () -> set.accept(old));
    }
}
