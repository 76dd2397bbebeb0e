package org.viosbench.ui.trace;

import java.io.IOException;
import java.nio.file.Path;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.handlers.HandlerUtil;
import org.viosbench.trace.TraceFile;
import org.viosbench.trace.TraceFileException;

/** File > Open Trace...: a trace file in the Trace view; a bad file is refused with its line. */
public final class OpenTraceHandler extends AbstractHandler {

    @Override
    public Object execute(ExecutionEvent event) {
        FileDialog d = new FileDialog(HandlerUtil.getActiveShell(event), SWT.OPEN);
        d.setFilterExtensions(new String[] { "*.jsonl", "*" });
        String chosen = d.open();
        if (chosen != null) {
            open(HandlerUtil.getActiveWorkbenchWindow(event).getActivePage(), Path.of(chosen));
        }
        return null;
    }

    /** Opens {@code file} in the Trace view; says why when it cannot. */
    public static TraceView open(IWorkbenchPage page, Path file) {
        try {
            TraceView view = (TraceView) page.showView(TraceView.ID);
            view.open(TraceFile.read(file), file.getFileName().toString());
            return view;
        } catch (TraceFileException | IOException | PartInitException e) {
            MessageDialog.openError(page.getWorkbenchWindow().getShell(), "Trace not opened", file + ": " + e.getMessage());
            return null;
        }
    }
}
