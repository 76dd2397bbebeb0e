package org.viosbench.ui.topology;

import java.util.function.Supplier;

import org.eclipse.gef.palette.ConnectionCreationToolEntry;
import org.eclipse.gef.palette.MarqueeToolEntry;
import org.eclipse.gef.palette.PaletteGroup;
import org.eclipse.gef.palette.PaletteRoot;
import org.eclipse.gef.palette.SelectionToolEntry;
import org.eclipse.gef.palette.ToolEntry;
import org.eclipse.gef.palette.CombinedTemplateCreationEntry;
import org.eclipse.gef.requests.CreationFactory;
import org.viosbench.topology.Cec;
import org.viosbench.topology.Lpar;
import org.viosbench.topology.Topology;
import org.viosbench.topology.Vios;

/** The palette: select, marquee, CEC, VIOS, LPAR and the mapping tool, and the attachments' run-mode tools. New elements get free ids and names. */
final class TopologyPalette {
    static final String CEC = "CEC";
    static final String VIOS = "VIOS";
    static final String LPAR = "LPAR";
    static final String MAPPING = "Mapping";

    private TopologyPalette() {
    }

    static PaletteRoot create(Supplier<Topology> topology, java.util.List<ToolEntry> runTools) {
        PaletteRoot root = new PaletteRoot();
        PaletteGroup tools = new PaletteGroup("Tools");
        ToolEntry select = new SelectionToolEntry();
        tools.add(select);
        tools.add(new MarqueeToolEntry());
        root.setDefaultEntry(select);
        root.add(tools);

        PaletteGroup elements = new PaletteGroup("Elements");
        elements.add(new CombinedTemplateCreationEntry(CEC, "A CEC (physical server): holds VIOSes and LPARs", Cec.class,
                factory(Cec.class, () -> newCec(topology.get())), null, null));
        elements.add(new CombinedTemplateCreationEntry(VIOS, "A Virtual I/O Server: drop it into a CEC", Vios.class,
                factory(Vios.class, () -> newVios(topology.get())), null, null));
        elements.add(new CombinedTemplateCreationEntry(LPAR, "A client LPAR: drop it into a CEC, then map it to VIOSes", Lpar.class,
                factory(Lpar.class, () -> newLpar(topology.get())), null, null));
        elements.add(new ConnectionCreationToolEntry(MAPPING, "A virtual SCSI mapping: drag from an LPAR to a VIOS of its CEC",
                null, null, null));
        root.add(elements);
        if (!runTools.isEmpty()) {
            PaletteGroup running = new PaletteGroup("Running cluster");
            runTools.forEach(running::add);
            root.add(running);
        }
        return root;
    }

    private static CreationFactory factory(Class<?> type, Supplier<Object> make) {
        return new CreationFactory() {
            @Override
            public Object getNewObject() {
                return make.get();
            }

            @Override
            public Object getObjectType() {
                return type;
            }
        };
    }

    static Cec newCec(Topology t) {
        return new FreeNames(t).cec();
    }

    static Vios newVios(Topology t) {
        return new FreeNames(t).vios();
    }

    static Lpar newLpar(Topology t) {
        return new FreeNames(t).lpar();
    }
}
