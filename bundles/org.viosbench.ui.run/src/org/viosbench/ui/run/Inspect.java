package org.viosbench.ui.run;

import java.util.function.LongConsumer;

import org.eclipse.e4.core.services.events.IEventBroker;
import org.eclipse.ui.PlatformUI;
import org.osgi.service.event.EventHandler;

/**
 * "Show this message's packet": asked by a click on a dot of the animation or a row of the
 * Response Queue, answered by the Packet Inspector. Through the workbench's event broker, so the
 * asker need not know who answers (or whether anyone does).
 */
final class Inspect {
    static final String TOPIC = "org/viosbench/run/inspect";

    private Inspect() {
    }

    /** Asks whoever listens to show message {@code messageId}. */
    static void message(long messageId) {
        broker().send(TOPIC, messageId);
    }

    /** {@code show} gets every message id asked for (on the UI thread); the returned handler unsubscribes. */
    static EventHandler listen(LongConsumer show) {
        EventHandler h = event -> {
            if (event.getProperty(IEventBroker.DATA) instanceof Long id) {
                show.accept(id);
            }
        };
        broker().subscribe(TOPIC, h);
        return h;
    }

    static void stop(EventHandler h) {
        broker().unsubscribe(h);
    }

    private static IEventBroker broker() {
        return PlatformUI.getWorkbench().getService(IEventBroker.class);
    }
}
