package org.viosbench.ui.topology;

import java.io.IOException;
import java.nio.file.Path;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.handlers.HandlerUtil;

/** File > Export Diagram...: the active topology's diagram as PNG or SVG, by the chosen file's suffix. */
public final class ExportDiagramHandler extends AbstractHandler {

    @Override
    public Object execute(ExecutionEvent event) {
        IEditorPart part = HandlerUtil.getActiveEditor(event);
        if (!(part instanceof TopologyEditor editor)) {
            MessageDialog.openInformation(HandlerUtil.getActiveShell(event), "Export Diagram", "Open a topology first.");
            return null;
        }
        FileDialog dialog = new FileDialog(editor.getSite().getShell(), SWT.SAVE);
        dialog.setFilterExtensions(new String[] { "*.png", "*.svg" });
        dialog.setFilterNames(new String[] { "PNG image", "SVG drawing" });
        dialog.setFileName(editor.topology().name() + ".png");
        dialog.setOverwrite(true);
        String chosen = dialog.open();
        if (chosen == null) {
            return null;
        }
        Path file = Path.of(chosen);
        try {
            export(editor, file);
        } catch (IOException e) {
            MessageDialog.openError(editor.getSite().getShell(), "Export failed", e.getMessage());
        }
        return null;
    }

    /** Writes SVG for *.svg, PNG otherwise. */
    static void export(TopologyEditor editor, Path file) throws IOException {
        if (file.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".svg")) {
            editor.exportSvg(file);
        } else {
            editor.exportPng(file);
        }
    }
}
