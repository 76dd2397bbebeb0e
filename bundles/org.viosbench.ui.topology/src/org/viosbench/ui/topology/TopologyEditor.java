package org.viosbench.ui.topology;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EventObject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.gef.DefaultEditDomain;
import org.eclipse.gef.EditPart;
import org.eclipse.gef.GraphicalViewer;
import org.eclipse.gef.KeyHandler;
import org.eclipse.gef.KeyStroke;
import org.eclipse.gef.LayerConstants;
import org.eclipse.gef.MouseWheelHandler;
import org.eclipse.gef.MouseWheelZoomHandler;
import org.eclipse.gef.SnapToGrid;
import org.eclipse.gef.editparts.ScalableFreeformRootEditPart;
import org.eclipse.gef.editparts.ZoomManager;
import org.eclipse.gef.palette.PaletteRoot;
import org.eclipse.gef.ui.actions.ActionRegistry;
import org.eclipse.gef.ui.actions.GEFActionConstants;
import org.eclipse.gef.ui.actions.ZoomInAction;
import org.eclipse.gef.ui.actions.ZoomOutAction;
import org.eclipse.gef.ui.parts.GraphicalEditorWithFlyoutPalette;
import org.eclipse.gef.ui.parts.GraphicalViewerKeyHandler;
import org.eclipse.jface.action.IAction;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.ui.IEditorInput;
import org.eclipse.ui.IEditorSite;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.actions.ActionFactory;
import org.eclipse.ui.views.contentoutline.IContentOutlinePage;
import org.viosbench.topology.AutoLayout;
import org.viosbench.topology.Element;
import org.viosbench.topology.Problem;
import org.viosbench.topology.Samples;
import org.viosbench.topology.Topology;
import org.viosbench.topology.TopologyFile;
import org.viosbench.topology.TopologyFileException;
import org.viosbench.topology.Validator;
import org.viosbench.ui.topology.parts.ElementPart;
import org.viosbench.ui.topology.parts.MappingPart;
import org.viosbench.ui.topology.parts.PartFactory;

/**
 * The GEF editor of a topology file: CECs holding VIOSes and LPARs, mappings as connections, every
 * change a command (undo/redo), validation problems on the figures after each change, zoom with
 * Ctrl+wheel and Ctrl+=/Ctrl+-, a grid to snap to, and an overview in the Outline view.
 */
public final class TopologyEditor extends GraphicalEditorWithFlyoutPalette {
    public static final String ID = "org.viosbench.ui.topology.editor";

    private Topology topology;
    private List<Problem> problems = List.of();
    private final List<Runnable> problemsListeners = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final List<Runnable> sessionListeners = new java.util.concurrent.CopyOnWriteArrayList<>();
    private org.viosbench.session.ClusterSession session;
    /** What other bundles attach to this editor (see {@link EditorAttachment}); before the edit domain, which builds the palette. */
    private final List<EditorAttachment> attachments = Attachments.create();
    private final java.util.concurrent.atomic.AtomicBoolean stateRefreshPending = new java.util.concurrent.atomic.AtomicBoolean();
    private final org.viosbench.session.SessionListener sessionChanged = change -> {
        if (stateRefreshPending.compareAndSet(false, true)) {
            org.eclipse.swt.widgets.Display.getDefault().asyncExec(() -> {
                stateRefreshPending.set(false);
                refreshStates();
            });
        }
    };

    /** The editor's command stack: it refuses every edit while the topology runs (see {@link RunModeLock}). */
    private final RunModeLock.Stack stack = new RunModeLock.Stack();

    public TopologyEditor() {
        DefaultEditDomain domain = new DefaultEditDomain(this);
        domain.setCommandStack(stack);
        setEditDomain(domain);
    }

    @Override
    public void init(IEditorSite site, IEditorInput input) throws PartInitException {
        if (!(input instanceof TopologyEditorInput in)) {
            throw new PartInitException("not a topology: " + input.getName());
        }
        try {
            topology = in.file() != null ? TopologyFile.read(in.file()) : Samples.build(in.sampleName());
        } catch (TopologyFileException e) {
            throw new PartInitException(in.file() + " was not opened: " + e.getMessage());
        } catch (IOException e) {
            throw new PartInitException(in.file() + " cannot be read: " + e.getMessage(), e);
        }
        if (AutoLayout.needed(topology)) {
            AutoLayout.apply(topology); // places what the file did not; not an edit of the user's
        }
        super.init(site, input);
        setPartName(input.getName());
    }

