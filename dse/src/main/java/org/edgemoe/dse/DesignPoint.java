package org.edgemoe.dse;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.edgemoe.model.ModelShape;
import org.edgemoe.model.hw.Formats;
import org.edgemoe.rtl.attention.AttnConfig;
import org.edgemoe.rtl.cu.CuConfig;
import org.edgemoe.rtl.perf.AccelShape;
import org.edgemoe.rtl.perf.DdrParams;
import org.edgemoe.rtl.top.AcceleratorConfig;
import org.edgemoe.sim.axi.DdrConfig;

/**
 * One point of the design space: the compute array ({@code rows} x {@code rows}: the datapath's buffer word is both an
 * x and a y beat, so the array is square, and LayerNorm and the pixel streamer run {@code rows} lanes), the attention
 * engine's P lanes of L elements, the number profile, the weight read ports and their bytes a cycle (the AXI data
 * width / 8), and the DDR: peak bandwidth (80 % sustained, as the budget), read latency, the clock.
 */
public record DesignPoint(int rows, int attnLanes, int attnBeat, String profile, int weightPorts, int portBytes, double ddrGBps,
                          int readLatency, double clockMHz) {

    public static final double SUSTAINED = DdrConfig.SUSTAINED;

    public DesignPoint {
        if (rows < 2 || Integer.bitCount(rows) != 1) {
            throw new IllegalArgumentException("compute array rows must be a power of two >= 2, was " + rows);
        }
        if (ModelShape.DIM % rows != 0 || ModelShape.MLP_HIDDEN % rows != 0 || ModelShape.EXPERT_HIDDEN % rows != 0) {
            throw new IllegalArgumentException("a " + rows + "-lane datapath does not divide the model's widths (192, 384, 768)");
        }
        if (attnLanes < 1 || attnBeat < 1 || ModelShape.HEAD_DIM % attnBeat != 0) {
            throw new IllegalArgumentException("attention lanes >= 1 and a beat dividing 64, got " + attnLanes + " x " + attnBeat);
        }
        Formats.byName(profile);
        if (weightPorts < 1 || portBytes < 1 || ddrGBps <= 0 || readLatency < 1 || clockMHz <= 0) {
            throw new IllegalArgumentException("DDR parameters out of range: " + weightPorts + " ports x " + portBytes + " B, " + ddrGBps
                    + " GB/s, latency " + readLatency + ", " + clockMHz + " MHz");
        }
    }

    /** The accelerator's default (AcceleratorConfig.defaults(): 32 x 32, attention 8 x 64, three weight ports; the ZCU102's DDR model). */
    public static DesignPoint defaults() {
        return new DesignPoint(AcceleratorConfig.DEFAULT_ARRAY, 8, 64, "dsp18", AcceleratorConfig.DEFAULT_WEIGHT_PORTS, 16, 17.06, 45, 300);
    }

    /**
     * The point the resource model's top-level calibration row (EdgeMoeAccelerator, rows=16) stands for: the 16 x 16
     * accelerator, attention 8 x 64, two weight ports (the default until the 32 x 32 array).
     */
    public static DesignPoint calibrated() {
        return new DesignPoint(16, 8, 64, "dsp18", 2, 16, 17.06, 45, 300);
    }

    public String id() {
        return String.format(Locale.ROOT, "r%d.p%dx%d.%s.w%dx%d.bw%.2f.lat%d.f%.0f", rows, attnLanes, attnBeat, profile, weightPorts,
                portBytes * 8, ddrGBps, readLatency, clockMHz);
    }

    public AccelShape shape() {
        return new AccelShape(rows, rows, attnLanes, attnBeat, rows, AcceleratorConfig.defaultGateLanes(rows));
    }

    public DdrParams ddr() {
        return new DdrParams(ddrGBps, SUSTAINED, weightPorts, portBytes, readLatency, clockMHz);
    }

    public Formats formats() {
        return Formats.byName(profile);
    }

    /** Null when the generator builds this point today, else why not. */
    public String notBuildable() {
        return notSimulable();
    }

    /** Null when the generator builds this point and the full-system simulation runs it, else why not. */
    public String notSimulable() {
        if (weightPorts > 4) {
            return "the accelerator stripes its weights over 1 to 4 read ports";
        }
        if (portBytes != 16) {
            return "the accelerator's DDR ports are 128-bit (a narrower port is in the cycle model only)";
        }
        try {
            config();
            return null;
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }

    /** The generator's configuration of this point (its DDR belongs to the DDR model, {@link #ddrConfig}). */
    public AcceleratorConfig acceleratorConfig() {
        String why = notSimulable();
        if (why != null) {
            throw new IllegalArgumentException(id() + " cannot be built: " + why);
        }
        return config();
    }

    /** AcceleratorConfig.m3vit of the array (LayerNorm and the pixel streamer follow its lanes) with this attention engine. */
    private AcceleratorConfig config() {
        Formats f = formats();
        AcceleratorConfig d = AcceleratorConfig.m3vit(CuConfig.of(rows, rows, f));
        return new AcceleratorConfig(d.datapath(), AttnConfig.of(f, attnLanes, attnBeat), d.layerNorm(), d.embed(), d.ddr(), weightPorts,
                d.weightOutstanding(), d.limits(), d.gateLanes(), d.expertBufferBytes());
    }

    /** The full-system simulation's DDR model at this point. */
    public DdrConfig ddrConfig() {
        return new DdrConfig(ddrGBps * 1e9, SUSTAINED, clockMHz * 1e6, portBytes, readLatency, DdrConfig.WRITE_LATENCY_CYCLES,
                DdrConfig.MAX_OUTSTANDING);
    }

    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", id());
        m.put("rows", rows);
        m.put("cols", rows);
        m.put("attn_lanes", attnLanes);
        m.put("attn_beat", attnBeat);
        m.put("profile", profile);
        m.put("weight_ports", weightPorts);
        m.put("port_bits", portBytes * 8);
        m.put("ddr_gbps", ddrGBps);
        m.put("read_latency", readLatency);
        m.put("clock_mhz", clockMHz);
        return m;
    }

    public static DesignPoint fromMap(Map<String, Object> m) {
        return new DesignPoint(num(m, "rows").intValue(), num(m, "attn_lanes").intValue(), num(m, "attn_beat").intValue(), str(m, "profile"),
                num(m, "weight_ports").intValue(), num(m, "port_bits").intValue() / 8, num(m, "ddr_gbps").doubleValue(),
                num(m, "read_latency").intValue(), num(m, "clock_mhz").doubleValue());
    }

    static Number num(Map<String, Object> m, String k) {
        Object v = m.get(k);
        if (!(v instanceof Number n)) {
            throw new IllegalArgumentException("design point: \"" + k + "\" must be a number, was " + v);
        }
        return n;
    }

    static String str(Map<String, Object> m, String k) {
        Object v = m.get(k);
        if (!(v instanceof String s)) {
            throw new IllegalArgumentException("design point: \"" + k + "\" must be a string, was " + v);
        }
        return s;
    }
}
