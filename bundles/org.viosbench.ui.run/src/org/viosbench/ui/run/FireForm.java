package org.viosbench.ui.run;

import org.viosbench.session.FireSpec;
import org.viosbench.engine.MessageSpec;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Consumer;

import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.viosbench.protocol.MessageType;
import org.viosbench.topology.Vios;

/**
 * The fields of a message to fire, shared by the Fire Message dialog and view: sending daemon,
 * type, destinations or broadcast, target daemon, payload (text, hex or a file), response wanted,
 * timeout, repeat. Every change is checked at once; {@code onCheck} hears the problem (null when the
 * message is valid) and {@link #spec()} holds the valid message.
 */
final class FireForm {
    final Composite control;
    Text sendingDaemon;
    Combo type;
    Button broadcast;
    org.eclipse.swt.widgets.List destinations;
    Text targetDaemon;
    Text payload;
    Button hex;
    Combo policy;
    Text atLeast;
    Text timeout;
    Text repeat;
    private Vios source;
    private List<Vios> others = List.of();
    private FireSpec spec;
    private final Consumer<String> onCheck;

    FireForm(Composite parent, Consumer<String> onCheck) {
        this.onCheck = onCheck;
        Composite c = new Composite(parent, SWT.NONE);
        control = c;
        c.setLayout(new GridLayout(2, false));
        sendingDaemon = field(c, "Sending daemon:", Integer.toString(MessageSpec.DEFAULT_SENDING_DAEMON));
        label(c, "Message type:");
        type = new Combo(c, SWT.READ_ONLY);
        for (MessageType t : new MessageType[] { MessageType.DATA, MessageType.PING, MessageType.INQUIRY }) {
            type.add(t.name());
        }
        type.select(0);
        label(c, "Destination:");
        broadcast = new Button(c, SWT.CHECK);
        broadcast.setText("Broadcast to every VIOS of the cluster");
        label(c, "");
        destinations = new org.eclipse.swt.widgets.List(c, SWT.MULTI | SWT.BORDER | SWT.V_SCROLL);
        GridData listData = new GridData(SWT.FILL, SWT.FILL, true, true);
        listData.heightHint = 90;
        destinations.setLayoutData(listData);
        targetDaemon = field(c, "Target daemon:", Integer.toString(MessageSpec.DEFAULT_TARGET_DAEMON));
        payload = field(c, "Payload:", "hello");
        label(c, "");
        Composite payloadKind = new Composite(c, SWT.NONE);
        payloadKind.setLayout(new org.eclipse.swt.layout.RowLayout());
        hex = new Button(payloadKind, SWT.CHECK);
        hex.setText("Payload is hex (e.g. c0ffee)");
        Button file = new Button(payloadKind, SWT.PUSH);
        file.setText("From a File...");
        file.addListener(SWT.Selection, e -> {
            org.eclipse.swt.widgets.FileDialog d = new org.eclipse.swt.widgets.FileDialog(c.getShell(), SWT.OPEN);
            String chosen = d.open();
            if (chosen != null) {
                loadPayload(java.nio.file.Path.of(chosen));
            }
        });
        label(c, "Response wanted:");
        policy = new Combo(c, SWT.READ_ONLY);
        policy.setItems(FireSpec.NONE, FireSpec.ALL, FireSpec.FIRST, FireSpec.AT_LEAST);
        policy.select(1);
        atLeast = field(c, "N (for at least N):", "1");
        timeout = field(c, "Timeout (ms):", Integer.toString(MessageSpec.DEFAULT_TIMEOUT_MILLIS));
        repeat = field(c, "Repeat:", "1");
        for (Control w : new Control[] { sendingDaemon, type, broadcast, destinations, targetDaemon, payload, hex, policy, atLeast, timeout,
                repeat }) {
            w.addListener(SWT.Modify, e -> check());
            w.addListener(SWT.Selection, e -> check());
        }
    }

    /** Fires from {@code from}; the others of {@code all} are the destinations offered, {@code preselected} chosen. */
    void setVioses(Vios from, List<Vios> all, Vios preselected) {
        source = from;
        others = from == null ? List.of() : all.stream().filter(v -> v != from).toList();
        destinations.removeAll();
        others.forEach(v -> destinations.add(v.name() + "  (id " + v.id() + ")"));
        if (preselected != null && others.contains(preselected)) {
            destinations.select(others.indexOf(preselected));
        } else if (!others.isEmpty()) {
            destinations.select(0);
        }
        check();
    }