    /** The topology being edited. */
    public Topology topology() {
        return topology;
    }

    /** The validation problems of the last change. */
    public List<Problem> problems() {
        return problems;
    }

    @Override
    public GraphicalViewer getGraphicalViewer() {
        return super.getGraphicalViewer();
    }

    @Override
    public org.eclipse.gef.commands.CommandStack getCommandStack() {
        return super.getCommandStack();
    }

    @Override
    public DefaultEditDomain getEditDomain() {
        return super.getEditDomain();
    }

    @Override
    public ActionRegistry getActionRegistry() {
        return super.getActionRegistry();
    }

    /** The palette starts open beside the diagram; the user may collapse it. */
    @Override
    protected org.eclipse.gef.ui.palette.FlyoutPaletteComposite.FlyoutPreferences getPalettePreferences() {
        return new org.eclipse.gef.ui.palette.FlyoutPaletteComposite.FlyoutPreferences() {
            private int dock = org.eclipse.draw2d.PositionConstants.EAST;
            private int state = org.eclipse.gef.ui.palette.FlyoutPaletteComposite.STATE_PINNED_OPEN;
            private int width = 150;

            @Override
            public int getDockLocation() {
                return dock;
            }

            @Override
            public int getPaletteState() {
                return state;
            }

            @Override
            public int getPaletteWidth() {
                return width;
            }

            @Override
            public void setDockLocation(int location) {
                dock = location;
            }

            @Override
            public void setPaletteState(int s) {
                state = s;
            }

            @Override
            public void setPaletteWidth(int w) {
                width = w;
            }
        };
    }

    @Override
    protected PaletteRoot getPaletteRoot() {
        List<org.eclipse.gef.palette.ToolEntry> runTools = new ArrayList<>();
        attachments.forEach(a -> runTools.addAll(a.runTools()));
        return TopologyPalette.create(() -> topology, runTools);
    }

    @Override
    @SuppressWarnings("unchecked") // GEF 3.2's raw lists
    protected void createActions() {
        super.createActions();
        org.eclipse.jface.action.IAction copy = new CopyPaste.CopyAction(this);
        org.eclipse.jface.action.IAction paste = new CopyPaste.PasteAction(this);
        getActionRegistry().registerAction(copy);
        getActionRegistry().registerAction(paste);
        getSelectionActions().add(copy.getId());
        getSelectionActions().add(paste.getId());
        org.eclipse.jface.action.IAction rename = new org.eclipse.gef.ui.actions.DirectEditAction((org.eclipse.ui.IWorkbenchPart) this);
        getActionRegistry().registerAction(rename);
        getSelectionActions().add(rename.getId());
    }

    @Override
    protected void configureGraphicalViewer() {
        super.configureGraphicalViewer();
        GraphicalViewer viewer = getGraphicalViewer();
        ScalableFreeformRootEditPart root = new ScalableFreeformRootEditPart();
        viewer.setRootEditPart(root);
        viewer.setEditPartFactory(new PartFactory());
        ZoomManager zoom = root.getZoomManager();
        zoom.setZoomLevels(new double[] { 0.1, 0.25, 0.5, 0.75, 1.0, 1.5, 2.0, 3.0 });
        IAction zoomIn = new ZoomInAction(zoom);
        IAction zoomOut = new ZoomOutAction(zoom);
        getActionRegistry().registerAction(zoomIn);
        getActionRegistry().registerAction(zoomOut);
        getSite().getKeyBindingService().registerAction(zoomIn);
        getSite().getKeyBindingService().registerAction(zoomOut);
        viewer.setProperty(MouseWheelHandler.KeyGenerator.getKey(SWT.MOD1), MouseWheelZoomHandler.SINGLETON);
        viewer.setProperty(SnapToGrid.PROPERTY_GRID_ENABLED, Boolean.TRUE);
        viewer.setProperty(SnapToGrid.PROPERTY_GRID_VISIBLE, Boolean.TRUE);
        viewer.setProperty(SnapToGrid.PROPERTY_GRID_SPACING, new org.eclipse.draw2d.geometry.Dimension(8, 8));
        KeyHandler keys = new GraphicalViewerKeyHandler(viewer);
        keys.put(KeyStroke.getPressed(SWT.DEL, 127, 0), getActionRegistry().getAction(ActionFactory.DELETE.getId()));
        keys.put(KeyStroke.getPressed('=', SWT.MOD1), zoomIn);
        keys.put(KeyStroke.getPressed('+', SWT.MOD1), zoomIn);
        keys.put(KeyStroke.getPressed('-', SWT.MOD1), zoomOut);
        keys.put(KeyStroke.getPressed(SWT.F2, 0), getActionRegistry().getAction(GEFActionConstants.DIRECT_EDIT));
        viewer.setKeyHandler(keys);
        org.eclipse.gef.ContextMenuProvider menu = new TopologyContextMenu(viewer, this);
        viewer.setContextMenu(menu);
        getSite().registerContextMenu(menu, viewer);
    }

