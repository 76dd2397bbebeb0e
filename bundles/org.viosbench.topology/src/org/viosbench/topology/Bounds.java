package org.viosbench.topology;

/**
 * Where an element is drawn: x and y relative to its container (a CEC, or the diagram for a CEC),
 * width and height. Positive sizes.
 */
public record Bounds(int x, int y, int width, int height) {
    public Bounds {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("bounds need a positive size, not " + width + "x" + height);
        }
    }

    public Bounds movedTo(int newX, int newY) {
        return new Bounds(newX, newY, width, height);
    }
}
