package org.viosbench.session.shell;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The flags of one VIOS command line: {@code -name}, {@code -name value}, and one flag that takes the words up to the next flag. */
final class Flags {
    private final Map<String, String> given = new LinkedHashMap<>();
    private final List<String> fields = new ArrayList<>();

    private Flags() {
    }

    /**
     * Reads {@code args}: {@code switches} stand alone, {@code valued} take the next word, {@code listed} (may be null)
     * takes every word up to the next flag.
     *
     * @throws ViosShell.UsageException for a flag the command does not have, one given twice, a value missing, or a stray word
     */
    static Flags parse(List<String> args, String usage, List<String> switches, List<String> valued, String listed) throws ViosShell.UsageException {
        Flags f = new Flags();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            boolean isSwitch = switches.contains(a);
            boolean isValued = valued.contains(a);
            boolean isListed = a.equals(listed);
            if (!isSwitch && !isValued && !isListed) {
                throw new ViosShell.UsageException(a.startsWith("-") ? "\"" + a + "\" is not a valid flag." : "\"" + a + "\" is not expected here.", usage);
            }
            if (f.given.containsKey(a)) {
                throw new ViosShell.UsageException("\"" + a + "\" is given more than once.", usage);
            }
            if (isSwitch) {
                f.given.put(a, "");
            } else if (isValued) {
                if (i + 1 >= args.size() || args.get(i + 1).startsWith("-") && !a.equals("-fmt")) {
                    throw new ViosShell.UsageException("\"" + a + "\" needs a value.", usage);
                }
                f.given.put(a, args.get(++i));
            } else {
                f.given.put(a, "");
                while (i + 1 < args.size() && !args.get(i + 1).startsWith("-")) {
                    f.fields.add(args.get(++i));
                }
                if (f.fields.isEmpty()) {
                    throw new ViosShell.UsageException("\"" + a + "\" needs at least one field name.", usage);
                }
            }
        }
        return f;
    }

    boolean has(String flag) {
        return given.containsKey(flag);
    }

    /** The value of a valued flag, or null when it is not given. */
    String value(String flag) {
        return given.get(flag);
    }

    /** The words of the listed flag. */
    List<String> fields() {
        return fields;
    }

    /** How many flags were given. */
    int count() {
        return given.size();
    }
}
