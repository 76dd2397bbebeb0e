package org.viosbench.ui.topology;

import java.nio.file.Path;
import java.util.Objects;

import org.eclipse.jface.resource.ImageDescriptor;
import org.eclipse.ui.IEditorInput;
import org.eclipse.ui.IPersistableElement;

/**
 * A topology file as editor input. {@code path} may be null for a topology not saved yet (a
 * sample); then Save asks where to put it.
 */
public final class TopologyEditorInput implements IEditorInput {
    private final Path path;
    private final String sample;

    private TopologyEditorInput(Path path, String sample) {
        this.path = path;
        this.sample = sample;
    }

    public static TopologyEditorInput of(Path path) {
        return new TopologyEditorInput(path.toAbsolutePath().normalize(), null);
    }

    /** A new, unsaved topology made from the sample {@code name}. */
    public static TopologyEditorInput sample(String name) {
        return new TopologyEditorInput(null, name);
    }

    /** The file, or null before the first save. */
    public Path file() {
        return path;
    }

    /** The sample this unsaved topology comes from, or null. */
    public String sampleName() {
        return sample;
    }

    @Override
    public boolean exists() {
        return path != null;
    }

    @Override
    public ImageDescriptor getImageDescriptor() {
        return ImageDescriptor.getMissingImageDescriptor();
    }

    @Override
    public String getName() {
        return path != null ? path.getFileName().toString() : sample + " (unsaved)";
    }

    @Override
    public IPersistableElement getPersistable() {
        return null;
    }

    @Override
    public String getToolTipText() {
        return path != null ? path.toString() : "new topology from the " + sample + " sample";
    }

    @Override
    public <T> T getAdapter(Class<T> adapter) {
        return null;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TopologyEditorInput other && Objects.equals(path, other.path) && path != null;
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(path);
    }
}
