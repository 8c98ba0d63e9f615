package org.edgemoe.dse;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.edgemoe.model.ModelShape;
import org.edgemoe.hdl.lib.axi.Axi4Config;
import org.edgemoe.rtl.axi.AxiReadArbiter;
import org.edgemoe.rtl.axi.StripedReadMaster;
import org.edgemoe.rtl.top.AcceleratorConfig;
import org.edgemoe.model.hw.Formats;
import org.edgemoe.rtl.cu.CuConfig;
import org.edgemoe.rtl.datapath.ActBuf;
import org.edgemoe.rtl.datapath.DatapathConfig;

/**
 * Resources of a design point: the accelerator's blocks, each from a scaling law fitted on Yosys runs of its variants
 * ({@code make dse-calibrate}, the {@code make synth-report} flow, rows of {@code yosys-calibration.csv}), the
 * activation buffers from their shapes (block RAM by the best RAMB36 aspect ratio, checked against measured
 * buffers), and the top level from the accelerator's own Yosys figures at the default point: its logic (LUT, FF,
 * LUTRAM) as a ratio to its blocks' sum (synthesised in context Yosys removes logic a block alone keeps: 0.75 of the
 * LUTs), its DSP48E2 and block RAM beyond the blocks' (the dispatcher, gate stage, expert loop, fetch router, residual
 * load / store, the Q/K/V and expert-list memories) added.
 * <ul>
 *   <li>ComputeUnit (per profile): {@code a RC + b R + c C + d}, least squares over the measured arrays (the columns
 *       cost more than the rows: each has its accumulator, output stage and GELU lane; with square arrays only, as
 *       for the published profile, R and C share one coefficient).</li>
 *   <li>AttentionEngine: {@code a PL + b P + c} on the dsp18 variants; the published profile scaled by its measured
 *       ratio to dsp18 at the same P, L.</li>
 *   <li>LayerNorm (per profile): {@code a lanes + b}. AXI read / write masters: {@code a width + b}.</li>
 *   <li>MoeRouter, PixelStreamer (per profile), ControlPlane: their measured figures.</li>
 * </ul>
 */
public final class ResourceModel {
    /** The XCZU9EG's resources (DS891): CLB LUTs, flip-flops, DSP48E2, 36 Kb block RAMs (no UltraRAM). */
    public static final Resources ZCU102 = new Resources(274_080, 548_160, 144_000, 2_520, 1_824, 912);
    public static final String CALIBRATION = "/org/edgemoe/dse/yosys-calibration.csv";

    /** LUT, FF, LUTRAM, DSP48E2, RAMB18, RAMB36 (Yosys cell counts). */
    public record Resources(double lut, double ff, double lutram, double dsp, double ramb18, double ramb36) {
        public static final Resources ZERO = new Resources(0, 0, 0, 0, 0, 0);

        /** Block RAM in RAMB36 units (two RAMB18 a RAMB36). */
        public double bram36() {
            return ramb36 + ramb18 / 2;
        }

        public Resources plus(Resources o) {
            return new Resources(lut + o.lut, ff + o.ff, lutram + o.lutram, dsp + o.dsp, ramb18 + o.ramb18, ramb36 + o.ramb36);
        }

        public Resources minus(Resources o) {
            return plus(o.times(-1));
        }

        public Resources times(double k) {
            return new Resources(lut * k, ff * k, lutram * k, dsp * k, ramb18 * k, ramb36 * k);
        }

        /** Never below zero (a fitted law extrapolated below its data). */
        public Resources floor() {
            return new Resources(Math.max(0, lut), Math.max(0, ff), Math.max(0, lutram), Math.max(0, dsp), Math.max(0, ramb18), Math.max(0, ramb36));
        }

        /** Which of the device's limits this exceeds (empty: it fits). */
        public List<String> exceeds(Resources device) {
            List<String> out = new ArrayList<>();
            if (lut > device.lut) {
                out.add("LUT");
            }
            if (ff > device.ff) {
                out.add("FF");
            }
            if (dsp > device.dsp) {
                out.add("DSP48E2");
            }
            if (bram36() > device.ramb36) {
                out.add("BRAM");
            }
            return out;
        }

        static Resources of(ToDoubleFunction<String> f) {
            return new Resources(f.applyAsDouble("lut"), f.applyAsDouble("ff"), f.applyAsDouble("lutram"), f.applyAsDouble("dsp"),
                    f.applyAsDouble("ramb18"), f.applyAsDouble("ramb36"));
        }

        double get(String r) {
            return switch (r) {
                case "lut" -> lut;
                case "ff" -> ff;
                case "lutram" -> lutram;
                case "dsp" -> dsp;
                case "ramb18" -> ramb18;
                case "ramb36" -> ramb36;
                default -> throw new IllegalArgumentException(r);
            };
        }
    }

