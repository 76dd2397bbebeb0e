package org.viosbench.ui.run.step;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.viosbench.cluster.step.Pending;
import org.viosbench.engine.MessageIds;
import org.viosbench.session.StepSession;
import org.viosbench.ui.trace.ColumnLabels;

/** The Step Mode view's tables as JFace viewers: pending deliveries, the history of choices, the branches. */
final class StepTables {

    private StepTables() {
    }

    /** A line of the history: the step's number and what was chosen. */
    record Step(int number, String choice) {
        static List<Step> of(List<String> choices) {
            List<Step> out = new ArrayList<>(choices.size());
            for (int i = 0; i < choices.size(); i++) {
                out.add(new Step(i + 1, choices.get(i)));
            }
            return out;
        }
    }

    /** A single-selection table viewer over a list, with {@code columns} (title, width). */
    static TableViewer table(Composite parent, ColumnLabels labels, String[][] columns) {
        TableViewer v = ColumnLabels.table(parent, SWT.BORDER, columns);
        v.setContentProvider(ArrayContentProvider.getInstance());
        v.setLabelProvider(labels);
        return v;
    }

    /** A pending delivery: its number, VIOSes (named by {@code names}), what it carries, size, due time. */
    static ColumnLabels pending(Supplier<Map<Integer, String>> names) {
        return new ColumnLabels() {
            @Override
            public String getColumnText(Object element, int column) {
                if (!(element instanceof Pending p)) {
                    return "";
                }
                return switch (column) {
                    case 0 -> Long.toString(p.id());
                    case 1 -> names.get().get(p.from());
                    case 2 -> names.get().get(p.to());
                    case 3 -> p.type() + (p.error() ? " error" : p.response() ? " response" : " request") + " m" + MessageIds.label(p.messageId());
                    case 4 -> Integer.toString(p.bytes());
                    default -> String.format(Locale.ROOT, "%.3f", p.dueNanos() / 1e6);
                };
            }
        };
    }

    /** A step of the history. */
    static ColumnLabels history() {
        return new ColumnLabels() {
            @Override
            public String getColumnText(Object element, int column) {
                return element instanceof Step st ? (column == 0 ? Integer.toString(st.number()) : st.choice()) : "";
            }
        };
    }

    /** A branch: its name (marked when it is {@code current}), where it forked, its choices and events. */
    static ColumnLabels branches(Supplier<StepSession.Branch> current) {
        return new ColumnLabels() {
            @Override
            public String getColumnText(Object element, int column) {
                if (!(element instanceof StepSession.Branch b)) {
                    return "";
                }
                return switch (column) {
                    case 0 -> (b == current.get() ? "\u25b6 " : "") + b.name();
                    case 1 -> b.origin();
                    case 2 -> Integer.toString(b.cluster().choices().size());
                    default -> Integer.toString(b.cluster().events().size());
                };
            }
        };
    }
}
