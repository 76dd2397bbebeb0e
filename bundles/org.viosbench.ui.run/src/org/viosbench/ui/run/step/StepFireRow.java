package org.viosbench.ui.run.step;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.viosbench.cluster.ClusterDescription;
import org.viosbench.engine.MessageSpec;

/**
 * The Step Mode view's fire row: from which VIOS, to one or all, the target daemon, the responses
 * wanted, the timeout and the payload, read into a {@link MessageSpec} like every message a person
 * gives (the same defaults, checks and wording as the Fire dialog).
 */
final class StepFireRow {
    /** The "to" choice of a broadcast. */
    static final String BROADCAST = "all (broadcast)";

    final Combo from;
    final Combo to;
    final Text daemon;
    final Combo response;
    final Text timeout;
    final Text payload;
    private Map<Integer, String> names = Map.of();

    StepFireRow(Composite row) {
        new Label(row, SWT.NONE).setText("Fire from");
        from = new Combo(row, SWT.READ_ONLY);
        new Label(row, SWT.NONE).setText("to");
        to = new Combo(row, SWT.READ_ONLY);
        new Label(row, SWT.NONE).setText("daemon");
        daemon = new Text(row, SWT.BORDER);
        daemon.setText(Integer.toString(MessageSpec.DEFAULT_TARGET_DAEMON));
        new Label(row, SWT.NONE).setText("responses");
        response = new Combo(row, SWT.READ_ONLY);
        response.setItems(MessageSpec.Expect.ALL.word(), MessageSpec.Expect.FIRST.word(), MessageSpec.Expect.NONE.word());
        response.select(0);
        new Label(row, SWT.NONE).setText("timeout ms");
        timeout = new Text(row, SWT.BORDER);
        timeout.setText(Integer.toString(MessageSpec.DEFAULT_TIMEOUT_MILLIS));
        new Label(row, SWT.NONE).setText("payload");
        payload = new Text(row, SWT.BORDER);
        payload.setText("hello");
    }

    /** Offers the VIOSes of {@code description} ({@code names}: id → name); the target daemon one they run. */
    void setCluster(ClusterDescription description, Map<Integer, String> idToName) {
        names = Map.copyOf(idToName);
        List<String> items = new ArrayList<>(idToName.values());
        from.setItems(items.toArray(String[]::new));
        from.select(0);
        List<String> targets = new ArrayList<>(items);
        targets.add(0, BROADCAST);
        to.setItems(targets.toArray(String[]::new));
        to.select(0);
        List<Integer> daemons = description.vioses().get(0).daemons();
        daemon.setText(Integer.toString(daemons.isEmpty() || daemons.contains(MessageSpec.DEFAULT_TARGET_DAEMON)
                ? MessageSpec.DEFAULT_TARGET_DAEMON : daemons.get(0)));
    }

    /** The id of the VIOS named {@code name}. */
    int idOf(String name) {
        return names.entrySet().stream().filter(e -> e.getValue().equals(name)).findFirst().orElseThrow().getKey();
    }

    /** The VIOS chosen to fire from. */
    int source() {
        return idOf(from.getText());
    }

    /** The message the row describes. */
    MessageSpec spec() throws MessageSpec.Invalid {
        Map<String, Object> v = new HashMap<>();
        if (BROADCAST.equals(to.getText())) {
            v.put(MessageSpec.BROADCAST, true);
        } else {
            v.put(MessageSpec.TO, List.of(Integer.toUnsignedLong(idOf(to.getText()))));
        }
        v.put(MessageSpec.DAEMON, daemon.getText());
        v.put(MessageSpec.EXPECT, response.getText());
        v.put(MessageSpec.TIMEOUT, timeout.getText());
        v.put(MessageSpec.PAYLOAD, payload.getText());
        return MessageSpec.read(MessageSpec.form(v, Map.of(MessageSpec.DAEMON, "daemon", MessageSpec.EXPECT, "responses", MessageSpec.TIMEOUT,
                "timeout ms", MessageSpec.PAYLOAD, "payload", MessageSpec.TO, "to")), null);
    }
}
