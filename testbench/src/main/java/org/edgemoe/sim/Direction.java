package org.edgemoe.sim;

/** How a signal connects; the ordinal is the code used by the native signal table. */
public enum Direction {
    INPUT, OUTPUT, INOUT, INTERNAL;

    static Direction fromCode(int code) {
        return values()[code];
    }

    public boolean pokeable() {
        return this != OUTPUT;
    }
}