    static final List<String> RESOURCES = List.of("lut", "ff", "lutram", "dsp", "ramb18", "ramb36");

    /** One calibration row: block, its parameters, profile, the measured resources. */
    public record Sample(String block, Map<String, Integer> params, String profile, Resources measured) {
        int p(String k) {
            Integer v = params.get(k);
            if (v == null) {
                throw new IllegalArgumentException("calibration row of " + block + " lacks " + k + ": " + params);
            }
            return v;
        }
    }

    private final List<Sample> samples;
    private final Map<String, double[][]> fits = new LinkedHashMap<>();
    private final Resources glue;
    private final Resources contextScale;

    public ResourceModel(List<Sample> samples) {
        this.samples = List.copyOf(samples);
        for (String profile : List.of("dsp18", "published")) {
            fit("ComputeUnit", profile, s -> new double[] {s.p("rows") * (double) s.p("cols"), s.p("rows"), s.p("cols"), 1});
            fit("LayerNorm", profile, s -> new double[] {s.p("lanes"), 1});
        }
        fit("AttentionEngine", "dsp18", s -> new double[] {s.p("lanes") * (double) s.p("beat"), s.p("lanes"), 1});
        fit("AxiReadMaster", "-", s -> new double[] {s.p("data"), 1});
        fit("AxiWriteMaster", "-", s -> new double[] {s.p("data"), 1});
        Sample acc = find("EdgeMoeAccelerator", "dsp18", Map.of("rows", 16));
        if (acc == null) {
            glue = null;
            contextScale = null;
        } else {
            // logic (LUT, FF, LUTRAM): the top level's own count over its blocks' sum at the default, a ratio (Yosys
            // removes in context what a block alone keeps); DSP and block RAM: the difference, the top level's own
            Resources b = blocks(DesignPoint.calibrated());
            Resources m = acc.measured();
            contextScale = new Resources(m.lut() / b.lut(), m.ff() / b.ff(), b.lutram() == 0 ? 1 : m.lutram() / b.lutram(), 1, 1, 1);
            glue = new Resources(0, 0, 0, m.dsp() - b.dsp(), m.ramb18() - b.ramb18(), m.ramb36() - b.ramb36());
        }
    }

    /** The top level's measured figures against its blocks' sum at the default (logic as ratios); null without its row. */
    public Resources contextScale() {
        return contextScale;
    }

    /** The top level's own DSP48E2 and block RAM beyond its blocks' (null without its row). */
    public Resources glue() {
        return glue;
    }

    /** The model on the calibration rows shipped with the project. */
    public static ResourceModel calibrated() {
        try (InputStream in = ResourceModel.class.getResourceAsStream(CALIBRATION)) {
            if (in == null) {
                throw new IllegalStateException("no " + CALIBRATION + " on the class path: run make dse-calibrate");
            }
            return new ResourceModel(parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), CALIBRATION));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static ResourceModel of(Path csv) throws IOException {
        return new ResourceModel(parse(Files.readString(csv), csv.toString()));
    }

    /** Rows of the calibration CSV ({@link Calibrate#HEADER}); a bad row names the file and line. */
    public static List<Sample> parse(String csv, String where) {
        List<Sample> out = new ArrayList<>();
        String[] lines = csv.split("\n");
        if (lines.length == 0 || !lines[0].trim().equals(Calibrate.HEADER)) {
            throw new IllegalArgumentException(where + ":1: expected the header " + Calibrate.HEADER);
        }
        for (int i = 1; i < lines.length; i++) {
            String line = lines[i].trim();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split(",", -1);
            if (f.length != Calibrate.HEADER.split(",").length) {
                throw new IllegalArgumentException(where + ":" + (i + 1) + ": " + f.length + " fields, expected " + Calibrate.HEADER.split(",").length);
            }
            Map<String, Integer> params = new LinkedHashMap<>();
            if (!f[1].equals("default")) {
                for (String kv : f[1].split(";")) {
                    String[] p = kv.split("=");
                    try {
                        params.put(p[0], Integer.parseInt(p[1]));
                    } catch (RuntimeException e) {
                        throw new IllegalArgumentException(where + ":" + (i + 1) + ": bad parameter " + kv);
                    }
                }
            }
            try {
                double[] v = new double[6];
                for (int k = 0; k < 6; k++) {
                    v[k] = Double.parseDouble(f[k == 3 ? 7 : k == 4 ? 8 : k == 5 ? 9 : 3 + k]);
                }
                out.add(new Sample(f[0], params, f[2], new Resources(v[0], v[1], v[2], v[3], v[4], v[5])));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(where + ":" + (i + 1) + ": a resource count is not a number: " + line);
            }
        }
        return out;
    }

    public List<Sample> samples() {
        return samples;
    }

