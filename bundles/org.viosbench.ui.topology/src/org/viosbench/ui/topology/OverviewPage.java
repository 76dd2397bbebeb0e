package org.viosbench.ui.topology;

import org.eclipse.draw2d.FigureCanvas;
import org.eclipse.draw2d.FreeformFigure;
import org.eclipse.draw2d.IFigure;
import org.eclipse.draw2d.SWTGraphics;
import org.eclipse.draw2d.Viewport;
import org.eclipse.draw2d.geometry.Rectangle;
import org.eclipse.gef.GraphicalViewer;
import org.eclipse.gef.LayerConstants;
import org.eclipse.gef.commands.CommandStack;
import org.eclipse.gef.commands.CommandStackListener;
import org.eclipse.gef.editparts.ScalableFreeformRootEditPart;
import org.eclipse.jface.viewers.ISelection;
import org.eclipse.jface.viewers.ISelectionChangedListener;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Event;
import org.eclipse.ui.part.Page;
import org.eclipse.ui.views.contentoutline.IContentOutlinePage;

/**
 * The Outline view of a topology editor: a picture of the whole diagram with the visible part
 * framed; click or drag in it to scroll the diagram there. The picture is redrawn a moment after
 * the last change, not on every one, so that large topologies stay quick to edit.
 */
final class OverviewPage extends Page implements IContentOutlinePage {
    /** How long after the last change the picture is redrawn. */
    static final int REDRAW_DELAY_MS = 400;

    private final GraphicalViewer viewer;
    private final CommandStack stack;
    private Canvas canvas;
    private Image picture;
    private double scale = 1;
    private boolean stale = true;
    private final Runnable redraw = this::render;
    private final CommandStackListener changes = e -> later();
    private final java.beans.PropertyChangeListener scrolled = e -> {
        if (canvas != null && !canvas.isDisposed()) {
            canvas.redraw();
        }
    };
    private int renders;

    OverviewPage(GraphicalViewer viewer, CommandStack stack) {
        this.viewer = viewer;
        this.stack = stack;
    }

    private Viewport viewport() {
        return ((FigureCanvas) viewer.getControl()).getViewport();
    }

    private IFigure layer() {
        return ((ScalableFreeformRootEditPart) viewer.getRootEditPart()).getLayer(LayerConstants.PRINTABLE_LAYERS);
    }

    @Override
    public void createControl(Composite parent) {
        canvas = new Canvas(parent, SWT.DOUBLE_BUFFERED);
        canvas.addListener(SWT.Paint, this::paint);
        canvas.addListener(SWT.Resize, e -> later());
        canvas.addListener(SWT.MouseDown, this::scrollTo);
        canvas.addListener(SWT.MouseMove, e -> {
            if ((e.stateMask & SWT.BUTTON1) != 0) {
                scrollTo(e);
            }
        });
        stack.addCommandStackListener(changes);
        viewport().getHorizontalRangeModel().addPropertyChangeListener(scrolled);
        viewport().getVerticalRangeModel().addPropertyChangeListener(scrolled);
        later();
    }

    /** Marks the picture stale and redraws it after {@link #REDRAW_DELAY_MS} without further changes. */
    private void later() {
        stale = true;
        if (canvas != null && !canvas.isDisposed()) {
            canvas.getDisplay().timerExec(REDRAW_DELAY_MS, redraw); // re-arming replaces the pending one
        }
    }

    private Rectangle extent() {
        Rectangle r = ((FreeformFigure) layer()).getFreeformExtent().getCopy();
        r.union(0, 0);
        return r;
    }

    /** Paints the diagram, scaled to fit the canvas, into the cached picture. */
    void render() {
        if (canvas == null || canvas.isDisposed() || !stale) {
            return;
        }
        stale = false;
        org.eclipse.swt.graphics.Rectangle area = canvas.getClientArea();
        if (area.width <= 0 || area.height <= 0) {
            return;
        }
        Rectangle extent = extent();
        scale = Math.min((double) area.width / Math.max(1, extent.right()), (double) area.height / Math.max(1, extent.bottom()));
        int w = Math.max(1, (int) (extent.right() * scale));
        int h = Math.max(1, (int) (extent.bottom() * scale));
        Image next = new Image(canvas.getDisplay(), w, h);
        GC gc = new GC(next);
        SWTGraphics g = new SWTGraphics(gc);
        g.setBackgroundColor(canvas.getDisplay().getSystemColor(SWT.COLOR_WHITE));
        g.fillRectangle(0, 0, w, h);
        g.scale(scale);
        layer().paint(g);
        g.dispose();
        gc.dispose();
        if (picture != null) {
            picture.dispose();
        }
        picture = next;
        renders++;
        canvas.redraw();
    }

    private void paint(Event e) {
        if (picture != null) {
            e.gc.drawImage(picture, 0, 0);
        }
        Rectangle view = viewport().getClientArea();
        e.gc.setForeground(canvas.getDisplay().getSystemColor(SWT.COLOR_LIST_SELECTION));
        e.gc.setLineWidth(2);
        e.gc.drawRectangle((int) (view.x * scale), (int) (view.y * scale), Math.max(2, (int) (view.width * scale)),
                Math.max(2, (int) (view.height * scale)));
    }

    /** Centres the diagram's visible part on the point clicked in the picture. */
    private void scrollTo(Event e) {
        Rectangle view = viewport().getClientArea();
        int x = (int) (e.x / scale) - view.width / 2;
        int y = (int) (e.y / scale) - view.height / 2;
        ((FigureCanvas) viewer.getControl()).scrollTo(Math.max(0, x), Math.max(0, y));
    }

    /** How often the picture was drawn (for tests). */
    int renders() {
        return renders;
    }

    @Override
    public Control getControl() {
        return canvas;
    }

    @Override
    public void setFocus() {
        canvas.setFocus();
    }

    @Override
    public void dispose() {
        stack.removeCommandStackListener(changes);
        if (!viewer.getControl().isDisposed()) {
            viewport().getHorizontalRangeModel().removePropertyChangeListener(scrolled);
            viewport().getVerticalRangeModel().removePropertyChangeListener(scrolled);
        }
        if (picture != null) {
            picture.dispose();
        }
        super.dispose();
    }

    @Override
    public void addSelectionChangedListener(ISelectionChangedListener l) {
        // the overview has no selection
    }

    @Override
    public ISelection getSelection() {
        return StructuredSelection.EMPTY;
    }

    @Override
    public void removeSelectionChangedListener(ISelectionChangedListener l) {
        // the overview has no selection
    }

    @Override
    public void setSelection(ISelection selection) {
        // the overview has no selection
    }
}
