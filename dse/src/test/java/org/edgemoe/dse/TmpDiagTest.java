package org.edgemoe.dse;

import org.junit.jupiter.api.Test;

class TmpDiagTest {
    @Test
    void diag() {
        for (DesignPoint p : Validation.points()) {
            if (!p.id().contains(System.getProperty("diag.point", "w1x128"))) continue;
            SimRun.Outcome o = SimRun.run(p, 2, 0);
            System.out.println("DIAG " + p.id() + " sim " + o.simCycles() + " model " + o.modelCycles());
            for (SimRun.Command c : o.commands()) {
                System.out.printf("DIAG %-14s sim %8d model %8d %+.1f%%%n", c.name(), c.simCycles(), c.modelCycles(), 100 * c.error());
            }
        }
    }
}
