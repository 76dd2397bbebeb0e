package org.viosbench.ui.topology.parts;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

import org.eclipse.gef.commands.CommandStack;
import org.eclipse.jface.viewers.ICellEditorValidator;
import org.eclipse.ui.views.properties.ComboBoxPropertyDescriptor;
import org.eclipse.ui.views.properties.IPropertyDescriptor;
import org.eclipse.ui.views.properties.IPropertySource;
import org.eclipse.ui.views.properties.PropertyDescriptor;
import org.eclipse.ui.views.properties.TextPropertyDescriptor;
import org.viosbench.topology.Cec;
import org.viosbench.topology.Element;
import org.viosbench.topology.Lpar;
import org.viosbench.topology.Mapping;
import org.viosbench.topology.OsType;
import org.viosbench.topology.Topology;
import org.viosbench.topology.Vios;
import org.viosbench.topology.ViosRole;
import org.viosbench.ui.topology.commands.Edits;

/**
 * The Properties view of a topology element: typed editors (text checked as it is typed, choices
 * for enumerations), each change one undoable command on the editor's command stack.
 */
public final class ElementProperties implements IPropertySource {
    private static final ICellEditorValidator NAME = v -> ((String) v).matches("[A-Za-z0-9_.\\-]+") ? null
            : "letters, digits, '_', '.' and '-' only, not empty";

    /** One property: how to show it, read it, and turn text from the editor into a value. */
    private record Prop(IPropertyDescriptor descriptor, ICellEditorValidator validator, Supplier<Object> get, Consumer<Object> set) {
    }

    private final Map<String, Prop> props = new LinkedHashMap<>();
    private final CommandStack stack;

    ElementProperties(Object model, CommandStack stack) {
        this.stack = stack;
        if (model instanceof Topology t) {
            text("name", "Name", NAME, t::name, v -> stack.execute(topologyName(t, v)));
            number("heartbeat", "Heartbeat (ms)", 1, 3_600_000, t::heartbeatMillis,
                    v -> stack.execute(timing(t, (int) (long) v, t.failureTimeoutMillis())));
            number("failure", "Failure timeout (ms)", 1, 3_600_000, t::failureTimeoutMillis,
                    v -> stack.execute(timing(t, t.heartbeatMillis(), (int) (long) v)));
            return;
        }
        Element e = (Element) model;
        if (!(e instanceof Mapping)) {
            text("name", "Name", NAME, e::name, v -> set(e, "name", e.name(), (String) v, e::setName));
        }
        if (e instanceof Cec c) {
            text("serial", "Serial", NAME, c::serial, v -> set(c, "serial", c.serial(), (String) v, c::setSerial));
            text("model", "Machine type-model", null, c::model, v -> set(c, "model", c.model(), (String) v, c::setModel));
        } else if (e instanceof Vios v) {
            number("id", "VIOS id", 0, 0xFFFF_FFFFL, v::id, n -> set(v, "id", v.id(), (Long) n, v::setId));
            number("partitionId", "Partition id", 1, 65535, v::partitionId, n -> set(v, "partition id", v.partitionId(),
                    (int) (long) (Long) n, v::setPartitionId));
            choice("role", "Role", ViosRole.values(), v::role, r -> set(v, "role", v.role(), (ViosRole) r, v::setRole));
            text("address", "Address (HOST:PORT)", a -> ((String) a).isEmpty() || ((String) a).matches(".+:[0-9]{1,5}") ? null
                    : "HOST:PORT, or empty", v::address, a -> set(v, "address", v.address(), (String) a, v::setAddress));
            text("daemons", "Daemons", d -> daemons((String) d) == null ? "daemon ids 0..65535, separated by commas" : null,
                    () -> String.join(", ", v.daemons().stream().map(String::valueOf).toList()),
                    d -> set(v, "daemons", v.daemons(), daemons((String) d), v::setDaemons));
        } else if (e instanceof Lpar l) {
            number("id", "LPAR id", 1, Integer.MAX_VALUE, l::id, n -> set(l, "id", l.id(), (int) (long) (Long) n, l::setId));
            number("partitionId", "Partition id", 1, 65535, l::partitionId, n -> set(l, "partition id", l.partitionId(),
                    (int) (long) (Long) n, l::setPartitionId));
            choice("osType", "Operating system", OsType.values(), l::osType, o -> set(l, "OS", l.osType(), (OsType) o, l::setOsType));
        } else if (e instanceof Mapping m) {
            readOnly("lpar", "LPAR", () -> m.lpar().name());
            readOnly("vios", "VIOS", () -> m.vios().name());
            text("adapter", "Virtual adapter", NAME, m::adapter, a -> set(m, "adapter", m.adapter(), (String) a, m::setAdapter));
            text("device", "Backing device", NAME, m::backingDevice,
                    d -> set(m, "backing device", m.backingDevice(), (String) d, m::setBackingDevice));
        }
    }

