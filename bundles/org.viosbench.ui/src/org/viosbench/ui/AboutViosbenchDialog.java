package org.viosbench.ui;

import java.util.List;

import org.eclipse.jface.dialogs.Dialog;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.dnd.Clipboard;
import org.eclipse.swt.dnd.TextTransfer;
import org.eclipse.swt.dnd.Transfer;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.viosbench.cli.info.ComponentVersions;
import org.viosbench.cli.info.ComponentVersions.Component;

/** Help &gt; About viosbench: what viosbench is and the versions of everything it runs on. */
public final class AboutViosbenchDialog extends Dialog {
    private static final int COPY_ID = IDialogConstants.CLIENT_ID + 1;

    private final List<Component> components = ComponentVersions.all();
    private Table table;

    public AboutViosbenchDialog(Shell parent) {
        super(parent);
    }

    @Override
    protected void configureShell(Shell shell) {
        super.configureShell(shell);
        shell.setText("About viosbench");
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        Composite area = (Composite) super.createDialogArea(parent);
        Label intro = new Label(area, SWT.WRAP);
        intro.setText("viosbench is a test bench for the VIOS cluster communication protocol: "
                + "draw cluster topologies, fire messages, watch them route and get answered, and step through traces.");
        GridDataFactory.fillDefaults().hint(520, SWT.DEFAULT).applyTo(intro);
        org.eclipse.jface.viewers.TableViewer viewer = new org.eclipse.jface.viewers.TableViewer(area, SWT.BORDER | SWT.FULL_SELECTION | SWT.SINGLE);
        table = viewer.getTable();
        table.setHeaderVisible(true);
        table.setLinesVisible(true);
        new TableColumn(table, SWT.LEFT).setText("Component");
        new TableColumn(table, SWT.LEFT).setText("Version");
        viewer.setContentProvider(org.eclipse.jface.viewers.ArrayContentProvider.getInstance());
        viewer.setLabelProvider(new Versions());
        viewer.setInput(components);
        for (TableColumn column : table.getColumns()) {
            column.pack();
        }
        GridDataFactory.fillDefaults().grab(true, true).applyTo(table);
        return area;
    }

    /** A component's row: its name and version. */
    private static final class Versions extends org.eclipse.jface.viewers.LabelProvider implements org.eclipse.jface.viewers.ITableLabelProvider {
        @Override
        public org.eclipse.swt.graphics.Image getColumnImage(Object element, int column) {
            return null;
        }

        @Override
        public String getColumnText(Object element, int column) {
            return element instanceof Component c ? (column == 0 ? c.label() : c.version()) : "";
        }
    }

    @Override
    protected void createButtonsForButtonBar(Composite parent) {
        createButton(parent, COPY_ID, "&Copy", false);
        createButton(parent, IDialogConstants.OK_ID, IDialogConstants.CLOSE_LABEL, true);
    }

    @Override
    protected void buttonPressed(int buttonId) {
        if (buttonId == COPY_ID) {
            Clipboard clipboard = new Clipboard(getShell().getDisplay());
            try {
                clipboard.setContents(new Object[] { versionsText() }, new Transfer[] { TextTransfer.getInstance() });
            } finally {
                clipboard.dispose();
            }
            return;
        }
        super.buttonPressed(buttonId);
    }

    /** The version list as plain text, one "label: version" line per component. */
    public String versionsText() {
        StringBuilder sb = new StringBuilder();
        for (Component c : components) {
            sb.append(c.label()).append(": ").append(c.version()).append('\n');
        }
        return sb.toString();
    }

    /** The table of versions, for tests; null before the dialog is created. */
    Table table() {
        return table;
    }
}
