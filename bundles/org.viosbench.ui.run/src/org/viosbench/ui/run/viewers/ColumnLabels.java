package org.viosbench.ui.run.viewers;

import org.eclipse.jface.viewers.ITableColorProvider;
import org.eclipse.jface.viewers.ITableLabelProvider;
import org.eclipse.jface.viewers.LabelProvider;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.Image;

/** Labels of a table or tree viewer by column: text only; override the colours a view gives. */
public abstract class ColumnLabels extends LabelProvider implements ITableLabelProvider, ITableColorProvider {

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

