package org.viosbench.ui.topology;

import java.util.List;

import org.eclipse.core.runtime.IAdaptable;
import org.eclipse.gef.palette.ToolEntry;

/**
 * Something another bundle attaches to each topology editor, contributed through the extension
 * point {@code org.viosbench.ui.topology.attachments} (the run-mode bundle draws the animation and
 * the step overlay this way, and adds the Fire Message tool). One instance per editor: created
 * before the palette, attached once the diagram shows the topology, detached when the editor goes.
 * The editor answers {@code getAdapter} with what its attachments adapt to.
 */
public interface EditorAttachment extends IAdaptable {
    /** Extension point id (simple name {@value #POINT} in this bundle). */
    String POINT = "attachments";

    /** Tools for the palette's "Running cluster" group; they create requests of type {@link org.viosbench.ui.topology.parts.RunMode#TOOL}. */
    default List<ToolEntry> runTools() {
        return List.of();
    }

    /** The diagram shows the topology now: listen to the editor (its session starts and stops, see {@link TopologyEditor#addSessionListener}). */
    void attach(TopologyEditor editor);

    /** The editor goes: undo what {@link #attach} did. */
    void detach();

    @Override
    default <T> T getAdapter(Class<T> type) {
        return null;
    }
}
