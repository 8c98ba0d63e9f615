package org.edgemoe.rtl.datapath;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Path;
import java.util.SplittableRandom;
import org.edgemoe.hdl.fixed.FixedRaw;
import org.edgemoe.model.hw.Formats;
import org.edgemoe.model.hw.HwOps;
import org.edgemoe.rtl.engine.BufferPortAgent;
import org.edgemoe.rtl.gelu.RtlTestSupport;
import org.edgemoe.sim.HdlSim;
import org.edgemoe.sim.Sim;
import org.edgemoe.sim.SimModel;
import org.edgemoe.sim.stream.StreamDriver;
import org.edgemoe.sim.stream.StreamPorts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** RES += SEC word by word, bit-exact to residualAdd (wrapping or saturating at the format's ends), under stalls. */
class ExpertMergeTest {
    static final int LANES = 4;
    static final int AW = 9;

    void run(Formats f, long seed, double stall) {
        SimModel model = HdlSim.compile(() -> new ExpertMerge(f, LANES, AW, 9));
        SplittableRandom r = new SplittableRandom(seed);
        try (Sim sim = model.open()) {
            sim.reset();
            BufferPortAgent res = new BufferPortAgent(sim, "resRead", "resData", 1 << AW, LANES, f.resid().width(), seed, stall);
            BufferPortAgent sec = new BufferPortAgent(sim, "secRead", "secData", 1 << AW, LANES, f.resid().width(), seed + 1, stall);
            long min = FixedRaw.minRaw(f.resid());
            long max = FixedRaw.maxRaw(f.resid());
            long[][] want = new long[1 << AW][LANES];
            for (int a = 0; a < (1 << AW); a++) {
                for (int k = 0; k < LANES; k++) {
                    boolean edge = r.nextInt(4) == 0;
                    res.mem[a][k] = edge ? max - r.nextInt(1000) : r.nextLong(min / 4, max / 4);
                    sec.mem[a][k] = edge ? r.nextLong(0, max / 2) * (r.nextBoolean() ? 1 : -1) : r.nextLong(min / 4, max / 4);
                    want[a][k] = HwOps.residualAdd(res.mem[a][k], sec.mem[a][k], f);
                }
            }
            long[][] untouched = new long[1 << AW][];
            for (int a = 0; a < (1 << AW); a++) {
                untouched[a] = res.mem[a].clone();
            }
            StreamDriver cmd = new StreamDriver(sim, StreamPorts.of(sim, "cmd", java.util.List.of(sim.signal("io_cmd_payload_base"),
                    sim.signal("io_cmd_payload_counts_0"), sim.signal("io_cmd_payload_counts_1"), sim.signal("io_cmd_payload_counts_2"),
                    sim.signal("io_cmd_payload_strides_0"), sim.signal("io_cmd_payload_strides_1"),
                    sim.signal("io_cmd_payload_strides_2"))), seed + 2, stall);
            cmd.enqueue(10, 100, 1, 1, 1, 0, 0);    // words 10..109
            cmd.enqueue(300, 50, 1, 1, 2, 0, 0);    // every other word of 300..399
            sim.addAgent(res);
            sim.addAgent(sec);
            sim.addAgent(res.writer(sim, "resWrite"));
            sim.step(2);
            sim.runUntil(() -> cmd.isIdle() && sim.peek("io_busy") == 0, 20_000);
            sim.step(5);
            for (int a = 0; a < (1 << AW); a++) {
                boolean merged = (a >= 10 && a < 110) || (a >= 300 && a < 400 && a % 2 == 0);
                assertArrayEquals(merged ? want[a] : untouched[a], res.mem[a], "word " + a);
            }
        }
    }

    @Test
    void mergeSaturatingDsp18() {
        run(Formats.dsp18(), 1, 0.3);
    }

    @Test
    void mergeWrappingPublished() {
        run(Formats.published(), 2, 0);
    }

    @Test
    void lintClean(@TempDir Path dir) throws Exception {
        RtlTestSupport.assertLintClean(() -> new ExpertMerge(Formats.dsp18(), LANES, AW, 9), dir);
    }
}