    @Override
    protected void initializeGraphicalViewer() {
        getGraphicalViewer().setContents(topology);
        revalidate();
        attachments.forEach(a -> a.attach(this));
    }

    @Override
    public void commandStackChanged(EventObject event) {
        super.commandStackChanged(event);
        firePropertyChange(PROP_DIRTY);
        revalidate();
    }

    /** Validates the topology and shows each element's problems on its figure. */
    private void revalidate() {
        problems = Validator.validate(topology);
        Map<Element, List<Problem>> byElement = new HashMap<>();
        for (Problem p : problems) {
            if (p.element() != null) {
                byElement.computeIfAbsent(p.element(), e -> new ArrayList<>()).add(p);
            }
        }
        GraphicalViewer viewer = getGraphicalViewer();
        if (viewer == null) {
            return;
        }
        for (Object part : viewer.getEditPartRegistry().values()) {
            if (part instanceof ElementPart ep) {
                ep.setProblems(byElement.getOrDefault(ep.element(), List.of()));
            } else if (part instanceof MappingPart mp) {
                mp.setProblems(byElement.getOrDefault(mp.mapping(), List.of()));
            }
        }
        problemsListeners.forEach(Runnable::run);
    }

    /** Writes the whole diagram (not just the visible part), at 100 %, as a PNG image. */
    public void exportPng(Path file) throws IOException {
        ScalableFreeformRootEditPart root = (ScalableFreeformRootEditPart) getGraphicalViewer().getRootEditPart();
        org.eclipse.draw2d.IFigure layer = root.getLayer(LayerConstants.PRINTABLE_LAYERS);
        org.eclipse.draw2d.geometry.Rectangle extent = ((org.eclipse.draw2d.FreeformFigure) layer).getFreeformExtent().getCopy();
        extent.union(0, 0);
        org.eclipse.swt.widgets.Display display = getSite().getShell().getDisplay();
        org.eclipse.swt.graphics.Image image = new org.eclipse.swt.graphics.Image(display, Math.max(1, extent.right() + 16),
                Math.max(1, extent.bottom() + 16));
        org.eclipse.swt.graphics.GC gc = new org.eclipse.swt.graphics.GC(image);
        try {
            org.eclipse.draw2d.SWTGraphics g = new org.eclipse.draw2d.SWTGraphics(gc);
            g.setBackgroundColor(org.eclipse.draw2d.ColorConstants.white);
            g.fillRectangle(0, 0, image.getBounds().width, image.getBounds().height);
            layer.paint(g);
            g.dispose();
            org.eclipse.swt.graphics.ImageLoader loader = new org.eclipse.swt.graphics.ImageLoader();
            loader.data = new org.eclipse.swt.graphics.ImageData[] { image.getImageData() };
            java.nio.file.Files.createDirectories(file.toAbsolutePath().getParent());
            loader.save(file.toString(), SWT.IMAGE_PNG);
        } catch (org.eclipse.swt.SWTException e) {
            throw new IOException(file + " was not written: " + e.getMessage(), e);
        } finally {
            gc.dispose();
            image.dispose();
        }
    }

