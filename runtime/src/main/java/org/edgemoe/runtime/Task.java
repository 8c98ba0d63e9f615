package org.edgemoe.runtime;

import java.util.Locale;

/**
 * The M3ViT task of a run: it selects the gate matrices of the MoE layers (the TASK register). Task 0 is
 * semantic segmentation and task 1 depth, the order of the weight files ({@code lL_w_gate_T_task0}, {@code _task1}).
 */
public enum Task {
    SEMSEG(0), DEPTH(1);

    /** The TASK register's value. */
    public final int index;

    Task(int index) {
        this.index = index;
    }

    /** The task named {@code semseg} or {@code depth} (any case). */
    public static Task byName(String name) {
        for (Task t : values()) {
            if (t.name().toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT))) {
                return t;
            }
        }
        throw new IllegalArgumentException("task must be semseg or depth, not '" + name + "'");
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
