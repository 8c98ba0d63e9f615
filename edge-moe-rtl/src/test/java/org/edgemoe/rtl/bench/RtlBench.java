package org.edgemoe.rtl.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.edgemoe.hdl.core.Elaboration;
import org.edgemoe.hdl.emit.VerilogEmitter;
import org.edgemoe.model.hw.Formats;
import org.edgemoe.rtl.cu.CuConfig;
import org.edgemoe.rtl.cu.Mesh;
import org.edgemoe.rtl.cu.UtilisationRun;
import org.edgemoe.rtl.embed.PatchEmbeddingTest;
import org.edgemoe.rtl.layernorm.LnBench;
import org.edgemoe.rtl.attention.AttnBench;

/**
 * {@code mvn -pl edge-moe-rtl exec:java@bench}: prints {@code BENCH cu.util.<in>x<out>.t<tokens> <fraction>
 * fraction} for the compute unit's standard shapes on the default 16 x 16 unit (Verilator, full feeding,
 * no back-pressure) and {@code BENCH cu.dsp_per_mac.<profile> <value> dsp/mac}: DSP48E2 cells of a 2 x 2
 * {@link Mesh} after {@code yosys synth_xilinx -family xcup}, divided by its 4 MACs; the LayerNorm unit's
 * {@code ln.*} figures ({@link LnBench}) and the patch embedding's {@code embed.*} ({@link PatchEmbeddingTest#bench}).
 */
public final class RtlBench {
    private RtlBench() { }

    public static void main(String[] args) throws Exception {
        for (int[] s : UtilisationRun.standardShapes()) {
            UtilisationRun.Result r = UtilisationRun.run(s[0], s[1], s[2], s[3] != 0, 42);
            if (r.mismatch() != null) {
                System.err.println("cu." + r.name() + " output mismatch: " + r.mismatch());
            }
            System.out.printf("BENCH cu.util.%s %.4f fraction%n", r.name(), r.utilisation());
        }
        for (Formats f : new Formats[] {Formats.published(), Formats.dsp18()}) {
            System.out.printf("BENCH cu.dsp_per_mac.%s %s dsp/mac%n", f.name(), dspPerMac(f));
        }
        LnBench.main(args);
        AttnBench.print();
        PatchEmbeddingTest.bench();
        org.edgemoe.rtl.axi.AxiBench.print();
    }

    /** DSP48E2 per MAC of a 2 x 2 mesh in profile f (yosys synth_xilinx -family xcup). */
    public static String dspPerMac(Formats f) throws IOException, InterruptedException {
        CuConfig cfg = CuConfig.of(2, 2, f);
        Path dir = Files.createTempDirectory("cu-dsp");
        String top = new VerilogEmitter().add(Elaboration.elaborate(() -> new Mesh(cfg)).topIR()).write(dir).tops().get(0);
        List<String> files = new ArrayList<>();
        try (Stream<Path> s = Files.list(dir)) {
            s.filter(p -> p.toString().endsWith(".v")).sorted().forEach(p -> files.add(p.toString()));
        }
        String script = "read_verilog " + String.join(" ", files) + "; synth_xilinx -family xcup -top " + top + "; stat";
        Process p = new ProcessBuilder("yosys", "-p", script).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (p.waitFor() != 0) {
            return "NaN";
        }
        Matcher m = Pattern.compile("DSP48E2\\s+(\\d+)").matcher(out);
        int dsp = 0;
        while (m.find()) {
            dsp = Integer.parseInt(m.group(1)); // the last stat block is the design total
        }
        return String.valueOf(dsp / 4.0);
    }
}
