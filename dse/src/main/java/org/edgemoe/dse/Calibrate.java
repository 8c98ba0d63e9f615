package org.edgemoe.dse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.edgemoe.hdl.core.Elaboration;
import org.edgemoe.hdl.core.Module;
import org.edgemoe.hdl.emit.VerilogEmitter;
import org.edgemoe.model.hw.Formats;
import org.edgemoe.rtl.attention.AttentionEngine;
import org.edgemoe.rtl.attention.AttnConfig;
import org.edgemoe.rtl.axi.AxiReadMaster;
import org.edgemoe.rtl.axi.AxiWriteMaster;
import org.edgemoe.rtl.buffer.ActBuffer;
import org.edgemoe.rtl.cu.ComputeUnit;
import org.edgemoe.rtl.cu.CuConfig;
import org.edgemoe.rtl.embed.EmbedConfig;
import org.edgemoe.rtl.embed.PixelStreamer;
import org.edgemoe.rtl.isa.IsaLimits;
import org.edgemoe.rtl.layernorm.LayerNorm;
import org.edgemoe.rtl.layernorm.LnConfig;
import org.edgemoe.rtl.router.MoeRouter;
import org.edgemoe.rtl.synth.ManifestFile;
import org.edgemoe.rtl.synth.SynthReport;
import org.edgemoe.rtl.top.AcceleratorConfig;
import org.edgemoe.rtl.top.ControlPlane;
import org.edgemoe.rtl.top.EdgeMoeAccelerator;
import org.edgemoe.hdl.lib.axi.Axi4Config;

/**
 * {@code make dse-calibrate}: Yosys ({@code synth_xilinx -family xcup}, the {@code make synth-report} flow) on variants
 * of every block the resource model ({@link ResourceModel}) sums, so its scaling laws are fitted on measured figures:
 * the compute unit at several array sizes in both profiles, the attention engine at several lane counts, LayerNorm
 * at several lane counts, the router, the pixel streamer, the AXI masters at several widths, the control plane and
 * activation buffers of the datapath's shapes. Appends one CSV row per variant to the calibration file (default
 * {@code dse/src/main/resources/org/edgemoe/dse/yosys-calibration.csv}, {@code -Ddse.calibration=}); variants
 * already in it are skipped, so an interrupted run resumes. {@code -Ddse.only=ComputeUnit} limits the blocks.
 */
public final class Calibrate {
    public static final String HEADER = "block,variant,profile,lut,ff,lutram,carry,dsp,ramb18,ramb36,depth,yosys_s,yosys";

    private Calibrate() { }

    /** One variant: block name, parameter string (key=value;...), profile, the module. */
    public record Variant(String block, String variant, String profile, Supplier<Module> design) {
        String key() {
            return block + "," + variant + "," + profile;
        }
    }

