package org.edgemoe.hdl.check;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;
import org.edgemoe.hdl.ir.Instance;
import org.edgemoe.hdl.ir.ModuleIR;
import org.edgemoe.hdl.ir.Signal;

/** Runs every elaboration check on every module of the tree, collecting all errors. */
public final class Checks {
    private Checks() { }

    public static void run(ModuleIR top, Diagnostics d) {
        Map<ModuleIR, Map<Signal, Set<Signal>>> childPaths = new IdentityHashMap<>();
        Deque<ModuleIR> work = new ArrayDeque<>();
        work.add(top);
        while (!work.isEmpty()) {
            ModuleIR m = work.poll();
            CheckNames.run(m, d);
            if (!m.isBlackBox()) {
                Assignments a = new Assignments(m);
                CheckDrivers.run(m, a, d);
                CheckLatches.run(m, a, d);
                CheckCombLoops.run(m, childPaths, d);
            }
            for (Instance inst : m.instances()) {
                work.add(inst.child());
            }
        }
    }
}
