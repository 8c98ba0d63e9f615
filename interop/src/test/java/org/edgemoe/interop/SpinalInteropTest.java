package org.edgemoe.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import edgemoe.interop.SpinalSide;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.edgemoe.hdl.core.Elaboration;
import org.edgemoe.hdl.emit.EmittedDesign;
import org.edgemoe.hdl.emit.VerilogEmitter;
import org.edgemoe.hdl.verilog.SpinalBlackBoxGenerator;
import org.edgemoe.hdl.verilog.VerilogImporter;
import org.edgemoe.hdl.verilog.VerilogModule;
import org.edgemoe.hdl.fixed.FixFormat;
import org.edgemoe.model.hw.Formats;
import org.edgemoe.model.hw.HwOps;
import org.edgemoe.sim.HdlSim;
import org.edgemoe.sim.ModelCompiler;
import org.edgemoe.sim.Sim;
import org.edgemoe.sim.VerilogSources;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Both directions with the real SpinalHDL 1.14.2, simulated in Verilator and checked against HwOps.gelu. */
class SpinalInteropTest {
    static final Formats F = Formats.dsp18();
    static final FixFormat ACT = F.act();
    static final int W = ACT.width();
    static final int BEATS = 300;

    /** Random raw inputs over the whole act range, two lanes per beat. */
    static long[][] stimulus(long seed) {
        Random r = new Random(seed);
        long min = ACT.minRaw().longValueExact();
        long max = ACT.maxRaw().longValueExact();
        long[][] beats = new long[BEATS][InteropDesigns.LANES];
        for (long[] b : beats) {
            for (int k = 0; k < b.length; k++) {
                b[k] = min + (long) (r.nextDouble() * (max - min + 1));
            }
        }
        return beats;
    }

    static long signExtend(long v, int width) {
        return (v << (64 - width)) >> (64 - width);
    }

    /** How one beat's lanes are poked / peeked. */
    interface Lanes {
        void poke(Sim sim, long[] lanes);
        long[] peek(Sim sim);
    }

    /** Random valid and ready; every output beat must equal HwOps.gelu of the matching input beat. */
    static void run(Sim sim, Lanes lanes, long seed) {
        long[][] in = stimulus(seed);
        Random r = new Random(seed + 1);
        sim.reset();
        int sent = 0;
        int got = 0;
        Deque<long[]> expected = new ArrayDeque<>();
        for (long[] b : in) {
            long[] e = new long[b.length];
            for (int k = 0; k < b.length; k++) {
                e[k] = HwOps.gelu(b[k], F);
            }
            expected.add(e);
        }
        for (int cycle = 0; got < BEATS && cycle < 20 * BEATS; cycle++) {
            boolean valid = sent < BEATS && r.nextInt(4) != 0;
            sim.poke("io_input_valid", valid ? 1 : 0);
            if (sent < BEATS) {
                lanes.poke(sim, in[sent]);
            }
            boolean ready = r.nextInt(3) != 0;
            sim.poke("io_output_ready", ready ? 1 : 0);
            if (valid && sim.peek("io_input_ready") == 1) {
                sent++;
            }
            if (ready && sim.peek("io_output_valid") == 1) {
                long[] want = expected.poll();
                long[] have = lanes.peek(sim);
                for (int k = 0; k < want.length; k++) {
                    assertEquals(want[k], have[k], "beat " + got + " lane " + k);
                }
                got++;
            }
            sim.step();
        }
        assertEquals(BEATS, got, "beats out");
    }

    @Test
    void spinalStreamFifoImportedIntoAJavaDesignFeedsTheGeluUnit(@TempDir Path dir) {
        String[] files = SpinalSide.emitFifo(dir.toString(), InteropDesigns.LANES * W, 8);
        VerilogModule fifo = new VerilogImporter().module(Path.of(files[0]), "SpinalStreamFifo");
        assertEquals(2, fifo.streams().size(), fifo.describe());
        try (Sim sim = HdlSim.compile(() -> new InteropDesigns.FifoIntoGelu(fifo, W)).open()) {
            run(sim, new Lanes() {
                public void poke(Sim s, long[] l) {
                    long packed = 0;
                    for (int k = 0; k < l.length; k++) {
                        packed |= (l[k] & ((1L << W) - 1)) << (k * W);
                    }
                    s.poke("io_input_payload", packed);
                }

                public long[] peek(Sim s) {
                    long v = s.peek("io_output_payload");
                    long[] out = new long[InteropDesigns.LANES];
                    for (int k = 0; k < out.length; k++) {
                        out[k] = signExtend(v >>> (k * W), W);
                    }
                    return out;
                }
            }, 11);
        }
    }

    @Test
    void generatedScalaWrapperOfTheGeluUnitIsTheCommittedOne() throws Exception {
        EmittedDesign d = new VerilogEmitter().add(Elaboration.elaborate(InteropDesigns::gelu).topIR()).render();
        String scala = new SpinalBlackBoxGenerator("edgemoe.interop").generate(d).get("GeluUnit.scala");
        assertEquals(Files.readString(Path.of("src/test/scala/edgemoe/interop/GeluUnit.scala")), scala);
    }

    @Test
    void geluUnitInsideASpinalComponentLintsCleanAndSimulates(@TempDir Path dir) throws Exception {
        Path spinal = dir.resolve("spinal");
        Path ours = dir.resolve("ours");
        Files.createDirectories(spinal);
        List<Path> files = new ArrayList<>();
        for (String f : SpinalSide.emitGeluHost(spinal.toString())) {
            files.add(Path.of(f));
        }
        new VerilogEmitter().add(Elaboration.elaborate(InteropDesigns::gelu).topIR()).write(ours);
        try (Stream<Path> s = Files.list(ours)) {
            s.filter(p -> p.toString().endsWith(".v")).sorted().forEach(files::add);
        }
        // ours alone: -Wall clean; together with SpinalHDL's: no warnings either
        lint("GeluUnit", files.stream().filter(p -> p.startsWith(ours)).toList());
        // SpinalHDL's own file: waive only its known warnings (file name vs module names, its unused internals)
        Path waivers = dir.resolve("spinal_waivers.vlt");
        Files.writeString(waivers, "`verilator_config\n"
                + "lint_off -rule DECLFILENAME -file \"" + spinal + "/*\"\n"
                + "lint_off -rule UNUSEDSIGNAL -file \"" + spinal + "/*\"\n");
        List<Path> withWaivers = new ArrayList<>(List.of(waivers));
        withWaivers.addAll(files);
        lint("GeluHost", withWaivers);
        try (Sim sim = ModelCompiler.compile(VerilogSources.of("GeluHost", files)).open()) {
            run(sim, new Lanes() {
                public void poke(Sim s, long[] l) {
                    for (int k = 0; k < l.length; k++) {
                        s.poke("io_input_payload_" + k, l[k]);
                    }
                }

                public long[] peek(Sim s) {
                    long[] out = new long[InteropDesigns.LANES];
                    for (int k = 0; k < out.length; k++) {
                        out[k] = signExtend(s.peek("io_output_payload_" + k), W);
                    }
                    return out;
                }
            }, 23);
        }
    }

    static void lint(String top, List<Path> files) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("verilator", "--lint-only", "-Wall", "--top-module", top));
        files.forEach(p -> cmd.add(p.toString()));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String log = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(300, TimeUnit.SECONDS));
        assertEquals("", log.strip(), "verilator -Wall on " + top);
        assertEquals(0, p.exitValue(), log);
    }
}
