package org.edgemoe.hdl.bench;

import static org.edgemoe.hdl.core.Hdl.*;

import java.util.ArrayList;
import java.util.List;
import org.edgemoe.hdl.core.Bool;
import org.edgemoe.hdl.core.Module;
import org.edgemoe.hdl.core.UInt;

/**
 * A design with {@code n} registers: {@code n / 10} lanes of a 10-stage delay line of 8-bit registers with
 * reset, each stage loaded with its predecessor plus its index when enabled, the lanes' outputs combined
 * by a balanced XOR tree. The scale benchmark ({@code elab.regs100k.s}): elaboration, checks and emission
 * must stay linear. (Lanes rather than one 100,000-stage chain: Verilator's lint is quadratic in the length
 * of a register chain, not in the number of registers.)
 */
public final class ManyRegisters extends Module {
    static final int DEPTH = 10;

    final Bool enable = in(Bool());
    final UInt d = in(UInt(8));
    final UInt q = out(UInt(8));
    final List<UInt> stages = new ArrayList<>();

    public ManyRegisters(int n) {
        param("N", n);
        int lanes = Math.max(1, n / DEPTH);
        List<UInt> outs = new ArrayList<>();
        for (int l = 0; l < lanes; l++) {
            UInt prev = d.xor(U(l & 0xFF, 8));
            for (int i = 0; i < DEPTH; i++) {
                UInt r = reg(UInt(8)).init(0);
                UInt next = prev.plus(i);
                when(enable, () -> r.set(next));
                stages.add(r);
                prev = r;
            }
            outs.add(prev);
        }
        while (outs.size() > 1) {
            List<UInt> level = new ArrayList<>();
            for (int i = 0; i + 1 < outs.size(); i += 2) {
                level.add(outs.get(i).xor(outs.get(i + 1)));
            }
            if (outs.size() % 2 == 1) {
                level.add(outs.get(outs.size() - 1));
            }
            outs = level;
        }
        q.set(outs.get(0));
    }
}
