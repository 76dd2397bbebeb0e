package org.viosbench.ui.topology;

import java.util.List;

import org.eclipse.gef.EditPart;
import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.viewers.TableViewerColumn;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Table;
import org.viosbench.topology.Problem;

/**
 * The validation problems of the active topology editor, updated after every change; a
 * double-click selects the element in the diagram and scrolls to it.
 */
public final class ProblemsView extends EditorFollowingView {
    public static final String ID = "org.viosbench.ui.topology.problems";

    private static final Color ERROR = new Color(190, 30, 30);
    private static final Color WARNING = new Color(170, 100, 0);

    private TableViewer viewer;
    private TopologyEditor editor;
    private final Runnable refresh = this::refresh;
    @Override
    public void createPartControl(Composite parent) {
        viewer = new TableViewer(parent, SWT.FULL_SELECTION | SWT.SINGLE | SWT.V_SCROLL | SWT.H_SCROLL);
        Table table = viewer.getTable();
        table.setHeaderVisible(true);
        table.setLinesVisible(true);
        column("Severity", 90, p -> p.severity().name());
        column("Element", 220, p -> p.element() == null ? "cluster" : p.element().label());
        column("Problem", 640, Problem::message);
        column("Rule", 200, Problem::code);
        viewer.setContentProvider(ArrayContentProvider.getInstance());
        viewer.addDoubleClickListener(e -> select((Problem) ((IStructuredSelection) e.getSelection()).getFirstElement()));
        startFollowing();
    }

    private void column(String title, int width, java.util.function.Function<Problem, String> text) {
        TableViewerColumn c = new TableViewerColumn(viewer, SWT.LEFT);
        c.getColumn().setText(title);
        c.getColumn().setWidth(width);
        c.setLabelProvider(new ColumnLabelProvider() {
            @Override
            public String getText(Object element) {
                return text.apply((Problem) element);
            }

            @Override
            public Color getForeground(Object element) {
                Problem p = (Problem) element;
                return p.severity() == Problem.Severity.ERROR ? ERROR : p.severity() == Problem.Severity.WARNING ? WARNING : null;
            }
        });
    }

    /** Shows the problems of {@code e} (none when null) from now on. */
    @Override
    protected void follow(TopologyEditor e) {
        if (editor != null) {
            editor.removeProblemsListener(refresh);
        }
        editor = e;
        if (editor != null) {
            editor.addProblemsListener(refresh);
        }
        refresh();
    }

    private void refresh() {
        if (viewer == null || viewer.getControl().isDisposed()) {
            return;
        }
        List<Problem> problems = editor == null ? List.of() : editor.problems();
        viewer.setInput(problems);
        setContentDescription(editor == null ? "No topology open." : problems.isEmpty() ? editor.getPartName() + ": no problems."
                : editor.getPartName() + ": " + count(problems, Problem.Severity.ERROR) + " errors, "
                        + count(problems, Problem.Severity.WARNING) + " warnings.");
    }

    private static long count(List<Problem> problems, Problem.Severity s) {
        return problems.stream().filter(p -> p.severity() == s).count();
    }

    /** Selects the element of {@code p} in its editor and brings it into view. */
    void select(Problem p) {
        if (p == null || p.element() == null || editor == null) {
            return;
        }
        EditPart part = editor.partOf(p.element());
        if (part != null) {
            editor.getGraphicalViewer().setSelection(new StructuredSelection(part));
            editor.getGraphicalViewer().reveal(part);
            getSite().getPage().activate(editor);
        }
    }

    /** The table, for tests. */
    TableViewer viewer() {
        return viewer;
    }

    @Override
    public void setFocus() {
        viewer.getControl().setFocus();
    }

    @Override
    public void dispose() {
        follow(null);
        super.dispose();
    }
}
