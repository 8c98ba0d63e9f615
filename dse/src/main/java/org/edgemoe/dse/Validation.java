package org.edgemoe.dse;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The cycle model against the full-system simulation: points of the sweep that the generator builds, each run for
 * EMBED, the first {@link #LAYERS} layers and STORE in {@link SimRun}, compared on PERF_CYCLES. The points vary what the model must follow: the DDR bandwidth (from compute-bound to
 * DDR-bound), the read latency, the weight ports, the attention lanes and the compute array; and the default on the whole image for
 * both tasks (the simulation is the ground truth there). {@code make dse-validate}
 * writes each outcome to {@code build/dse/validation/<id>.json} for the report; ModelValidationTest asserts the error.
 */
public final class Validation {
    /** The model must be within this of the simulation (issue: 5 % on at least five points). */
    public static final double TOLERANCE = 0.05;
    /** Layers of the validation programs: EMBED, layer 0 (dense), layer 1 (MoE: gate and the expert loop), STORE. */
    public static final int LAYERS = Integer.getInteger("dse.validate.layers", 2);

    private Validation() { }

    /** The validation points: five on the default hardware (one Verilator model), then other hardware. */
    public static List<DesignPoint> points() {
        DesignPoint d = DesignPoint.defaults();
        List<DesignPoint> p = new ArrayList<>();
        p.add(d);
        p.add(withDdr(d, 4.27, 45, 16));
        p.add(withDdr(d, 2.13, 45, 16));
        p.add(withDdr(d, 17.06, 200, 16));
        p.add(withDdr(d, 8.53, 100, 16));
        // the 16 x 16 array (the default before the 32 x 32 one) on one, two and four ports, with P = 4, and 8 x 8
        p.add(new DesignPoint(16, 8, 64, "dsp18", 1, 16, 17.06, 45, 300));
        p.add(new DesignPoint(16, 8, 64, "dsp18", 2, 16, 17.06, 45, 300));
        p.add(new DesignPoint(16, 8, 64, "dsp18", 4, 16, 17.06, 45, 300));
        p.add(new DesignPoint(16, 4, 64, "dsp18", 2, 16, 17.06, 45, 300));
        p.add(new DesignPoint(8, 8, 64, "dsp18", 2, 16, 17.06, 45, 300));
        return p;
    }

    static DesignPoint withDdr(DesignPoint d, double gbps, int latency, int portBytes) {
        return new DesignPoint(d.rows(), d.attnLanes(), d.attnBeat(), d.profile(), d.weightPorts(), portBytes, gbps, latency, d.clockMHz());
    }

    /** One point's simulation and model figures as a result map (the point's fields, then sim.*), task 0. */
    public static Map<String, Object> run(DesignPoint p, int layers) {
        return run(p, layers, 0);
    }

    public static Map<String, Object> run(DesignPoint p, int layers, int task) {
        Map<String, Object> r = p.toMap();
        SimRun.Outcome o = SimRun.run(p, layers, task);
        r.put("sim_layers", layers);
        r.put("sim_task", task);
        r.put("sim.cycles", o.simCycles());
        r.put("sim.model_cycles", o.modelCycles());
        r.put("sim.error", o.error());
        r.put("sim.cycles_per_s", o.cyclesPerSecond());
        for (Map.Entry<String, Long> e : o.perf().asMap().entrySet()) {
            r.put("sim.perf." + e.getKey().toLowerCase(Locale.ROOT), e.getValue());
        }
        // per command: the worst of those over 1,000 cycles, and every command's pair; LayerNorms apart: their two
        // 384-byte parameter reads queue behind whatever the expert prefetcher has in flight on their ports, which the
        // model takes on average only (sim.layernorm_error: all of them together)
        SimRun.Command worst = null;
        long lnSim = 0;
        long lnModel = 0;
        for (int i = 0; i < o.commands().size(); i++) {
            SimRun.Command c = o.commands().get(i);
            r.put(String.format(Locale.ROOT, "sim.cmd.%03d.%s.sim", i, c.name()), c.simCycles());
            r.put(String.format(Locale.ROOT, "sim.cmd.%03d.%s.model", i, c.name()), c.modelCycles());
            if (c.name().contains(".ln")) {
                lnSim += c.simCycles();
                lnModel += c.modelCycles();
            } else if (c.simCycles() >= 1000 && (worst == null || Math.abs(c.error()) > Math.abs(worst.error()))) {
                worst = c;
            }
        }
        if (lnSim > 0) {
            r.put("sim.layernorm_error", (lnModel - lnSim) / (double) lnSim);
        }
        if (worst != null) {
            r.put("sim.worst_command", worst.name());
            r.put("sim.worst_command_error", worst.error());
        }
        return r;
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(System.getProperty("dse.work", "build/dse")).toAbsolutePath().resolve("validation");
        String only = System.getProperty("dse.validate.only", "");
        boolean whole = Boolean.parseBoolean(System.getProperty("dse.validate.wholeImage", "true"));
        int outside = 0;
        List<Object[]> runs = new ArrayList<>();
        for (DesignPoint p : points()) {
            runs.add(new Object[] {p, LAYERS, 0});
        }
        if (whole) {
            // the ground truth for the default: the whole image, both tasks
            for (int t = 0; t < org.edgemoe.model.ModelShape.TASKS; t++) {
                runs.add(new Object[] {DesignPoint.defaults(), org.edgemoe.model.ModelShape.LAYERS, t});
            }
        }
        for (Object[] run : runs) {
            DesignPoint p = (DesignPoint) run[0];
            int layers = (Integer) run[1];
            int task = (Integer) run[2];
            if (!only.isBlank() && !List.of(only.split(",")).contains(p.id())) {
                continue;
            }
            long t0 = System.nanoTime();
            Map<String, Object> r = run(p, layers, task);
            String tag = "layers" + layers + ".task" + task;
            PointJob.write(dir.resolve(p.id() + "." + tag + ".json"), r);
            double e = Report.d(r, "sim.error");
            System.out.printf(Locale.ROOT, "DSE %s sim.cycles.%s %d%nDSE %s model.cycles.%s %d%nDSE %s model_error.%s %.4f%n",
                    p.id(), tag, ((Number) r.get("sim.cycles")).longValue(), p.id(), tag, ((Number) r.get("sim.model_cycles")).longValue(),
                    p.id(), tag, e);
            System.err.printf(Locale.ROOT, "dse-validate: %s in %.0f s (%.0f cycles/s)%n", p.id(), (System.nanoTime() - t0) / 1e9,
                    Report.d(r, "sim.cycles_per_s"));
            if (Math.abs(e) > TOLERANCE) {
                outside++;
            }
        }
        if (outside > 0) {
            System.err.println("dse-validate: " + outside + " point(s) outside " + TOLERANCE * 100 + " %");
            System.exit(1);
        }
    }
}
