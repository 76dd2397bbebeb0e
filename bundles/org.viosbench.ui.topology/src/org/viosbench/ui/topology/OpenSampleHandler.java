package org.viosbench.ui.topology;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.core.commands.ExecutionException;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.handlers.HandlerUtil;
import org.viosbench.topology.Samples;

/** File > New Topology from Sample: a new, unsaved topology made from a sample (Save asks where to put it). */
public final class OpenSampleHandler extends AbstractHandler {
    public static final String PARAMETER = "org.viosbench.ui.topology.sample";

    @Override
    public Object execute(ExecutionEvent event) throws ExecutionException {
        String name = event.getParameter(PARAMETER);
        if (name == null || !Samples.NAMES.contains(name)) {
            throw new ExecutionException("no sample called " + name + " (samples: " + Samples.NAMES + ")");
        }
        try {
            return HandlerUtil.getActiveWorkbenchWindowChecked(event).getActivePage().openEditor(TopologyEditorInput.sample(name),
                    TopologyEditor.ID);
        } catch (PartInitException e) {
            throw new ExecutionException("the " + name + " sample did not open: " + e.getMessage(), e);
        }
    }
}
