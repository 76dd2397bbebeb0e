package org.viosbench.ui.topology;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.eclipse.gef.EditPart;
import org.eclipse.gef.commands.Command;
import org.eclipse.gef.ui.actions.SelectionAction;
import org.eclipse.ui.IWorkbenchPart;
import org.eclipse.ui.actions.ActionFactory;
import org.viosbench.topology.Bounds;
import org.viosbench.topology.Cec;
import org.viosbench.topology.Lpar;
import org.viosbench.topology.Mapping;
import org.viosbench.topology.Partition;
import org.viosbench.topology.Topology;
import org.viosbench.topology.Vios;
import org.viosbench.topology.ViosRole;
import org.viosbench.ui.topology.commands.ModelCommand;

/**
 * Copy and paste of CECs and partitions, with the mappings among what was copied. A paste makes
 * fresh elements (free ids and names, placed a little below and right of the originals); it goes
 * into the selected CEC, else where the originals were. A pasted VIOS never holds the database.
 */
final class CopyPaste {
    /** What was copied last, in this application. */
    private static List<Object> copied = List.of();

    private CopyPaste() {
    }

    /** The models of the selected CECs and partitions, a partition left out when its CEC is selected too. */
    static List<Object> selection(List<?> parts) {
        Set<Object> models = new LinkedHashSet<>();
        for (Object p : parts) {
            // the workbench selection reaches the editor's actions from every part (a trace event from the Trace view, a
            // request from the Response Queue): only the diagram's own edit parts are copied
            if (p instanceof EditPart part && (part.getModel() instanceof Cec || part.getModel() instanceof Partition)) {
                models.add(part.getModel());
            }
        }
        models.removeIf(m -> m instanceof Partition p && models.contains(p.cec()));
        return List.copyOf(models);
    }

    static void copy(List<Object> models) {
        copied = List.copyOf(models);
    }

    static boolean canPaste() {
        return !copied.isEmpty();
    }

    /** The command pasting what was copied into {@code t}, into {@code target} when it is a CEC; null when nothing can go anywhere. */
    static Command paste(Topology t, Cec target) {
        FreeNames free = new FreeNames(t);
        List<Runnable> adds = new ArrayList<>();
        List<Runnable> removes = new ArrayList<>();
        Map<Partition, Partition> copies = new HashMap<>();
        Map<Cec, Integer> nextPartitionId = new HashMap<>();
        for (Object m : copied) {
            if (m instanceof Cec c) {
                Cec copy = free.cec();
                copy.setModel(c.model());
                copy.setBounds(shifted(c.bounds()));
                for (Partition p : c.children()) {
                    Partition pc = copyOf(p, free);
                    pc.setBounds(p.bounds());
                    copy.add(pc);
                    copies.put(p, pc);
                }
                adds.add(() -> t.addCec(copy));
                removes.add(0, () -> t.removeCec(copy));
            } else if (m instanceof Partition p) {
                Cec into = target != null ? target : p.cec() != null && p.cec().topology() == t ? p.cec() : t.cecs().stream().findFirst().orElse(null);
                if (into == null) {
                    continue;
                }
                Partition pc = copyOf(p, free);
                int id = nextPartitionId.computeIfAbsent(into, c -> c.children().stream().mapToInt(Partition::partitionId).max().orElse(0) + 1);
                nextPartitionId.put(into, id + 1);
                pc.setPartitionId(id); // a partition id is unique on its CEC
                pc.setBounds(shifted(p.bounds()));
                copies.put(p, pc);
                adds.add(() -> into.add(pc));
                removes.add(0, () -> into.remove(pc));
            }
        }
        if (adds.isEmpty()) {
            return null;
        }
        copies.forEach((original, copy) -> {
            if (original instanceof Lpar l) {
                for (Mapping mp : l.mappings()) {
                    Partition vc = copies.get(mp.vios());
                    if (vc != null) {
                        Mapping m = new Mapping((Lpar) copy, (Vios) vc, mp.adapter(), mp.backingDevice());
                        adds.add(() -> t.addMapping(m));
                        removes.add(0, () -> t.removeMapping(m));
                    }
                }
            }
        });
        return new ModelCommand("Paste", t, () -> adds.forEach(Runnable::run), () -> removes.forEach(Runnable::run));
    }

    private static Partition copyOf(Partition p, FreeNames free) {
        Partition copy;
        if (p instanceof Vios v) {
            Vios c = free.vios();
            c.setDaemons(v.daemons());
            c.setRole(ViosRole.MEMBER);
            c.setAddress("");
            copy = c;
        } else {
            Lpar c = free.lpar();
            c.setOsType(((Lpar) p).osType());
            copy = c;
        }
        copy.setPartitionId(p.partitionId());
        return copy;
    }

    private static Bounds shifted(Bounds b) {
        return b == null ? null : b.movedTo(b.x() + 24, b.y() + 24);
    }

    /** Edit > Copy. */
    static final class CopyAction extends SelectionAction {
        CopyAction(IWorkbenchPart part) {
            super(part);
            setId(ActionFactory.COPY.getId());
            setText("&Copy");
        }

        @Override
        protected boolean calculateEnabled() {
            return !selection(getSelectedObjects()).isEmpty();
        }

        @Override
        public void run() {
            copy(selection(getSelectedObjects()));
        }
    }

    /** Edit > Paste. */
    static final class PasteAction extends SelectionAction {
        private final TopologyEditor editor;

        PasteAction(TopologyEditor editor) {
            super(editor);
            this.editor = editor;
            setId(ActionFactory.PASTE.getId());
            setText("&Paste");
        }

        @Override
        protected boolean calculateEnabled() {
            return canPaste();
        }

        @Override
        public void run() {
            Cec target = null;
            for (Object p : getSelectedObjects()) {
                if (p instanceof EditPart ep && ep.getModel() instanceof Cec c) {
                    target = c;
                }
            }
            Command c = paste(editor.topology(), target);
            if (c != null) {
                execute(c);
            }
        }
    }
}