    /** True when the top level's own figures calibrate the glue logic. */
    public boolean hasGlue() {
        return glue != null;
    }

    private Sample find(String block, String profile, Map<String, Integer> params) {
        for (Sample s : samples) {
            if (s.block().equals(block) && s.profile().equals(profile) && s.params().entrySet().containsAll(params.entrySet())) {
                return s;
            }
        }
        return null;
    }

    private void fit(String block, String profile, java.util.function.Function<Sample, double[]> features) {
        List<Sample> rows = samples.stream().filter(s -> s.block().equals(block) && s.profile().equals(profile)).toList();
        if (rows.isEmpty()) {
            return;
        }
        double[][] coef = new double[RESOURCES.size()][];
        for (int r = 0; r < RESOURCES.size(); r++) {
            String res = RESOURCES.get(r);
            double[][] x = rows.stream().map(features).toArray(double[][]::new);
            double[] y = rows.stream().mapToDouble(s -> s.measured().get(res)).toArray();
            coef[r] = LeastSquares.solve(x, y);
        }
        fits.put(block + "/" + profile, coef);
    }

    private Resources law(String block, String profile, double[] features) {
        double[][] coef = fits.get(block + "/" + profile);
        if (coef == null) {
            throw new IllegalStateException("no calibration rows for " + block + " (" + profile + ") in " + CALIBRATION + ": run make dse-calibrate");
        }
        return Resources.of(res -> {
            double[] c = coef[RESOURCES.indexOf(res)];
            double v = 0;
            for (int i = 0; i < c.length; i++) {
                v += c[i] * features[i];
            }
            return v;
        }).floor();
    }

    private Resources measured(String block, String profile) {
        Sample s = find(block, profile, Map.of());
        if (s == null) {
            throw new IllegalStateException("no calibration row for " + block + " (" + profile + ") in " + CALIBRATION + ": run make dse-calibrate");
        }
        return s.measured();
    }

    /** Each block of the point's accelerator, by name, without the glue. */
    public Map<String, Resources> breakdown(DesignPoint p) {
        Map<String, Resources> m = new LinkedHashMap<>();
        int r = p.rows();
        m.put("ComputeUnit", law("ComputeUnit", p.profile(), new double[] {r * (double) r, r, r, 1}));
        Resources attn = law("AttentionEngine", "dsp18", new double[] {p.attnLanes() * (double) p.attnBeat(), p.attnLanes(), 1});
        if (!p.profile().equals("dsp18")) {
            Sample pub = find("AttentionEngine", p.profile(), Map.of());
            if (pub == null) {
                throw new IllegalStateException("no calibration row for AttentionEngine (" + p.profile() + "): run make dse-calibrate");
            }
            Resources base = law("AttentionEngine", "dsp18", new double[] {pub.p("lanes") * (double) pub.p("beat"), pub.p("lanes"), 1});
            Resources dsp18 = attn;
            attn = Resources.of(res -> base.get(res) == 0 ? pub.measured().get(res) : dsp18.get(res) * pub.measured().get(res) / base.get(res));
        }
        m.put("AttentionEngine", attn);
        m.put("LayerNorm", law("LayerNorm", p.profile(), new double[] {r, 1}));
        m.put("MoeRouter", measured("MoeRouter", p.profile()));
        m.put("PixelStreamer", measured("PixelStreamer", p.profile()));
        m.put("ControlPlane", measured("ControlPlane", "-"));
        // three read masters (program, input, weights) plus the extra weight ports, one write master
        m.put("AxiReadMaster", law("AxiReadMaster", "-", new double[] {p.portBytes() * 8.0, 1}).times(2 + p.weightPorts()));
        m.put("AxiWriteMaster", law("AxiWriteMaster", "-", new double[] {p.portBytes() * 8.0, 1}));
        m.put("buffers", buffers(p));
        return m;
    }

    /** Sum of the blocks (no glue). */
    public Resources blocks(DesignPoint p) {
        Resources sum = Resources.ZERO;
        for (Resources x : breakdown(p).values()) {
            sum = sum.plus(x);
        }
        return sum;
    }

    /**
     * The whole accelerator: its blocks' sum, with (when the accelerator's own Yosys row is there) the logic scaled by
     * the top level's measured ratio and its own DSP48E2 and block RAM added, so the default's estimate is its Yosys
     * figure; plus the expert prefetcher's block RAM ({@link #expertBuffers}).
     */
    public Resources estimate(DesignPoint p) {
        Resources b = blocks(p);
        if (glue == null) {
            return b.plus(expertBuffers(p));
        }
        return new Resources(b.lut() * contextScale.lut(), b.ff() * contextScale.ff(), b.lutram() * contextScale.lutram(), b.dsp(), b.ramb18(),
                b.ramb36()).plus(glue).plus(expertBuffers(p)).floor();
    }

