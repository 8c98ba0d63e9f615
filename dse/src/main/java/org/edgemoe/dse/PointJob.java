package org.edgemoe.dse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.edgemoe.model.ModelShape;
import org.edgemoe.model.Routing;
import org.edgemoe.rtl.perf.CycleModel;
import org.edgemoe.rtl.perf.ImageOps;
import org.edgemoe.rtl.perf.LowerBound;
import org.edgemoe.rtl.perf.Op;
import org.edgemoe.rtl.perf.Workload;

/**
 * One design point as an independent job: its configuration in (a flat JSON object, {@link DesignPoint#toMap}), its
 * figures out (another): whole-image cycles and milliseconds per task from the cycle model with the profile's real
 * routing, the lower bound, the share of DDR-bound cycles, the resources of the calibrated resource model, whether the
 * ZCU102 holds it, whether the generator builds it today, and the profile's fidelity. With {@code "sim_layers": n > 0}
 * the job also runs the first n layers in the full-system simulation and reports the model's error on them. The same
 * function runs in the local worker pool ({@link Dse}) and, through {@link #main}, as one task of a cluster job array.
 */
public final class PointJob {
    private PointJob() { }

    /** Where the shared inputs live: the profile fidelity cache. */
    public record Context(Path cacheDir, ResourceModel resources) { }

    /** The cycle model's version and the resource model's calibration: a result of other models is not reused. */
    public static String version(Context ctx) {
        return "cycle" + org.edgemoe.rtl.perf.CycleModel.VERSION + ".calibration" + Integer.toHexString(ctx.resources().samples().hashCode());
    }

    public static Map<String, Object> run(Map<String, Object> job, Context ctx) {
        DesignPoint p = DesignPoint.fromMap(job);
        Map<String, Object> out = new LinkedHashMap<>(p.toMap());
        out.put("model_version", version(ctx));
        long t0 = System.nanoTime();
        Fidelity f = Fidelity.of(p.profile(), ctx.cacheDir());
        CycleModel model = new CycleModel(p.shape(), p.ddr());
        for (int t = 0; t < ModelShape.TASKS; t++) {
            Routing[] routing = f.routing(t);
            List<Op> ops = ImageOps.m3vit(ModelShape.LAYERS, ModelShape.TOKENS, routing);
            List<CycleModel.Row> rows = model.rows(ops);
            long cycles = rows.stream().mapToLong(CycleModel.Row::cycles).sum();
            long ddrBound = rows.stream().filter(CycleModel.Row::ddrBound).mapToLong(CycleModel.Row::cycles).sum();
            out.put("cycles.task" + t, cycles);
            out.put("ms.task" + t, cycles * p.ddr().msPerCycle());
            out.put("lower_bound_ms.task" + t, LowerBound.ms(Workload.m3vit(ModelShape.LAYERS, ModelShape.TOKENS, routing), p.shape(), p.ddr()));
            out.put("ddr_bound_share.task" + t, ddrBound / (double) cycles);
        }
        ResourceModel.Resources r = ctx.resources().estimate(p);
        out.put("lut", Math.round(r.lut()));
        out.put("ff", Math.round(r.ff()));
        out.put("lutram", Math.round(r.lutram()));
        out.put("dsp", Math.round(r.dsp()));
        out.put("bram36", r.bram36());
        List<String> over = r.exceeds(ResourceModel.ZCU102);
        out.put("fits_zcu102", over.isEmpty());
        out.put("exceeds", String.join(" ", over));
        out.put("resources_with_glue", ctx.resources().hasGlue());
        String why = p.notBuildable();
        out.put("buildable", why == null);
        out.put("not_buildable_because", why == null ? "" : why);
        for (int t = 0; t < ModelShape.TASKS; t++) {
            out.put("final_mse.task" + t, f.finalMse()[t]);
            out.put("routing_agreement.task" + t, f.routingAgreement()[t]);
        }
        out.put("routing", f.expertTokens() == null ? "even (no weights: " + f.source() + ")" : "golden " + p.profile());
        Object simLayers = job.get("sim_layers");
        if (simLayers instanceof Number n && n.intValue() > 0) {
            Map<String, Object> sim = Validation.run(p, n.intValue());
            sim.forEach((k, v) -> {
                if (k.startsWith("sim")) {
                    out.put(k, v);
                }
            });
        }
        out.put("job_seconds", (System.nanoTime() - t0) / 1e9);
        return out;
    }

    /**
     * A cluster task: {@code PointJob <job.json> <result.json>}, or {@code PointJob --list <jobs.txt> <index> <results dir>}
     * (the index-th line of the list is a job file, e.g. {@code $SLURM_ARRAY_TASK_ID}). Cache folder: {@code -Ddse.cache}
     * (default build/dse/cache). The result is written atomically (a partial file never appears).
     */
    public static void main(String[] args) throws IOException {
        Path job;
        Path result;
        if (args.length == 4 && args[0].equals("--list")) {
            List<String> lines = Files.readAllLines(Path.of(args[1]));
            int i = Integer.parseInt(args[2]);
            if (i < 0 || i >= lines.size()) {
                throw new IllegalArgumentException(args[1] + " has " + lines.size() + " jobs; index " + i + " is out of range");
            }
            job = Path.of(lines.get(i).trim());
            result = Path.of(args[3]).resolve(job.getFileName());
        } else if (args.length == 2) {
            job = Path.of(args[0]);
            result = Path.of(args[1]);
        } else {
            throw new IllegalArgumentException("usage: PointJob <job.json> <result.json> | PointJob --list <jobs.txt> <index> <results dir>");
        }
        Context ctx = new Context(Path.of(System.getProperty("dse.cache", "build/dse/cache")), ResourceModel.calibrated());
        Map<String, Object> out = run(JobJson.parse(Files.readString(job), job.toString()), ctx);
        write(result, out);
        System.out.println("DSE " + out.get("id") + " cycles.task0 " + out.get("cycles.task0"));
    }

    static void write(Path result, Map<String, Object> out) throws IOException {
        Files.createDirectories(result.toAbsolutePath().getParent());
        Path tmp = result.resolveSibling(result.getFileName() + ".tmp");
        Files.writeString(tmp, JobJson.write(out), StandardCharsets.UTF_8);
        Files.move(tmp, result, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }
}
