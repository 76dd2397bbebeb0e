package org.viosbench.topology;

/**
 * A validation finding: its severity, a stable code (for filters and tests), the element it is
 * about (null for the whole topology) and a message in the user's terms.
 */
public record Problem(Severity severity, String code, Element element, String message) {

    public enum Severity {
        ERROR, WARNING, INFO
    }

    @Override
    public String toString() {
        return severity + " " + code + (element == null ? "" : " [" + element.label() + "]") + ": " + message;
    }
}
