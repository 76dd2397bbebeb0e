package org.viosbench.topology;

import java.beans.PropertyChangeEvent;
import java.beans.PropertyChangeListener;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Delivers the property changes of one topology: at once, or, inside a batch, all together when the
 * outermost batch ends (in the order they happened). Model edits happen on one thread (the UI's, or
 * a command line's); the hub is not meant for concurrent edits.
 */
final class EventHub {
    private int depth;
    private final List<Runnable> pending = new ArrayList<>();

    /** The listeners of one element, and how it fires. */
    static final class Source {
        private final Object owner;
        private final List<PropertyChangeListener> listeners = new CopyOnWriteArrayList<>();

        Source(Object owner) {
            this.owner = owner;
        }

        void add(PropertyChangeListener l) {
            listeners.add(l);
        }

        void remove(PropertyChangeListener l) {
            listeners.remove(l);
        }

        void fire(EventHub hub, String property, Object old, Object now) {
            if (listeners.isEmpty()) {
                return;
            }
            PropertyChangeEvent e = new PropertyChangeEvent(owner, property, old, now);
            Runnable delivery = () -> listeners.forEach(l -> l.propertyChange(e));
            if (hub != null && hub.depth > 0) {
                hub.pending.add(delivery);
            } else {
                delivery.run();
            }
        }
    }

    void begin() {
        depth++;
    }

    void end() {
        if (depth == 0) {
            throw new IllegalStateException("no batch to end");
        }
        if (--depth == 0) {
            List<Runnable> now = new ArrayList<>(pending);
            pending.clear();
            now.forEach(Runnable::run);
        }
    }

    boolean inBatch() {
        return depth > 0;
    }
}
