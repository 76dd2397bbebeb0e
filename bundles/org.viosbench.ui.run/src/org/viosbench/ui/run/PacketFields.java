package org.viosbench.ui.run;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.jface.viewers.TreeViewer;
import org.eclipse.swt.graphics.Color;
import org.viosbench.protocol.PacketDissector;
import org.viosbench.protocol.PacketDissector.Field;
import org.viosbench.ui.trace.ColumnLabels;

/** The Packet Inspector's field tree as a JFace viewer over a {@link PacketDissector.Dissection}: field, value, where in the bytes. */
final class PacketFields {

    private PacketFields() {
    }

    /** Makes {@code viewer} show dissections (its input), a decode failure on {@code failure}'s colour. */
    static void configure(TreeViewer viewer, Color failure) {
        viewer.setComparer(Identity.INSTANCE); // two fields may read alike; each is its own row
        viewer.setContentProvider(new FieldRows());
        viewer.setLabelProvider(new FieldLabels(failure));
    }

    /** The decoder's verdict on a packet it refused, shown first above the fields it could read. */
    record FailureRow(org.viosbench.protocol.DecodeFailure failure) {
    }

    /** A dissection's rows: its failure (if any), then its fields, each with its parts beneath. */
    private static final class FieldRows implements org.eclipse.jface.viewers.ITreeContentProvider {
        @Override
        public Object[] getElements(Object input) {
            if (!(input instanceof PacketDissector.Dissection d)) {
                return new Object[0];
            }
            List<Object> rows = new ArrayList<>();
            if (d.failure() != null) {
                rows.add(new FailureRow(d.failure()));
            }
            rows.addAll(d.fields());
            return rows.toArray();
        }

        @Override
        public Object[] getChildren(Object parent) {
            return parent instanceof Field f ? f.children().toArray() : new Object[0];
        }

        @Override
        public Object getParent(Object element) {
            return null;
        }

        @Override
        public boolean hasChildren(Object element) {
            return element instanceof Field f && !f.children().isEmpty();
        }
    }

    /** Field, value, where in the bytes; the failure row on red. */
    private static final class FieldLabels extends ColumnLabels {
        private final Color failure;

        FieldLabels(Color failure) {
            this.failure = failure;
        }

        @Override
        public String getColumnText(Object element, int column) {
            if (element instanceof FailureRow r) {
                return new String[] { "Decode failure", r.failure().message(), "at " + r.failure().offset() }[column];
            }
            return element instanceof Field f ? new String[] { f.name(), f.value(), f.offset() + "+" + f.length() }[column] : "";
        }

        @Override
        public Color getBackground(Object element, int column) {
            return element instanceof FailureRow ? failure : null;
        }
    }

    /** Elements compared by identity. */
    private enum Identity implements org.eclipse.jface.viewers.IElementComparer {
        INSTANCE;

        @Override
        public boolean equals(Object a, Object b) {
            return a == b;
        }

        @Override
        public int hashCode(Object element) {
            return System.identityHashCode(element);
        }
    }
}
