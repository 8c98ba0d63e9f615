package org.edgemoe.rtl.datapath;

import static org.junit.jupiter.api.Assertions.*;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import org.edgemoe.model.M3VitWeights;
import org.edgemoe.model.ModelShape;
import org.edgemoe.model.WeightFolder;
import org.edgemoe.model.hw.Formats;
import org.edgemoe.model.hw.HwModel;
import org.edgemoe.model.hw.HwTrace;
import org.edgemoe.model.hw.QuantizedLayer;
import org.edgemoe.model.hw.QuantizedWeights;
import org.edgemoe.rtl.attention.AttnConfig;
import org.edgemoe.rtl.cu.CuConfig;
import org.edgemoe.rtl.gelu.RtlTestSupport;
import org.edgemoe.rtl.isa.Buf;
import org.edgemoe.rtl.isa.Opcode;
import org.edgemoe.rtl.layernorm.LnConfig;
import org.edgemoe.sim.CycleAgent;
import org.edgemoe.sim.HdlSim;
import org.edgemoe.sim.SimSignal;
import org.edgemoe.sim.Sim;
import org.edgemoe.sim.SimModel;
import org.edgemoe.sim.stream.StreamDriver;
import org.edgemoe.sim.stream.StreamPorts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Decoded commands of layer 0 (LAYERNORM, LINEAR, ATTENTION, as the sequencer dispatches them) through the
 * dispatcher and the layer datapath, every weight block fetched from a Java DDR: layer 0's output on the real
 * image, bit-exact. Also: an opcode this datapath does not run is reported, not skipped.
 */
class CommandDispatcherTest {
    static final int N = 16;

    /** A DDR behind the fetch port: answers each transfer with its 128-bit beats, one per cycle. */
    static final class Ddr implements CycleAgent {
        final List<Byte> bytes = new ArrayList<>();
        final SimSignal cv, cr, ca, cb, dv, dr, dd, dl;
        final ArrayDeque<BigInteger> beats = new ArrayDeque<>();
        final ArrayDeque<Boolean> lasts = new ArrayDeque<>();

        Ddr(Sim sim) {
            cv = sim.signal("io_fetch_valid");
            cr = sim.signal("io_fetch_ready");
            ca = sim.signal("io_fetch_payload_addr");
            cb = sim.signal("io_fetch_payload_bytes");
            dv = sim.signal("io_fetchData_valid");
            dr = sim.signal("io_fetchData_ready");
            dd = sim.signal("io_fetchData_payload_data");
            dl = sim.signal("io_fetchData_payload_last");
        }

        /** Appends 16-bit values, padding to 64 bytes; returns the block's address. */
        long put(long[] values) {
            long addr = bytes.size();
            for (long v : values) {
                bytes.add((byte) v);
                bytes.add((byte) (v >> 8));
            }
            while (bytes.size() % 64 != 0) {
                bytes.add((byte) 0);
            }
            return addr;
        }

        @Override
        public void drive(Sim sim, long cycle) {
            cr.poke(beats.isEmpty() ? 1 : 0);
            if (!beats.isEmpty()) {
                dv.poke(1);
                dd.poke(beats.peek());
                dl.poke(lasts.peek() ? 1 : 0);
            } else {
                dv.poke(0);
            }
        }

        @Override
        public void sample(Sim sim, long cycle) {
            if (!beats.isEmpty() && dr.peekBoolean()) {
                beats.poll();
                lasts.poll();
            }
            if (cr.peekBoolean() && cv.peekBoolean()) {
                long a = ca.peek();
                long n = cb.peek();
                for (long o = 0; o < n; o += 16) {
                    byte[] b = new byte[17];
                    for (int k = 0; k < 16; k++) {
                        b[16 - k] = bytes.get((int) (a + o + k));
                    }
                    beats.add(new BigInteger(b));
                    lasts.add(o + 16 >= n);
                }
            }
        }
    }

    static long[] cuStream(long[] w, long[] bias, int out, int in) {
        return org.edgemoe.rtl.cu.WeightStream.of(w, bias, out, in, N, N);
    }

    static long[] concat(long[] a, long[] b) {
        long[] c = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }

    static final String[] FIELDS = {"op", "bias", "attnBias", "gelu", "resid", "taskSel", "src", "dst", "aux", "layer", "count",
        "inSize", "outSize", "tokens", "weightAddr", "weightBytes", "weightStride", "index"};

