package org.viosbench.ui.topology.commands;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.eclipse.gef.commands.Command;
import org.viosbench.topology.Cec;
import org.viosbench.topology.Element;
import org.viosbench.topology.Mapping;
import org.viosbench.topology.Partition;
import org.viosbench.topology.Topology;

/**
 * Deletes a CEC, a partition or a mapping, with everything that hangs on it (a partition's
 * mappings; a CEC's partitions and their mappings). Undo puts all of it back where it was.
 */
public final class DeleteCommand extends Command {
    private final Element element;
    private final Topology topology;
    private final List<Mapping> mappings = new ArrayList<>();
    private Cec cec;
    private int index;

    public DeleteCommand(Element element) {
        super("Delete " + element.label());
        this.element = element;
        this.topology = element.topology();
    }

    @Override
    public boolean canExecute() {
        return topology != null;
    }

    @Override
    public void execute() {
        mappings.clear();
        Set<Mapping> hanging = new LinkedHashSet<>();
        if (element instanceof Mapping m) {
            hanging.add(m);
        } else if (element instanceof Partition p) {
            hanging.addAll(p.mappings());
        } else if (element instanceof Cec c) {
            c.children().forEach(p -> hanging.addAll(p.mappings()));
        }
        mappings.addAll(hanging);
        topology.batch(() -> {
            mappings.forEach(topology::removeMapping);
            if (element instanceof Partition p) {
                cec = p.cec();
                index = cec.children().indexOf(p);
                cec.remove(p);
            } else if (element instanceof Cec c) {
                index = topology.cecs().indexOf(c);
                topology.removeCec(c);
            }
        });
    }

    @Override
    public void undo() {
        topology.batch(() -> {
            if (element instanceof Partition p) {
                cec.add(p);
            } else if (element instanceof Cec c) {
                topology.addCec(index, c);
            }
            mappings.forEach(topology::addMapping);
        });
    }
}