    private static org.eclipse.gef.commands.Command topologyName(Topology t, Object v) {
        String old = t.name();
        return new org.viosbench.ui.topology.commands.ModelCommand("Rename topology", t, () -> t.setName((String) v), () -> t.setName(old));
    }

    private static org.eclipse.gef.commands.Command timing(Topology t, int heartbeat, int failure) {
        int oh = t.heartbeatMillis();
        int of = t.failureTimeoutMillis();
        return new org.viosbench.ui.topology.commands.ModelCommand("Set membership timing", t, () -> t.setTiming(heartbeat, failure),
                () -> t.setTiming(oh, of));
    }

    private <V> void set(Element e, String what, V old, V now, Consumer<V> setter) {
        if (!java.util.Objects.equals(old, now)) {
            stack.execute(Edits.set(e, what, old, now, setter));
        }
    }

    /** "10, 11" as daemon ids, or null when it is not such a list. */
    static List<Integer> daemons(String text) {
        List<Integer> out = new ArrayList<>();
        if (text.isBlank()) {
            return out;
        }
        for (String part : text.split(",")) {
            try {
                int d = Integer.parseInt(part.trim());
                if (d < 0 || d > 0xFFFF) {
                    return null;
                }
                out.add(d);
            } catch (NumberFormatException ex) {
                return null;
            }
        }
        return out;
    }

    private void text(String id, String label, ICellEditorValidator validator, Supplier<Object> get, Consumer<Object> set) {
        TextPropertyDescriptor d = new TextPropertyDescriptor(id, label);
        d.setValidator(validator);
        props.put(id, new Prop(d, validator, get, set));
    }

    private void number(String id, String label, long min, long max, Supplier<Object> get, Consumer<Object> set) {
        TextPropertyDescriptor d = new TextPropertyDescriptor(id, label);
        ICellEditorValidator validator = v -> parse((String) v, min, max) == null ? "a whole number " + min + ".." + max : null;
        d.setValidator(validator);
        props.put(id, new Prop(d, validator, () -> String.valueOf(get.get()), v -> set.accept(parse((String) v, min, max))));
    }

    private static Long parse(String text, long min, long max) {
        try {
            long v = Long.parseLong(text.trim());
            return v < min || v > max ? null : v;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private <E extends Enum<E>> void choice(String id, String label, E[] values, Supplier<Object> get, Consumer<Object> set) {
        String[] names = Arrays.stream(values).map(Enum::name).toArray(String[]::new);
        ComboBoxPropertyDescriptor d = new ComboBoxPropertyDescriptor(id, label, names);
        Function<Object, Integer> index = v -> Arrays.asList(values).indexOf(v);
        props.put(id, new Prop(d, v -> v instanceof Integer i && i >= 0 && i < values.length ? null : "one of " + Arrays.toString(names),
                () -> index.apply(get.get()), v -> set.accept(values[(Integer) v])));
    }

    private void readOnly(String id, String label, Supplier<Object> get) {
        props.put(id, new Prop(new PropertyDescriptor(id, label), v -> "read-only", get, v -> {
        }));
    }

    @Override
    public Object getEditableValue() {
        return this;
    }

    @Override
    public IPropertyDescriptor[] getPropertyDescriptors() {
        return props.values().stream().map(Prop::descriptor).toArray(IPropertyDescriptor[]::new);
    }

    @Override
    public Object getPropertyValue(Object id) {
        Prop p = props.get(id);
        return p == null ? null : p.get().get();
    }

    @Override
    public boolean isPropertySet(Object id) {
        return false;
    }

    @Override
    public void resetPropertyValue(Object id) {
        // nothing has a default to go back to
    }

    /** Applies {@code value} as the property editor delivers it (text, or a choice index); invalid values change nothing. */
    @Override
    public void setPropertyValue(Object id, Object value) {
        Prop p = props.get(id);
        if (p == null || value == null) {
            return;
        }
        if (p.validator() != null && p.validator().isValid(value) != null) {
            return;
        }
        p.set().accept(value);
    }

    /** Why {@code value} is refused for property {@code id}, or null when it is accepted. */
    public String problem(Object id, Object value) {
        Prop p = props.get(id);
        return p == null ? "no property " + id : p.validator() == null ? null : p.validator().isValid(value);
    }
}
