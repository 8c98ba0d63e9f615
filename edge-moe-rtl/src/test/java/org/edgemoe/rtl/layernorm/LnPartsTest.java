package org.edgemoe.rtl.layernorm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.edgemoe.model.hw.RsqrtUnit;
import org.edgemoe.sim.HdlSim;
import org.edgemoe.sim.Sim;
import org.junit.jupiter.api.Test;

/** The exact constant divider against Math.floorDiv and the pipelined rsqrt against RsqrtUnit, one input per cycle. */
class LnPartsTest {

    static void divider(int width, long d, long seed) {
        try (Sim sim = HdlSim.compile(() -> new ConstDivider(width, d)).open()) {
            SplittableRandom rnd = new SplittableRandom(seed);
            long min = -(1L << (width - 1));
            long max = (1L << (width - 1)) - 1;
            List<Long> in = new ArrayList<>();
            for (long v : new long[] {min, max, 0, -1, 1, d, -d, d - 1, -d + 1, d + 1, -d - 1, min + 1, max - 1,
                    (max / d) * d, (min / d) * d, (min / d) * d + 1, (min / d) * d - 1}) {
                in.add(Math.max(min, Math.min(max, v)));
            }
            for (int i = 0; i < 3000; i++) {
                long v = switch (i % 3) {
                    case 0 -> rnd.nextLong(min, max) + (rnd.nextBoolean() ? 1 : 0);
                    case 1 -> rnd.nextLong(-1000, 1000) * d + rnd.nextInt(-1, 2);
                    default -> rnd.nextLong(-5000, 5000);
                };
                in.add(Math.max(min, Math.min(max, v)));
            }
            List<Long> out = new ArrayList<>();
            for (int i = 0; i < in.size() + ConstDivider.LATENCY; i++) {
                sim.poke("io_n", i < in.size() ? in.get(i) : 0);
                sim.step(1);
                if (i + 1 >= ConstDivider.LATENCY) {
                    out.add(sim.signal("io_q").peekSigned());
                }
            }
            for (int i = 0; i < in.size(); i++) {
                assertEquals(Math.floorDiv(in.get(i), d), (long) out.get(i), "floor(" + in.get(i) + " / " + d + "), width " + width);
            }
        }
    }

    @Test
    void constantDividerIsExact() {
        divider(40, 192, 1);   // the LayerNorm sum (D = 192)
        divider(50, 192, 2);   // the sum of squares
        divider(12, 7, 3);
        divider(9, 64, 4);
        divider(10, 1, 5);
    }

    @Test
    void rsqrtPipeMatchesRsqrtUnit() {
        int width = 42;
        int frac = 22;
        try (Sim sim = HdlSim.compile(() -> new RsqrtPipe(width, frac)).open()) {
            int minShift = RsqrtUnit.MANTISSA.fracBits() + Math.floorDiv(-frac, 2);
            SplittableRandom rnd = new SplittableRandom(7);
            List<Long> in = new ArrayList<>();
            for (int b = 0; b < width; b++) {
                in.add(1L << b);
                in.add((1L << b) | ((1L << b) - 1));
                for (int i = 0; i < 40; i++) {
                    in.add((1L << b) | rnd.nextLong(1L << b));
                }
            }
            for (int i = 0; i < 2000; i++) {
                in.add(1 + rnd.nextLong((1L << width) - 1));
            }
            List<long[]> out = new ArrayList<>();
            for (int i = 0; i < in.size() + RsqrtPipe.LATENCY; i++) {
                sim.poke("io_v", i < in.size() ? in.get(i) : 1);
                sim.step(1);
                if (i + 1 >= RsqrtPipe.LATENCY) {
                    out.add(new long[] {sim.peek("io_mantissa"), sim.peek("io_shift")});
                }
            }
            for (int i = 0; i < in.size(); i++) {
                RsqrtUnit.Result r = RsqrtUnit.rsqrt(in.get(i), frac);
                assertEquals(r.mantissa(), out.get(i)[0], "mantissa of " + in.get(i));
                assertEquals(RsqrtUnit.MANTISSA.fracBits() + r.exponent() - minShift, out.get(i)[1], "shift of " + in.get(i));
            }
        }
    }
}
