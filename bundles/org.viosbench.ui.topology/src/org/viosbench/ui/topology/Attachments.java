package org.viosbench.ui.topology;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IConfigurationElement;
import org.eclipse.core.runtime.Platform;

/** The {@link EditorAttachment}s contributed to {@code org.viosbench.ui.topology.attachments}, one set per editor. */
final class Attachments {
    private static final System.Logger LOG = System.getLogger(Attachments.class.getName());
    static final String POINT = "org.viosbench.ui.topology." + EditorAttachment.POINT;

    private Attachments() {
    }

    /**
     * New instances of every contributed attachment. One that cannot be created is logged (a
     * packaging defect, not a user's doing) and left out: the editor still edits.
     */
    static List<EditorAttachment> create() {
        List<EditorAttachment> out = new ArrayList<>();
        for (IConfigurationElement e : Platform.getExtensionRegistry().getConfigurationElementsFor(POINT)) {
            try {
                if (e.createExecutableExtension("class") instanceof EditorAttachment a) {
                    out.add(a);
                } else {
                    LOG.log(System.Logger.Level.ERROR, "{0} of {1} is not an EditorAttachment: left out", e.getAttribute("class"),
                            e.getContributor().getName());
                }
            } catch (CoreException ex) {
                LOG.log(System.Logger.Level.ERROR, "attachment " + e.getAttribute("class") + " of " + e.getContributor().getName()
                        + " was not created: left out", ex);
            }
        }
        return List.copyOf(out);
    }
}
