package org.edgemoe.dse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * {@code make dse}: the sweep. Every point of the grid ({@link Grid}) becomes a job file
 * ({@code build/dse/jobs/<id>.json}); the jobs without a result ({@code build/dse/results/<id>.json}, same inputs)
 * run on a bounded local worker pool ({@code -Ddse.jobs}, default 2); then the Pareto front is marked, and
 * {@code build/reports/dse.csv}, {@code dse.html} with its plots and the {@code DSE} lines are written. Results on
 * disk are reused, so a sweep resumes, and results computed elsewhere (a cluster: {@code -Ddse.mode=jobs} writes the
 * job list and a Slurm array script instead of running, docs/dse.md) are collected the same way
 * ({@code -Ddse.mode=collect}). The validation results ({@code build/dse/validation/*.json}, {@code make dse-validate})
 * go into the report when present.
 */
public final class Dse {
    private Dse() { }

    public static void main(String[] args) throws Exception {
        String grid = System.getProperty("dse.grid", "quick");
        String mode = System.getProperty("dse.mode", "local");
        int jobs = Integer.getInteger("dse.jobs", 2);
        Path work = Path.of(System.getProperty("dse.work", "build/dse")).toAbsolutePath();
        Path out = Path.of(System.getProperty("dse.out", "build/reports")).toAbsolutePath();
        List<String> lines = sweep(grid, Grid.of(grid), mode, jobs, work, out);
        lines.forEach(System.out::println);
    }

    /**
     * The sweep of {@code points} (named {@code grid} in the report) in {@code mode} local, jobs or collect; returns the
     * DSE lines (empty in jobs mode).
     */
    public static List<String> sweep(String grid, List<DesignPoint> points, String mode, int jobs, Path work, Path out) throws Exception {
        if (jobs < 1) {
            throw new IllegalArgumentException("-Ddse.jobs must be at least 1, was " + jobs);
        }
        if (!List.of("local", "jobs", "collect").contains(mode)) {
            throw new IllegalArgumentException("-Ddse.mode must be local, jobs or collect, was " + mode);
        }
        Path jobDir = work.resolve("jobs");
        Path resDir = work.resolve("results");
        Files.createDirectories(jobDir);
        Files.createDirectories(resDir);
        List<Path> jobFiles = new ArrayList<>();
        for (DesignPoint p : points) {
            Path f = jobDir.resolve(p.id() + ".json");
            Files.writeString(f, JobJson.write(p.toMap()), StandardCharsets.UTF_8);
            jobFiles.add(f);
        }
        Files.write(work.resolve("jobs.txt"), jobFiles.stream().map(Path::toString).toList(), StandardCharsets.UTF_8);
        PointJob.Context ctx = new PointJob.Context(work.resolve("cache"), ResourceModel.calibrated());
        if (mode.equals("jobs")) {
            fidelities(points, ctx);
            Path script = SlurmScript.write(work, jobFiles.size());
            System.err.println("dse: " + jobFiles.size() + " jobs in " + work.resolve("jobs.txt") + "; submit " + script
                    + " (sbatch), then make dse DSE_MODE=collect");
            return List.of();
        }
        List<Map<String, Object>> results = mode.equals("local") ? runAll(points, resDir, ctx, jobs) : collect(points, resDir, PointJob.version(ctx));
        markPareto(results);
        List<Map<String, Object>> validation = readAll(work.resolve("validation"));
        groundTruth(results, validation);
        Report.write(out, grid, results, validation, ctx.resources().fitTable(), DesignPoint.defaults().id());
        List<String> lines = new ArrayList<>(Report.lines(results));
        for (Map<String, Object> v : validation) {
            String tag = "layers" + v.get("sim_layers") + ".task" + v.getOrDefault("sim_task", 0L);
            lines.add("DSE " + v.get("id") + " sim.cycles." + tag + " " + v.get("sim.cycles"));
            lines.add("DSE " + v.get("id") + " model_error." + tag + " " + String.format(java.util.Locale.ROOT, "%.4f", Report.d(v, "sim.error")));
        }
        System.err.println("dse: " + results.size() + " points; " + out.resolve("dse.csv") + ", " + out.resolve("dse.html"));
        return lines;
    }

    /**
     * The simulation is the ground truth where it ran the whole image: those points get {@code sim.cycles.task<t>}
     * and {@code sim.model_error.task<t>} beside the model's figures.
     */
    static void groundTruth(List<Map<String, Object>> results, List<Map<String, Object>> validation) {
        for (Map<String, Object> v : validation) {
            if (!(v.get("sim_layers") instanceof Number n) || n.intValue() != org.edgemoe.model.ModelShape.LAYERS) {
                continue;
            }
            Object task = v.getOrDefault("sim_task", 0L);
            for (Map<String, Object> r : results) {
                if (r.get("id").equals(v.get("id"))) {
                    r.put("sim.cycles.task" + task, v.get("sim.cycles"));
                    r.put("sim.model_error.task" + task, v.get("sim.error"));
                }
            }
        }
    }

    /** Each profile's fidelity, computed once (cached for the jobs). */
    static void fidelities(List<DesignPoint> points, PointJob.Context ctx) {
        points.stream().map(DesignPoint::profile).distinct().forEach(p -> {
            long t0 = System.nanoTime();
            Fidelity f = Fidelity.of(p, ctx.cacheDir());
            System.err.printf("dse: fidelity of %s (%s) in %.1f s%n", p, f.source(), (System.nanoTime() - t0) / 1e9);
        });
    }

    /** Runs the points without a result on {@code jobs} threads; the profiles' fidelity is computed first, once each. */
    static List<Map<String, Object>> runAll(List<DesignPoint> points, Path resDir, PointJob.Context ctx, int jobs) throws Exception {
        fidelities(points, ctx);
        ExecutorService pool = Executors.newFixedThreadPool(jobs);
        AtomicInteger done = new AtomicInteger();
        try {
            List<Future<Map<String, Object>>> fs = new ArrayList<>();
            for (DesignPoint p : points) {
                fs.add(pool.submit(() -> {
                    Path res = resDir.resolve(p.id() + ".json");
                    Map<String, Object> r = reuse(res, p, PointJob.version(ctx));
                    if (r == null) {
                        r = PointJob.run(p.toMap(), ctx);
                        PointJob.write(res, r);
                    }
                    int n = done.incrementAndGet();
                    if (n % 20 == 0 || n == points.size()) {
                        System.err.println("dse: " + n + " / " + points.size() + " points");
                    }
                    return r;
                }));
            }
            List<Map<String, Object>> out = new ArrayList<>();
            for (Future<Map<String, Object>> f : fs) {
                out.add(f.get());
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    /** A stored result for the point's exact inputs, or null. */
    static Map<String, Object> reuse(Path res, DesignPoint p) throws IOException {
        return reuse(res, p, null);
    }

    /** ... and of the models of {@code version} (any when null). */
    static Map<String, Object> reuse(Path res, DesignPoint p, String version) throws IOException {
        if (!Files.exists(res)) {
            return null;
        }
        Map<String, Object> r = JobJson.parse(Files.readString(res), res.toString());
        try {
            return DesignPoint.fromMap(r).equals(p) && r.containsKey("cycles.task0") && (version == null || version.equals(r.get("model_version")))
                    ? r : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    static List<Map<String, Object>> collect(List<DesignPoint> points, Path resDir) throws IOException {
        return collect(points, resDir, null);
    }

    static List<Map<String, Object>> collect(List<DesignPoint> points, Path resDir, String version) throws IOException {
        List<Map<String, Object>> out = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (DesignPoint p : points) {
            Map<String, Object> r = reuse(resDir.resolve(p.id() + ".json"), p, version);
            if (r == null) {
                missing.add(p.id());
            } else {
                out.add(r);
            }
        }
        if (!missing.isEmpty()) {
            throw new IllegalStateException(missing.size() + " of " + points.size() + " points have no result of these models in " + resDir
                    + " (first: " + missing.get(0) + "); run the job array to the end, or make dse without DSE_MODE to run them here");
        }
        return out;
    }

    /** pareto = on the front of (latency of task 0, LUT, DSP, BRAM) among the points that fit the ZCU102. */
    static void markPareto(List<Map<String, Object>> results) {
        List<Map<String, Object>> fit = results.stream().filter(r -> Report.b(r, "fits_zcu102")).toList();
        List<Map<String, Object>> front = Pareto.front(fit, r -> Report.d(r, "ms.task0"), r -> Report.d(r, "lut"), r -> Report.d(r, "dsp"),
                r -> Report.d(r, "bram36"));
        for (Map<String, Object> r : results) {
            r.put("pareto", front.contains(r));
        }
    }

    static List<Map<String, Object>> readAll(Path dir) throws IOException {
        List<Map<String, Object>> out = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return out;
        }
        try (Stream<Path> s = Files.list(dir)) {
            for (Path p : s.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                out.add(JobJson.parse(Files.readString(p), p.toString()));
            }
        }
        return out;
    }
}