    static long[] command(Opcode op, int flags, Buf src, Buf dst, int count, int in, int out, int tokens, long addr, long bytes) {
        return new long[] {op.ordinal(), flags & 1, (flags >> 1) & 1, (flags >> 2) & 1, (flags >> 3) & 1, 0, src.ordinal(), dst.ordinal(),
            0, 0, count, in, out, tokens, addr, bytes, 0, 0};
    }

    @Test
    void layer0FromDecodedCommandsIsBitExact() {
        Path folder = WeightFolder.locate().orElse(null);
        assumeTrue(folder != null, WeightFolder.absentMessage());
        Formats f = Formats.dsp18();
        QuantizedWeights q = new QuantizedWeights(M3VitWeights.load(folder), f);
        HwTrace trace = new HwModel(q).run(0);
        QuantizedLayer l0 = q.layer(0);
        int t = ModelShape.TOKENS;
        int d = ModelShape.DIM;
        int h = ModelShape.MLP_HIDDEN;
        DatapathConfig cfg = DatapathConfig.m3vit(CuConfig.of(N, N, f));
        SimModel model = HdlSim.compile(() -> new DispatchHarness(cfg, AttnConfig.DEFAULT, LnConfig.of(f)));
        try (Sim sim = model.open()) {
            sim.reset();
            Ddr ddr = new Ddr(sim);
            long ln1 = ddr.put(concat(l0.norm1Gamma(), l0.norm1Beta()));
            long qkv = ddr.put(cuStream(l0.qkvWeight(), l0.qkvBias(), 3 * d, d));
            long proj = ddr.put(cuStream(l0.projWeight(), l0.projBias(), d, d));
            long ln2 = ddr.put(concat(l0.norm2Gamma(), l0.norm2Beta()));
            long fc1 = ddr.put(cuStream(l0.mlp().fc1Weight(), l0.mlp().fc1Bias(), h, d));
            long fc2 = ddr.put(cuStream(l0.mlp().fc2Weight(), l0.mlp().fc2Bias(), d, h));
            sim.addAgent(ddr);
            DatapathTest.Bench b = new DatapathTest.Bench(sim, cfg);
            b.load("res", trace.embedded(), d);
            List<SimSignal> fs = new ArrayList<>();
            for (String n : FIELDS) {
                fs.add(sim.signal("io_cmd_payload_" + n));
            }
            StreamDriver cmds = new StreamDriver(sim, StreamPorts.of(sim, "cmd", fs), 4, 0);
            cmds.enqueue(command(Opcode.LAYERNORM, 0, Buf.RES, Buf.LNO, 0, d, d, t, ln1, 4L * d));
            cmds.enqueue(command(Opcode.LINEAR, 3, Buf.LNO, Buf.QKV, 0, d, 3 * d, t, qkv, 2L * (3 * d * d + 3 * d)));
            cmds.enqueue(command(Opcode.ATTENTION, 0, Buf.QKV, Buf.ATT, 3, 0, 0, t, 0, 0));
            cmds.enqueue(command(Opcode.LINEAR, 11, Buf.ATT, Buf.RES, 0, d, d, t, proj, 2L * (d * d + d)));
            cmds.enqueue(command(Opcode.LAYERNORM, 0, Buf.RES, Buf.LNO, 0, d, d, t, ln2, 4L * d));
            cmds.enqueue(command(Opcode.LINEAR, 5, Buf.LNO, Buf.HID, 0, d, h, t, fc1, 2L * (h * d + h)));
            cmds.enqueue(command(Opcode.LINEAR, 9, Buf.HID, Buf.RES, 0, h, d, t, fc2, 2L * (d * h + d)));
            long start = sim.cycle();
            sim.step(2);
            sim.runUntil(() -> cmds.isIdle() && sim.peek("io_busy") == 0, 3_000_000);
            long cycles = sim.cycle() - start;
            long[][] got = b.read("res", t, d);
            for (int i = 0; i < t; i++) {
                assertArrayEquals(trace.layerOutputs()[0][i], got[i], "token " + i + " of layer 0's output");
            }
            System.out.println("layer 0 from decoded commands: " + cycles + " cycles");
        }
    }

    @Test
    void lintClean(@TempDir Path dir) throws Exception {
        Formats f = Formats.dsp18();
        RtlTestSupport.assertLintClean(() -> new CommandDispatcher(DatapathConfig.m3vit(CuConfig.of(N, N, f)), AttnConfig.DEFAULT,
                LnConfig.of(f), 128), dir);
    }
}