    /** Writes the diagram as SVG (see {@link org.viosbench.topology.SvgExport}). */
    public void exportSvg(Path file) throws IOException {
        java.nio.file.Files.writeString(file, org.viosbench.topology.SvgExport.svg(topology));
    }

    /** The running cluster of this topology, or null. */
    public org.viosbench.session.ClusterSession session() {
        return session;
    }

    /**
     * Starts the topology as drawn (an embedded cluster); edits are refused until {@link #stop()}.
     *
     * @throws IllegalStateException when it has validation errors or is running already
     */
    public void run() {
        if (session != null) {
            throw new IllegalStateException(topology.name() + " is running already");
        }
        session = org.viosbench.session.ClusterSession.start(topology);
        RunModeLock.lock(getGraphicalViewer(), stack, topology.name() + " runs: stop it to edit (what runs is what is drawn)");
        session.addListener(sessionChanged);
        getGraphicalViewer().setProperty(org.viosbench.ui.topology.parts.RunMode.SESSION, session);
        setPartName(getEditorInput().getName() + " [running]");
        getEditorSite().getActionBars().getStatusLineManager().setMessage(topology.name()
                + " runs: edits are refused until Cluster > Stop. Right-click a VIOS, or drag the Fire Message tool, to fire.");
        refreshStates();
        sessionListeners.forEach(Runnable::run);
        attachDatabase(session);
    }

    /** Where the VIOS database of a topology named {@code name} lives: in the workspace, one per topology name. */
    public static java.nio.file.Path databaseDirectory(String name) {
        java.nio.file.Path state = org.eclipse.core.runtime.Platform.getStateLocation(org.osgi.framework.FrameworkUtil.getBundle(TopologyEditor.class))
                .toPath();
        return state.resolve("databases").resolve(name.replaceAll("[^A-Za-z0-9_.-]", "_"));
    }

    /** Whether a run gets its VIOS database (system property {@code viosbench.runDatabase}, default true). */
    public static final String RUN_DATABASE = "viosbench.runDatabase";

    /** Gives the running cluster its VIOS database, on a thread of its own (Derby's first start takes a moment). */
    private void attachDatabase(org.viosbench.session.ClusterSession s) {
        if (!Boolean.parseBoolean(System.getProperty(RUN_DATABASE, "true"))) {
            return;
        }
        java.nio.file.Path dir = databaseDirectory(topology.name());
        org.eclipse.core.runtime.jobs.Job job = org.eclipse.core.runtime.jobs.Job.create("Opening the VIOS database of " + topology.name(), monitor -> {
            try {
                s.attachDatabase(dir);
            } catch (org.viosbench.db.DatabaseException | IllegalStateException e) {
                // said to the session's listeners (the VIOS Database view shows it); the cluster runs on without it
                System.getLogger(TopologyEditor.class.getName()).log(System.Logger.Level.WARNING, "the VIOS database in " + dir + " is not attached", e);
            }
        });
        job.setSystem(true);
        job.schedule();
    }

    /** Stops the running cluster (if any); the topology can be edited again. */
    public void stop() {
        if (session == null) {
            return;
        }
        org.viosbench.session.ClusterSession s = session;
        session = null;
        sessionListeners.forEach(Runnable::run); // what draws on the running cluster lets go of it first
        s.removeListener(sessionChanged);
        try {
            s.close();
        } finally {
            RunModeLock.unlock(getGraphicalViewer(), stack);
        }
        if (getGraphicalViewer().getControl() != null && !getGraphicalViewer().getControl().isDisposed()) {
            getGraphicalViewer().setProperty(org.viosbench.ui.topology.parts.RunMode.SESSION, null);
            setPartName(getEditorInput().getName());
            getEditorSite().getActionBars().getStatusLineManager().setMessage(null);
            refreshStates();
        }
    }

    /** The layer that attachments draw on (above the diagram, scaled with it). */
    public org.eclipse.draw2d.IFigure feedbackLayer() {
        return ((ScalableFreeformRootEditPart) getGraphicalViewer().getRootEditPart()).getLayer(LayerConstants.SCALED_FEEDBACK_LAYER);
    }

    /** {@code l} runs (on the UI thread) when the cluster has started, and when it stops (before it closes). */
    public void addSessionListener(Runnable l) {
        sessionListeners.add(l);
    }