    /**
     * The activation buffers' block RAM: RES and SEC (tokens x D resid values), LNO and ATT (act, ATT padded to a
     * power-of-two stride per token), HID (tokens x 768 act), the Q, K, V stores (tokens x heads x 64 act each), each
     * a memory of {@code lanes}-wide words mapped at its best RAMB36 aspect ratio.
     */
    public static Resources buffers(DesignPoint p) {
        Formats f = p.formats();
        int lanes = p.rows();
        DatapathConfig dc = DatapathConfig.m3vit(CuConfig.of(lanes, lanes, f));
        int a = f.act().width();
        int rs = f.resid().width();
        double r36 = 2 * ramb36(dc.residWords(), (long) lanes * rs);
        for (ActBuf b : List.of(ActBuf.LNO, ActBuf.ATT, ActBuf.HID)) {
            r36 += ramb36(dc.words(b), (long) lanes * a);
        }
        r36 += 3 * ramb36((long) ModelShape.TOKENS * ModelShape.HEADS * (ModelShape.HEAD_DIM / p.attnBeat()), (long) p.attnBeat() * a);
        return new Resources(0, 0, 0, 0, 0, r36);
    }

    /**
     * The expert prefetcher's block RAM, which the calibration's Yosys rows predate: the expert buffer (bus-wide words
     * and their last flag) and each weight port's two 512-beat R buffers (the ports shared with the weight path).
     */
    public static Resources expertBuffers(DesignPoint p) {
        // from the point's ports (a point with narrower ports than the generator builds is estimated all the same)
        Axi4Config port = Axi4Config.of(32, 8 * p.portBytes(), 4);
        int busBits = StripedReadMaster.defaultWidth(port, p.weightPorts());
        long words = AcceleratorConfig.DEFAULT_EXPERT_BUFFER / (busBits / 8);
        double r36 = ramb36(words, busBits + 1);
        r36 += 2.0 * p.weightPorts() * ramb36(2L * AxiReadArbiter.maxBurstBeats(port), port.dataWidth() + 3);
        return new Resources(0, 0, 0, 0, 0, r36);
    }

    /** RAMB36 blocks of a depth x width memory at the best of the simple-dual-port aspect ratios (512 x 72 ... 32K x 1). */
    static double ramb36(long depth, long width) {
        long best = Long.MAX_VALUE;
        long[][] shapes = {{512, 72}, {1024, 36}, {2048, 18}, {4096, 9}, {8192, 4}, {16384, 2}, {32768, 1}};
        for (long[] s : shapes) {
            best = Math.min(best, ceil(depth, s[0]) * ceil(width, s[1]));
        }
        return best;
    }

    private static long ceil(long a, long b) {
        return (a + b - 1) / b;
    }

    /** Each calibration row against its block's law: block, parameters, profile, resource, measured, model, error. */
    public List<String> fitTable() {
        List<String> out = new ArrayList<>();
        for (Sample s : samples) {
            Resources m;
            try {
                m = switch (s.block()) {
                    case "ComputeUnit" -> law("ComputeUnit", s.profile(), new double[] {s.p("rows") * (double) s.p("cols"), s.p("rows"), s.p("cols"), 1});
                    case "AttentionEngine" -> s.profile().equals("dsp18")
                            ? law("AttentionEngine", "dsp18", new double[] {s.p("lanes") * (double) s.p("beat"), s.p("lanes"), 1}) : s.measured();
                    case "LayerNorm" -> law("LayerNorm", s.profile(), new double[] {s.p("lanes"), 1});
                    case "AxiReadMaster", "AxiWriteMaster" -> law(s.block(), "-", new double[] {s.p("data"), 1});
                    case "ActBuffer" -> new Resources(s.measured().lut(), s.measured().ff(), s.measured().lutram(), s.measured().dsp(), 0,
                            ramb36(s.p("depth"), (long) s.p("lanes") * s.p("bits")));
                    case "EdgeMoeAccelerator" -> estimate(DesignPoint.calibrated());
                    default -> s.measured();
                };
            } catch (RuntimeException e) {
                continue;
            }
            for (String res : List.of("lut", "ff", "dsp", "bram36")) {
                double meas = res.equals("bram36") ? s.measured().bram36() : s.measured().get(res);
                double mod = res.equals("bram36") ? m.bram36() : m.get(res);
                out.add(String.format(Locale.ROOT, "%s,%s,%s,%s,%.0f,%.0f,%s", s.block(), s.params().toString().replace(", ", ";"), s.profile(), res, meas,
                        mod, meas == 0 ? (mod == 0 ? "0" : "inf") : String.format(Locale.ROOT, "%.1f%%", 100 * (mod - meas) / meas)));
            }
        }
        return out;
    }
}
