package org.viosbench.testing.ui;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.eclipse.core.runtime.ILogListener;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Platform;
import org.eclipse.swt.widgets.Display;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.opentest4j.AssertionFailedError;

/**
 * Fails a UI test when anything with severity warning or error reaches the platform log while it
 * runs: an exception in a listener, a failed command, an error dialog the workbench raised. Use
 * with {@code @ExtendWith(NoErrorsLogged.class)} on every UI test class.
 */
public final class NoErrorsLogged implements BeforeEachCallback, AfterEachCallback {
    private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(NoErrorsLogged.class);

    /** What the log received during one test. */
    private static final class Collector implements ILogListener {
        final List<String> entries = new CopyOnWriteArrayList<>();

        @Override
        public void logging(IStatus status, String plugin) {
            if (status.matches(IStatus.ERROR | IStatus.WARNING)) {
                StringBuilder s = new StringBuilder(plugin + ": " + status.getMessage());
                for (Throwable t = status.getException(); t != null; t = t.getCause()) {
                    s.append("\n  caused by ").append(t);
                    StackTraceElement[] at = t.getStackTrace();
                    for (int i = 0; i < Math.min(4, at.length); i++) {
                        s.append("\n    at ").append(at[i]);
                    }
                }
                entries.add(s.toString());
            }
        }
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        Collector c = new Collector();
        Platform.addLogListener(c);
        context.getStore(NS).put(Collector.class, c);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        Collector c = context.getStore(NS).remove(Collector.class, Collector.class);
        if (c == null) {
            return;
        }
        try {
            if (Display.getCurrent() != null) {
                Screen.drain(); // what the test left queued runs now, and logs now
            }
        } finally {
            Platform.removeLogListener(c);
        }
        if (!c.entries.isEmpty()) {
            throw new AssertionFailedError(c.entries.size() + " problem(s) reached the platform log during "
                    + context.getDisplayName() + ":\n" + String.join("\n", c.entries));
        }
    }
}
