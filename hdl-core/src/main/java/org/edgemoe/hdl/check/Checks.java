package org.edgemoe.hdl.check;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.edgemoe.hdl.ir.Instance;
import org.edgemoe.hdl.ir.ModuleIR;
import org.edgemoe.hdl.ir.Signal;

/**
 * The elaboration checks, an ordered list like the emission passes: each is one file, runs on every module
 * of the tree and adds its errors to one {@link Diagnostics}, so all of them are reported together.
 * A test runs a single check with {@link #run(ModuleIR, Diagnostics, List)}.
 */
public final class Checks {
    private Checks() { }

    /** One check, in pipeline order. */
    public enum Check {
        /** {@link CheckNames}: legal identifiers, every port named (black boxes too). */
        NAMES,
        /** {@link CheckDrivers}: outputs, wires, registers without reset and child inputs are driven. */
        DRIVERS,
        /** {@link CheckLatches}: a combinational signal is assigned on every path. */
        LATCHES,
        /** {@link CheckCombLoops}: no combinational loop, across child instances too. */
        COMB_LOOPS;

        /** Whether the check looks inside black boxes (only names do). */
        boolean appliesToBlackBoxes() {
            return this == NAMES;
        }
    }

    /** Every check, in order. */
    public static final List<Check> ORDER = List.of(Check.values());

    /** Runs every check on every module of the tree. */
    public static void run(ModuleIR top, Diagnostics d) {
        run(top, d, ORDER);
    }

    /** Runs the given checks (in pipeline order, whatever the list's order) on every module of the tree. */
    public static void run(ModuleIR top, Diagnostics d, List<Check> checks) {
        Map<ModuleIR, Map<Signal, Set<Signal>>> childPaths = new IdentityHashMap<>();
        Deque<ModuleIR> work = new ArrayDeque<>();
        work.add(top);
        while (!work.isEmpty()) {
            ModuleIR m = work.poll();
            Assignments assignments = null;
            for (Check c : ORDER) {
                if (!checks.contains(c) || (m.isBlackBox() && !c.appliesToBlackBoxes())) {
                    continue;
                }
                if (assignments == null && (c == Check.DRIVERS || c == Check.LATCHES)) {
                    assignments = new Assignments(m);
                }
                switch (c) {
                    case NAMES -> CheckNames.run(m, d);
                    case DRIVERS -> CheckDrivers.run(m, assignments, d);
                    case LATCHES -> CheckLatches.run(m, assignments, d);
                    case COMB_LOOPS -> CheckCombLoops.run(m, childPaths, d);
                }
            }
            for (Instance inst : m.instances()) {
                work.add(inst.child());
            }
        }
    }
}
