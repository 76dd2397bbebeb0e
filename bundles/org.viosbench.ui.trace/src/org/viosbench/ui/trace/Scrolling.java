package org.viosbench.ui.trace;

import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.ScrolledComposite;
import org.eclipse.swt.widgets.Composite;

/** A view's content that scrolls when the view is smaller than the content's minimum size (instead of squeezing it below zero). */
public final class Scrolling {

    private Scrolling() {
    }

    /** A composite for the view's content inside {@code parent}, scrolled below {@code minWidth} x {@code minHeight}. */
    public static Composite content(Composite parent, int minWidth, int minHeight) {
        ScrolledComposite scroll = new ScrolledComposite(parent, SWT.H_SCROLL | SWT.V_SCROLL);
        Composite content = new Composite(scroll, SWT.NONE);
        scroll.setContent(content);
        scroll.setExpandHorizontal(true);
        scroll.setExpandVertical(true);
        scroll.setMinSize(minWidth, minHeight);
        return content;
    }
}
