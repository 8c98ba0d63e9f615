package org.edgemoe.dse;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.edgemoe.model.ModelShape;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sweep end to end on a few points with a fixed fidelity cache (so the golden models do not run here): jobs,
 * results, the Pareto marks, the CSV, the HTML with its three plots, the DSE lines, resuming, collecting, the Slurm
 * array script.
 */
class DseTest {
    @TempDir
    static Path tmp;

    static final DesignPoint SMALL = new DesignPoint(8, 4, 64, "dsp18", 2, 16, 17.06, 45, 300);
    static final DesignPoint BIG = new DesignPoint(32, 16, 64, "dsp18", 4, 16, 17.06, 45, 300);
    static final DesignPoint HUGE = new DesignPoint(64, 32, 64, "published", 4, 16, 17.06, 45, 300);
    static final DesignPoint SLOW = new DesignPoint(16, 8, 64, "dsp18", 2, 16, 4.27, 45, 300);
    static final DesignPoint NARROW = new DesignPoint(16, 8, 64, "dsp18", 2, 8, 17.06, 45, 300);

    /** A fidelity cache with every expert of every MoE layer taking 129 x 2 / 16 tokens, and made-up figures. */
    static void writeCache(Path cache) throws Exception {
        Files.createDirectories(cache);
        for (String profile : List.of("dsp18", "published")) {
            int[][][] counts = new int[2][ModelShape.LAYERS][];
            for (int t = 0; t < 2; t++) {
                for (int l = 1; l < ModelShape.LAYERS; l += 2) {
                    counts[t][l] = new int[ModelShape.EXPERTS];
                    Arrays.fill(counts[t][l], 16);
                    counts[t][l][0] = 18;
                }
            }
            Fidelity f = new Fidelity(profile, new double[] {1e-3, 2e-3}, new double[] {0.98, 0.99}, counts, "test cache");
            Files.writeString(cache.resolve("fidelity-" + profile + ".json"), JobJson.write(f.toMap()));
        }
    }

    static List<String> lines;
    static Path work;
    static Path out;
    static final List<DesignPoint> POINTS = List.of(DesignPoint.defaults(), DesignPoint.calibrated(), SMALL, BIG, HUGE, SLOW, NARROW);

    @BeforeAll
    static void sweep() throws Exception {
        work = tmp.resolve("dse");
        out = tmp.resolve("reports");
        writeCache(work.resolve("cache"));
        lines = Dse.sweep("test", POINTS, "local", 2, work, out);
    }

    @Test
    void everyPointHasItsFiguresInTheCsvAndTheLines() throws Exception {
        List<String> csv = Files.readAllLines(out.resolve("dse.csv"));
        assertEquals(POINTS.size() + 1, csv.size());
        List<String> header = List.of(csv.get(0).split(","));
        for (String c : List.of("id", "rows", "cycles.task0", "ms.task0", "lower_bound_ms.task0", "lut", "dsp", "bram36", "fits_zcu102", "pareto",
                "final_mse.task0", "routing_agreement.task1", "buildable")) {
            assertTrue(header.contains(c), c + " in " + header);
        }
        for (DesignPoint p : POINTS) {
            assertTrue(lines.contains("DSE " + p.id() + " final_mse.task0 0.00100000"), lines.toString());
            assertTrue(lines.stream().anyMatch(l -> l.startsWith("DSE " + p.id() + " cycles.task0 ")), p.id());
        }
        Map<String, Object> def = Dse.reuse(work.resolve("results").resolve(DesignPoint.calibrated().id() + ".json"), DesignPoint.calibrated());
        Map<String, Object> small = Dse.reuse(work.resolve("results").resolve(SMALL.id() + ".json"), SMALL);
        Map<String, Object> big = Dse.reuse(work.resolve("results").resolve(BIG.id() + ".json"), BIG);
        Map<String, Object> slow = Dse.reuse(work.resolve("results").resolve(SLOW.id() + ".json"), SLOW);
        Map<String, Object> huge = Dse.reuse(work.resolve("results").resolve(HUGE.id() + ".json"), HUGE);
        // latency falls and resources grow with the array; the model never beats its lower bound
        assertTrue(Report.d(big, "ms.task0") < Report.d(def, "ms.task0") && Report.d(def, "ms.task0") < Report.d(small, "ms.task0"));
        assertTrue(Report.d(big, "dsp") > Report.d(def, "dsp") && Report.d(def, "dsp") > Report.d(small, "dsp"));
        assertTrue(Report.d(slow, "ms.task0") > Report.d(def, "ms.task0"), "a quarter of the DDR bandwidth is slower");
        for (Map<String, Object> r : List.of(def, small, big, slow, huge)) {
            assertTrue(Report.d(r, "ms.task0") >= Report.d(r, "lower_bound_ms.task0"), r.get("id").toString());
        }
        assertEquals(true, def.get("buildable"));
        assertEquals(true, big.get("buildable"), "four weight ports, 32 lanes: the generator builds it");
        Map<String, Object> narrow = Dse.reuse(work.resolve("results").resolve(NARROW.id() + ".json"), NARROW);
        assertEquals(false, narrow.get("buildable"));
        assertTrue(narrow.get("not_buildable_because").toString().contains("128-bit"), narrow.toString());
        assertTrue(Report.d(narrow, "ms.task0") > Report.d(def, "ms.task0"), "64-bit weight ports are slower");
        assertEquals(false, huge.get("fits_zcu102"), "64 x 64 needs more DSP48E2 than the device has");
        assertTrue(huge.get("exceeds").toString().contains("DSP48E2"));
        assertEquals("golden dsp18", def.get("routing"));
    }