    public static List<Variant> variants() {
        List<Variant> v = new ArrayList<>();
        for (Formats f : List.of(Formats.dsp18(), Formats.published())) {
            for (int n : new int[] {4, 8, 16}) {
                v.add(new Variant("ComputeUnit", "rows=" + n + ";cols=" + n, f.name(), () -> new ComputeUnit(CuConfig.of(n, n, f))));
            }
        }
        v.add(new Variant("ComputeUnit", "rows=8;cols=16", "dsp18", () -> new ComputeUnit(CuConfig.of(8, 16, Formats.dsp18()))));
        v.add(new Variant("ComputeUnit", "rows=16;cols=8", "dsp18", () -> new ComputeUnit(CuConfig.of(16, 8, Formats.dsp18()))));
        for (Formats f : List.of(Formats.dsp18(), Formats.published())) {
            for (int lanes : new int[] {8, 16}) {
                v.add(new Variant("LayerNorm", "lanes=" + lanes, f.name(), () -> new LayerNorm(LnConfig.of(f).withShape(192, lanes, 24))));
            }
            v.add(new Variant("MoeRouter", "experts=16", f.name(), () -> new MoeRouter(f, 16, 192, 2, 2, 256)));
            v.add(new Variant("PixelStreamer", "default", f.name(), () -> new PixelStreamer(EmbedConfig.of(f))));
        }
        for (int w : new int[] {64, 128, 256}) {
            v.add(new Variant("AxiReadMaster", "data=" + w, "-", () -> new AxiReadMaster(Axi4Config.of(32, w, 4))));
            v.add(new Variant("AxiWriteMaster", "data=" + w, "-", () -> new AxiWriteMaster(Axi4Config.of(32, w, 4))));
        }
        v.add(new Variant("ControlPlane", "default", "-", () -> new ControlPlane(Axi4Config.of(32, 128, 4), IsaLimits.defaults())));
        // activation buffers: the datapath's shapes at 16 lanes of dsp18 act (18 bits) / resid (32 bits)
        v.add(new Variant("ActBuffer", "depth=1548;lanes=16;bits=18", "dsp18", () -> new ActBuffer(1548, 16, Formats.dsp18().act())));
        v.add(new Variant("ActBuffer", "depth=6192;lanes=16;bits=18", "dsp18", () -> new ActBuffer(6192, 16, Formats.dsp18().act())));
        v.add(new Variant("ActBuffer", "depth=1548;lanes=16;bits=32", "dsp18", () -> new ActBuffer(1548, 16, Formats.dsp18().resid())));
        v.add(new Variant("ActBuffer", "depth=774;lanes=32;bits=18", "dsp18", () -> new ActBuffer(774, 32, Formats.dsp18().act())));
        // the attention engine (slow: 64 multipliers and adder trees a lane), the default one, and the whole accelerator at
        // its default (the glue: the top level minus its blocks)
        for (int p : new int[] {1, 2, 4}) {
            v.add(new Variant("AttentionEngine", "lanes=" + p + ";beat=64", "dsp18", () -> new AttentionEngine(AttnConfig.of(Formats.dsp18(), p, 64))));
        }
        v.add(new Variant("AttentionEngine", "lanes=2;beat=32", "dsp18", () -> new AttentionEngine(AttnConfig.of(Formats.dsp18(), 2, 32))));
        v.add(new Variant("AttentionEngine", "lanes=2;beat=64", "published", () -> new AttentionEngine(AttnConfig.of(Formats.published(), 2, 64))));
        v.add(new Variant("AttentionEngine", "lanes=8;beat=64", "dsp18", () -> new AttentionEngine(AttnConfig.of(Formats.dsp18(), 8, 64))));
        v.add(new Variant("EdgeMoeAccelerator", "rows=16", "dsp18", () -> new EdgeMoeAccelerator(
                AcceleratorConfig.m3vit(CuConfig.of(16, 16, Formats.dsp18())).withWeightPorts(2))));
        return v;
    }

    public static void main(String[] args) throws Exception {
        Path csv = Path.of(System.getProperty("dse.calibration", "dse/src/main/resources/org/edgemoe/dse/yosys-calibration.csv")).toAbsolutePath();
        Path work = Path.of(System.getProperty("dse.work", "build/dse-calibration")).toAbsolutePath();
        String only = System.getProperty("dse.only", "");
        Map<String, String> done = new LinkedHashMap<>();
        if (Files.exists(csv)) {
            for (String line : Files.readAllLines(csv)) {
                if (!line.startsWith("block,") && !line.isBlank()) {
                    String[] f = line.split(",");
                    done.put(f[0] + "," + f[1] + "," + f[2], line);
                }
            }
        } else {
            Files.createDirectories(csv.getParent());
            Files.writeString(csv, HEADER + "\n", StandardCharsets.UTF_8);
        }
        String version = yosysVersion();
        for (Variant v : variants()) {
            if (done.containsKey(v.key()) || !only.isBlank() && !List.of(only.split(",")).contains(v.block())) {
                continue;
            }
            Path dir = work.resolve(v.block() + "_" + v.variant().replace(";", "_").replace("=", "") + "_" + v.profile());
            new VerilogEmitter().add(Elaboration.elaborate(v.design()).topIR()).write(dir);
            ManifestFile m = ManifestFile.read(dir);
            String top = m.tops().get(0).name();
            SynthReport.Result r = SynthReport.run(m, List.of(top), dir.resolve("yosys"), 1).get(0);
            if (r.error() != null) {
                System.err.println("calibrate: " + v.key() + " FAILED " + r.error());
                continue;
            }
            var s = r.stat();
            String row = String.join(",", v.block(), v.variant(), v.profile(), "" + s.lut(), "" + s.ff(), "" + s.lutram(), "" + s.carry(),
                    "" + s.dsp(), "" + s.ramb18(), "" + s.ramb36(), "" + s.depth(), String.format("%.0f", r.seconds()), version);
            Files.writeString(csv, row + "\n", StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);
            System.out.println("CALIBRATE " + row);
        }
    }

    static String yosysVersion() throws IOException, InterruptedException {
        Process p = new ProcessBuilder("yosys", "-V").redirectErrorStream(true).start();
        String v = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        p.waitFor();
        int paren = v.indexOf(" (");
        return (paren > 0 ? v.substring(0, paren) : v).replace(',', ' ');
    }
}
