package org.edgemoe.hdl.examples;

import static org.edgemoe.hdl.core.Hdl.*;

import java.util.ArrayList;
import java.util.List;
import org.edgemoe.hdl.core.Bits;
import org.edgemoe.hdl.core.Bool;
import org.edgemoe.hdl.core.Module;
import org.edgemoe.hdl.core.SInt;
import org.edgemoe.hdl.core.UInt;
import org.edgemoe.hdl.core.Vec;

/**
 * The standard benchmark design (shared/docs/benchmark-design.md): an N x N int8 output-stationary
 * systolic multiply-accumulate array. Row i of A enters at byte i of a_in and moves east, column j of B
 * enters at byte j of b_in and moves south. rd_data selects one accumulator through a case multiplexer;
 * checksum is the XOR of all accumulators, as a balanced tree.
 */
public final class SystolicArray extends Module {
    public final Bool en = in(Bool());
    public final Bool clear = in(Bool());
    public final Bits a_in;
    public final Bits b_in;
    public final UInt rd_row;
    public final UInt rd_col;
    public final SInt rd_data = out(SInt(32));
    public final Bits checksum = out(Bits(32));
    final List<ProcessingElement> pe = new ArrayList<>();

    public SystolicArray(int n) {
        param("N", n);
        a_in = in(Bits(8 * n));
        b_in = in(Bits(8 * n));
        rd_row = in(UInt(log2Up(n)));
        rd_col = in(UInt(log2Up(n)));

        ProcessingElement[][] grid = new ProcessingElement[n][n];
        Vec<SInt> accs = wire(Vec(n * n, SInt(32))).named("acc");
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                ProcessingElement p = instance(new ProcessingElement());
                pe.add(p);
                grid[i][j] = p;
                p.en.set(en);
                p.clear.set(clear);
                p.a_in.set(j == 0 ? a_in.slice(8 * i + 7, 8 * i).asSInt() : grid[i][j - 1].a_out);
                p.b_in.set(i == 0 ? b_in.slice(8 * j + 7, 8 * j).asSInt() : grid[i - 1][j].b_out);
                accs.get(i * n + j).set(p.acc);
            }
        }
        rd_data.set(accs.read(cat(rd_row, rd_col).asUInt()));
        checksum.set(xorTree(accs.asList(), 0, n * n));
    }

    public SystolicArray() {
        this(16);
    }

    private static Bits xorTree(List<SInt> values, int from, int to) {
        if (to - from == 1) {
            return values.get(from).asBits();
        }
        int mid = (from + to) / 2;
        return xorTree(values, from, mid).xor(xorTree(values, mid, to));
    }
}
