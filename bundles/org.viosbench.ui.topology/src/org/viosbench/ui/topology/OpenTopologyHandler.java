package org.viosbench.ui.topology;

import java.nio.file.Path;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.handlers.HandlerUtil;
import org.viosbench.topology.TopologyFile;

/** File > Open Topology...: a file dialog, then the editor; a bad file is refused with what is wrong and where. */
public final class OpenTopologyHandler extends AbstractHandler {

    @Override
    public Object execute(ExecutionEvent event) {
        IWorkbenchWindow window = HandlerUtil.getActiveWorkbenchWindow(event);
        FileDialog dialog = new FileDialog(window.getShell(), SWT.OPEN);
        dialog.setFilterExtensions(new String[] { "*" + TopologyFile.SUFFIX, "*.json", "*" });
        String chosen = dialog.open();
        if (chosen != null) {
            open(window.getActivePage(), Path.of(chosen));
        }
        return null;
    }

    /** Why {@code file} cannot be opened as a topology (where and what is wrong), or null when it can. */
    public static String refusal(Path file) {
        try {
            org.viosbench.topology.TopologyFile.read(file);
            return null;
        } catch (org.viosbench.topology.TopologyFileException e) {
            return file + " was not opened: " + e.getMessage();
        } catch (java.io.IOException e) {
            return file + " cannot be read: " + e.getMessage();
        }
    }

    /** Opens {@code file} in a topology editor; says why when it cannot. Returns the editor, or null. */
    public static TopologyEditor open(IWorkbenchPage page, Path file) {
        String refused = refusal(file);
        if (refused != null) { // said here, before an editor exists: the workbench never sees a failing part
            MessageDialog.openInformation(page.getWorkbenchWindow().getShell(), "Topology not opened", refused);
            return null;
        }
        try {
            return (TopologyEditor) page.openEditor(TopologyEditorInput.of(file), TopologyEditor.ID);
        } catch (PartInitException e) {
            MessageDialog.openError(page.getWorkbenchWindow().getShell(), "Topology not opened", e.getMessage());
            return null;
        }
    }
}