    public void removeSessionListener(Runnable l) {
        sessionListeners.remove(l);
    }

    /** Redraws every VIOS with its live state. */
    private void refreshStates() {
        // also runs late, from an asyncExec queued by the cluster, when the editor has closed meanwhile
        if (getGraphicalViewer() == null || getGraphicalViewer().getControl() == null || getGraphicalViewer().getControl().isDisposed()) {
            return;
        }
        for (Object part : getGraphicalViewer().getEditPartRegistry().values()) {
            if (part instanceof org.viosbench.ui.topology.parts.PartitionPart pp) {
                pp.refreshState(); // VIOS: membership and faults; LPAR: its I/O paths
            }
        }
    }

    @Override
    public void dispose() {
        stop();
        attachments.forEach(EditorAttachment::detach);
        super.dispose();
    }

    /** {@code l} runs after every validation (after each change of the topology). */
    public void addProblemsListener(Runnable l) {
        problemsListeners.add(l);
    }

    public void removeProblemsListener(Runnable l) {
        problemsListeners.remove(l);
    }

    /** The edit part showing {@code model}, or null. */
    public EditPart partOf(Object model) {
        return (EditPart) getGraphicalViewer().getEditPartRegistry().get(model);
    }

    @Override
    public boolean isDirty() {
        return getCommandStack().isDirty() || ((TopologyEditorInput) getEditorInput()).file() == null;
    }

    @Override
    public void doSave(IProgressMonitor monitor) {
        Path file = ((TopologyEditorInput) getEditorInput()).file();
        if (file == null) {
            doSaveAs();
            return;
        }
        save(file);
    }

    @Override
    public boolean isSaveAsAllowed() {
        return true;
    }

    @Override
    public void doSaveAs() {
        FileDialog dialog = new FileDialog(getSite().getShell(), SWT.SAVE);
        dialog.setFilterExtensions(new String[] { "*" + TopologyFile.SUFFIX });
        dialog.setFileName(topology.name() + TopologyFile.SUFFIX);
        dialog.setOverwrite(true);
        String chosen = dialog.open();
        if (chosen != null) {
            saveAs(Path.of(chosen.endsWith(TopologyFile.SUFFIX) ? chosen : chosen + TopologyFile.SUFFIX));
        }
    }

    /** Saves to {@code file} and edits that file from now on. */
    public void saveAs(Path file) {
        if (save(file)) {
            setInput(TopologyEditorInput.of(file));
            setPartName(getEditorInput().getName());
            firePropertyChange(PROP_DIRTY);
        }
    }

    private boolean save(Path file) {
        try {
            TopologyFile.write(topology, file);
            getCommandStack().markSaveLocation();
            firePropertyChange(PROP_DIRTY);
            return true;
        } catch (IOException e) {
            MessageDialog.openError(getSite().getShell(), "Save failed", file + " was not written: " + e.getMessage()
                    + "\nThe topology is still open and unchanged.");
            return false;
        }
    }

    @Override
    @SuppressWarnings("rawtypes") // GEF 3.2 overrides the raw form
    public Object getAdapter(Class type) {
        if (type == IContentOutlinePage.class) {
            return new OverviewPage(getGraphicalViewer(), getCommandStack());
        }
        if (type == Topology.class) {
            return topology(); // for views outside this bundle (step mode, the live trace)
        }
        if (type == org.viosbench.session.ClusterSession.class) {
            return session; // the running cluster and its timeline, for the Trace view
        }
        if (type == GraphicalViewer.class) {
            return getGraphicalViewer();
        }
        for (EditorAttachment a : attachments) {
            Object o = a.getAdapter(type);
            if (o != null) {
                return o; // e.g. the run-mode bundle's animation
            }
        }
        if (type == ZoomManager.class) {
            return ((ScalableFreeformRootEditPart) getGraphicalViewer().getRootEditPart()).getZoomManager();
        }
        return super.getAdapter(type);
    }

    /** The zoom action ids, for the contributor. */
    static final String[] ZOOM_ACTIONS = { GEFActionConstants.ZOOM_IN, GEFActionConstants.ZOOM_OUT };
}
