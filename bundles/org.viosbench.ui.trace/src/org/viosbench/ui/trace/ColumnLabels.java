package org.viosbench.ui.trace;

import org.eclipse.jface.viewers.ITableColorProvider;
import org.eclipse.jface.viewers.ITableLabelProvider;
import org.eclipse.jface.viewers.LabelProvider;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.Image;

/** Labels of a table or tree viewer by column: text only; override the colours a view gives. */
public abstract class ColumnLabels extends LabelProvider implements ITableLabelProvider, ITableColorProvider {

    /** A single-selection table viewer with {@code columns} (title, width in pixels), headers and lines shown; {@code style} adds SWT.VIRTUAL or a border. */
    public static org.eclipse.jface.viewers.TableViewer table(org.eclipse.swt.widgets.Composite parent, int style, String[][] columns) {
        org.eclipse.jface.viewers.TableViewer v = new org.eclipse.jface.viewers.TableViewer(parent,
                style | org.eclipse.swt.SWT.FULL_SELECTION | org.eclipse.swt.SWT.SINGLE | org.eclipse.swt.SWT.V_SCROLL);
        org.eclipse.swt.widgets.Table t = v.getTable();
        t.setHeaderVisible(true);
        t.setLinesVisible(true);
        for (String[] c : columns) {
            org.eclipse.swt.widgets.TableColumn col = new org.eclipse.swt.widgets.TableColumn(t, org.eclipse.swt.SWT.LEFT);
            col.setText(c[0]);
            col.setWidth(Integer.parseInt(c[1]));
        }
        return v;
    }

    @Override
    public Image getColumnImage(Object element, int column) {
        return null;
    }

    @Override
    public Color getForeground(Object element, int column) {
        return null;
    }

    @Override
    public Color getBackground(Object element, int column) {
        return null;
    }
}

