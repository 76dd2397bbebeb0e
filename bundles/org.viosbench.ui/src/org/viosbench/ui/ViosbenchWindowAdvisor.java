package org.viosbench.ui;

import org.eclipse.swt.graphics.Point;
import org.eclipse.ui.application.ActionBarAdvisor;
import org.eclipse.ui.application.IActionBarConfigurer;
import org.eclipse.ui.application.IWorkbenchWindowConfigurer;
import org.eclipse.ui.application.WorkbenchWindowAdvisor;

/** Title, size and bars of a viosbench window. */
final class ViosbenchWindowAdvisor extends WorkbenchWindowAdvisor {

    ViosbenchWindowAdvisor(IWorkbenchWindowConfigurer configurer) {
        super(configurer);
    }

    @Override
    public ActionBarAdvisor createActionBarAdvisor(IActionBarConfigurer configurer) {
        return new ViosbenchActionBarAdvisor(configurer);
    }

    @Override
    public void preWindowOpen() {
        IWorkbenchWindowConfigurer configurer = getWindowConfigurer();
        configurer.setInitialSize(new Point(1280, 800));
        configurer.setShowCoolBar(false);
        configurer.setShowStatusLine(true);
        configurer.setShowProgressIndicator(true);
        configurer.setTitle(ViosbenchUi.WINDOW_TITLE);
    }

    /** With no topology open, offer one: the small sample opens, unsaved (Save asks where to keep it). */
    @Override
    public void postWindowOpen() {
        org.eclipse.ui.IWorkbenchWindow window = getWindowConfigurer().getWindow();
        if (window.getActivePage() == null || window.getActivePage().getEditorReferences().length > 0) {
            return;
        }
        org.eclipse.ui.handlers.IHandlerService handlers = window.getService(org.eclipse.ui.handlers.IHandlerService.class);
        org.eclipse.ui.commands.ICommandService commands = window.getService(org.eclipse.ui.commands.ICommandService.class);
        try {
            org.eclipse.core.commands.Command open = commands.getCommand(ViosbenchUi.OPEN_SAMPLE_COMMAND);
            if (open.isDefined()) {
                handlers.executeCommand(org.eclipse.core.commands.ParameterizedCommand.generateCommand(open,
                        java.util.Map.of(ViosbenchUi.OPEN_SAMPLE_PARAMETER, "small")), null);
            }
        } catch (Exception e) {
            org.eclipse.core.runtime.ILog.of(getClass()).warn("the small sample topology did not open: " + e.getMessage(), e);
        }
    }
}
