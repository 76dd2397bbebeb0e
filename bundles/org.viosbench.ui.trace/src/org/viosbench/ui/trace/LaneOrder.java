package org.viosbench.ui.trace;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

import org.viosbench.trace.RecordedTrace;

/** Which VIOS gets which lane: every VIOS named in the trace or acting in it, by id. */
final class LaneOrder {
    private final List<Integer> lanes;

    LaneOrder(RecordedTrace t) {
        TreeSet<Integer> ids = new TreeSet<>(Integer::compareUnsigned);
        ids.addAll(t.names().keySet());
        for (int i = 0; i < t.size(); i++) {
            ids.add(t.event(i).vios());
        }
        lanes = new ArrayList<>(ids);
    }

    int lanes() {
        return lanes.size();
    }

    /** The lane of {@code vios}, or -1. */
    int laneOf(int vios) {
        return lanes.indexOf(vios);
    }

    int viosOf(int lane) {
        return lanes.get(lane);
    }
}
