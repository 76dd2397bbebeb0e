package org.viosbench.ui.topology.run;

import org.viosbench.session.FireSpec;

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
        sendingDaemon = field(c, "Sending daemon:", "20");
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
        targetDaemon = field(c, "Target daemon:", "10");
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
        timeout = field(c, "Timeout (ms):", "2000");
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
            if (java.nio.file.Files.size(file) > 1 << 20) {
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
    private FireSpec read() {
        if (source == null) {
            throw new IllegalArgumentException("Choose the VIOS to fire from.");
        }
        int sending = number(sendingDaemon, "sending daemon", 0, 0xFFFF);
        int target = number(targetDaemon, "target daemon", 0, 0xFFFF);
        boolean all = broadcast.getSelection();
        destinations.setEnabled(!all);
        int[] to = new int[0];
        if (!all) {
            List<Integer> ids = new ArrayList<>();
            for (int i : destinations.getSelectionIndices()) {
                ids.add((int) others.get(i).id());
            }
            if (ids.isEmpty()) {
                throw new IllegalArgumentException("Choose at least one destination, or broadcast.");
            }
            to = ids.stream().mapToInt(Integer::intValue).toArray();
        }
        byte[] bytes;
        if (hex.getSelection()) {
            String h = payload.getText().replaceAll("\\s", "");
            try {
                bytes = HexFormat.of().parseHex(h);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("The payload is not hex: an even number of digits 0-9, a-f.");
            }
        } else {
            bytes = payload.getText().getBytes(StandardCharsets.UTF_8);
        }
        if (bytes.length > 1 << 20) {
            throw new IllegalArgumentException("The payload is " + bytes.length + " bytes; the limit is 1 MiB.");
        }
        String p = policy.getText();
        int expected = all ? others.size() : to.length;
        int n = 0;
        if (p.equals(FireSpec.AT_LEAST)) {
            n = number(atLeast, "N", 1, 65535);
            if (n > expected) {
                throw new IllegalArgumentException("N is " + n + " but only " + expected + " VIOS(es) can answer.");
            }
        }
        int millis = number(timeout, "timeout", 1, 3_600_000);
        int times = number(repeat, "repeat", 1, 10_000);
        return new FireSpec((int) source.id(), sending, MessageType.valueOf(type.getText()), all, to, target, bytes, p, n, millis, times);
    }

    private static int number(Text t, String what, int min, int max) {
        try {
            int v = Integer.parseInt(t.getText().trim());
            if (v >= min && v <= max) {
                return v;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw new IllegalArgumentException("The " + what + " must be a whole number " + min + ".." + max + ", not \"" + t.getText() + "\".");
    }
}