    Vios source() {
        return source;
    }

    /** The valid message, or null. */
    FireSpec spec() {
        return spec;
    }

    private static void label(Composite c, String text) {
        new Label(c, SWT.NONE).setText(text);
    }

    private static Text field(Composite c, String label, String initial) {
        label(c, label);
        Text t = new Text(c, SWT.BORDER);
        t.setText(initial);
        t.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        return t;
    }

    /** Puts a file's bytes in the payload field, as hex (refused over 1 MiB). */
    void loadPayload(java.nio.file.Path file) {
        try {
            if (java.nio.file.Files.size(file) > org.viosbench.protocol.Wire.MAX_PAYLOAD_LENGTH) {
                onCheck.accept(file.getFileName() + " is larger than a payload may be (1 MiB).");
                return;
            }
            payload.setText(HexFormat.of().formatHex(java.nio.file.Files.readAllBytes(file)));
            hex.setSelection(true);
            check();
        } catch (java.io.IOException e) {
            onCheck.accept(file + " cannot be read: " + e.getMessage());
        }
    }

    /** Builds the spec from the fields, or reports what is wrong; returns the problem or null. */
    String check() {
        String problem = null;
        try {
            spec = read();
        } catch (IllegalArgumentException e) {
            spec = null;
            problem = e.getMessage();
        }
        onCheck.accept(problem);
        return problem;
    }
    /** The form's fields as {@link MessageSpec#read} takes them: text as typed, errors named by their labels. */
    private MessageSpec.Fields fields() {
        boolean all = broadcast.getSelection();
        java.util.Map<String, Object> v = new java.util.HashMap<>();
        java.util.Map<String, String> label = new java.util.HashMap<>();
        v.put(MessageSpec.SENDING_DAEMON, sendingDaemon.getText());
        label.put(MessageSpec.SENDING_DAEMON, "Sending daemon");
        v.put(MessageSpec.TYPE, type.getText());
        label.put(MessageSpec.TYPE, "Message type");
        v.put(MessageSpec.BROADCAST, all);
        label.put(MessageSpec.BROADCAST, "Broadcast");
        if (!all) {
            List<Object> ids = new ArrayList<>();
            for (int i : destinations.getSelectionIndices()) {
                ids.add(others.get(i).id());
            }
            v.put(MessageSpec.TO, ids);
        }
        label.put(MessageSpec.TO, "Destination");
        v.put(MessageSpec.DAEMON, targetDaemon.getText());
        label.put(MessageSpec.DAEMON, "Target daemon");
        String payloadField = hex.getSelection() ? MessageSpec.PAYLOAD_HEX : MessageSpec.PAYLOAD;
        v.put(payloadField, payload.getText());
        label.put(payloadField, hex.getSelection() ? "Payload (hex)" : "Payload");
        String p = policy.getText();
        v.put(MessageSpec.EXPECT, p.equals(FireSpec.AT_LEAST) ? atLeast.getText() : p);
        label.put(MessageSpec.EXPECT, p.equals(FireSpec.AT_LEAST) ? "N (for at least N)" : "Response wanted");
        v.put(MessageSpec.TIMEOUT, timeout.getText());
        label.put(MessageSpec.TIMEOUT, "Timeout (ms)");
        v.put(MessageSpec.REPEAT, repeat.getText());
        label.put(MessageSpec.REPEAT, "Repeat");
        return MessageSpec.form(v, label);
    }

    private FireSpec read() {
        if (source == null) {
            throw new IllegalArgumentException("Choose the VIOS to fire from.");
        }
        destinations.setEnabled(!broadcast.getSelection());
        try {
            MessageSpec m = MessageSpec.read(fields(), id -> others.stream().anyMatch(o -> o.id() == Integer.toUnsignedLong(id)));
            if (m.expect() == MessageSpec.Expect.AT_LEAST && m.broadcast() && m.atLeast() > others.size()) {
                throw new IllegalArgumentException("N (for at least N): " + m.atLeast() + ", but only " + others.size() + " VIOS(es) can answer.");
            }
            return new FireSpec((int) source.id(), m);
        } catch (MessageSpec.Invalid e) {
            throw new IllegalArgumentException(e.getMessage());
        }
    }
}
