package org.viosbench.ui.topology;

import java.nio.file.Path;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.jface.wizard.WizardDialog;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.handlers.HandlerUtil;

/** File > New Topology...: the wizard, starting in the user's home folder. */
public final class NewTopologyHandler extends AbstractHandler {

    @Override
    public Object execute(ExecutionEvent event) {
        IWorkbenchWindow window = HandlerUtil.getActiveWorkbenchWindow(event);
        new WizardDialog(window.getShell(), new NewTopologyWizard(window.getActivePage(), Path.of(System.getProperty("user.home"))))
                .open();
        return null;
    }
}