    @Test
    void paretoMarksOnlyPointsThatFitAndAreNotDominated() throws Exception {
        List<Map<String, Object>> rs = Dse.collect(POINTS, work.resolve("results"));
        Dse.markPareto(rs);
        for (Map<String, Object> r : rs) {
            if (Report.b(r, "pareto")) {
                assertTrue(Report.b(r, "fits_zcu102"));
            }
        }
        Map<String, Object> def = rs.stream().filter(r -> r.get("id").equals(DesignPoint.calibrated().id())).findFirst().orElseThrow();
        Map<String, Object> slow = rs.stream().filter(r -> r.get("id").equals(SLOW.id())).findFirst().orElseThrow();
        assertFalse(Report.b(slow, "pareto"), "same hardware, slower DDR: dominated by the default");
        assertTrue(Report.b(def, "pareto") || rs.stream().anyMatch(r -> Report.b(r, "pareto")));
    }

    @Test
    void theHtmlShowsThreePlotsThatExist() throws Exception {
        String html = Files.readString(out.resolve("dse.html"));
        for (String png : List.of("dse-dsp.png", "dse-lut.png", "dse-bram.png")) {
            assertTrue(html.contains("<img src=\"" + png + "\""), png);
            byte[] b = Files.readAllBytes(out.resolve(png));
            assertTrue(b.length > 5000, png + " is a real image");
            assertEquals((byte) 0x89, b[0]);
            assertEquals('P', b[1]);
        }
        assertTrue(html.contains("class=def"), "the default row is highlighted");
        assertTrue(html.contains("Pareto points"));
        assertTrue(html.contains("make dse-validate"), "no validation results here: the report says how to get them");
    }

    @Test
    void resultsAreReusedCollectedAndFannedOut() throws Exception {
        Path res = work.resolve("results").resolve(SMALL.id() + ".json");
        long before = Files.getLastModifiedTime(res).toMillis();
        Thread.sleep(20);
        Dse.sweep("test", POINTS, "local", 1, work, out);
        assertEquals(before, Files.getLastModifiedTime(res).toMillis(), "an existing result is reused");
        // ... but not one of another model
        String text = Files.readString(res);
        Files.writeString(res, text.replaceFirst("\"model_version\": \"[^\"]*\"", "\"model_version\": \"cycle0\""));
        assertNull(Dse.reuse(res, SMALL, PointJob.version(new PointJob.Context(work.resolve("cache"), ResourceModel.calibrated()))));
        Dse.sweep("test", POINTS, "local", 1, work, out);
        assertTrue(Files.readString(res).contains("\"model_version\": \"cycle" + org.edgemoe.rtl.perf.CycleModel.VERSION), "recomputed");
        // collect fails clearly when a job has not run
        Path other = tmp.resolve("other");
        writeCache(other.resolve("cache"));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> Dse.sweep("test", POINTS, "collect", 1, other, tmp.resolve("r2")));
        assertTrue(e.getMessage().contains(POINTS.size() + " of " + POINTS.size() + " points have no result of these models"), e.getMessage());
        assertFalse(Files.exists(tmp.resolve("r2").resolve("dse.csv")), "no partial report");
        // jobs mode: job files, the list, the array script; one task run by hand fills its result
        Dse.sweep("test", POINTS, "jobs", 1, other, tmp.resolve("r2"));
        List<String> list = Files.readAllLines(other.resolve("jobs.txt"));
        assertEquals(POINTS.size(), list.size());
        String sbatch = Files.readString(other.resolve("dse-array.sbatch"));
        assertTrue(sbatch.contains("#SBATCH --array=0-" + (POINTS.size() - 1) + "%64"), sbatch);
        assertTrue(sbatch.contains("org.edgemoe.dse.PointJob") && sbatch.contains("--list") && sbatch.contains("$SLURM_ARRAY_TASK_ID"), sbatch);
        for (int i = 0; i < list.size(); i++) {
            Path job = Path.of(list.get(i));
            Map<String, Object> r = PointJob.run(JobJson.parse(Files.readString(job), job.toString()),
                    new PointJob.Context(other.resolve("cache"), ResourceModel.calibrated()));
            PointJob.write(other.resolve("results").resolve(job.getFileName()), r);
        }
        List<String> collected = Dse.sweep("test", POINTS, "collect", 1, other, tmp.resolve("r2"));
        assertEquals(lines, collected, "the cluster's results give the same report as the local pool");
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class, () -> Dse.sweep("test", POINTS, "cloud", 1, other, out));
        assertTrue(bad.getMessage().contains("local, jobs or collect"));
    }
}
