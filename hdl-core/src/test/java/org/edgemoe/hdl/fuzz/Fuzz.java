package org.edgemoe.hdl.fuzz;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The differential fuzzer: random designs, each elaborated, emitted, linted, read by Yosys and simulated
 * by Icarus and Verilator on the same stimulus, against the IR interpreter. Disagreements are minimised
 * (one per failure class) and printed as failing cases. {@code make fuzz N=500 SEED=2}.
 */
public final class Fuzz {
    /** Designs per Verilator build. */
    static final int BATCH = 100;

    /** What a run found. */
    record Report(int designs, Map<String, Integer> byClass, int failingDesigns, List<String> minimised, String text) { }

    private Fuzz() { }

    static Report run(int n, long seed, Path dir, long shrinkBudgetMillis, java.io.PrintStream log) throws Exception {
        Files.createDirectories(dir);
        Map<String, Integer> byClass = new TreeMap<>();
        Map<String, Harness.Prepared> firstOfClass = new LinkedHashMap<>();
        Map<String, Harness.Failure> firstFailure = new LinkedHashMap<>();
        int failing = 0;
        for (int start = 0; start < n; start += BATCH) {
            int end = Math.min(n, start + BATCH);
            List<Harness.Prepared> batch = new ArrayList<>();
            for (int i = start; i < end; i++) {
                long s = seed * 1_000_000L + i;
                Spec spec;
                try {
                    spec = Gen.design(s);
                } catch (RuntimeException e) {
                    throw new IllegalStateException("fuzz generator failed for design seed " + s, e);
                }
                batch.add(Harness.prepare(new Harness.Case("fz" + i, spec, s)));
            }
            Path bdir = dir.resolve("batch" + start);
            new Harness(bdir).run(batch, EnumSet.allOf(Harness.Check.class));
            for (Harness.Prepared p : batch) {
                if (p.failures.isEmpty()) {
                    continue;
                }
                failing++;
                java.util.Set<String> kinds = new java.util.LinkedHashSet<>();
                for (Harness.Failure f : p.failures) {
                    kinds.add(f.kind());
                }
                for (String k : kinds) {
                    byClass.merge(k, 1, Integer::sum);
                    if (!firstOfClass.containsKey(k)) {
                        firstOfClass.put(k, p);
                        for (Harness.Failure f : p.failures) {
                            if (f.kind().equals(k)) {
                                firstFailure.put(k, f);
                                break;
                            }
                        }
                    }
                }
            }
            log.printf("fuzz: %d/%d designs, %d failing%n", end, n, failing);
        }
        List<String> minimised = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        text.append(String.format("FUZZ designs %d failing %d%n", n, failing));
        byClass.forEach((k, v) -> text.append(String.format("FUZZ class %s %d%n", k, v)));
        for (Map.Entry<String, Harness.Prepared> e : firstOfClass.entrySet()) {
            String k = e.getKey();
            Harness.Case c = e.getValue().c;
            Shrink.Result r = shrinkBudgetMillis > 0
                    ? new Shrink(dir.resolve("shrink"), k, shrinkBudgetMillis).run(c, firstFailure.get(k))
                    : new Shrink.Result(c, firstFailure.get(k), 0);
            StringBuilder sb = new StringBuilder();
            sb.append("---- failing case, class ").append(k).append(" (design seed ").append(c.stimSeed())
                    .append(", minimised in ").append(r.attempts()).append(" tries)\n");
            sb.append(r.failure().detail()).append('\n');
            sb.append(r.c().spec().describe("  "));
            Harness.Prepared p = Harness.prepare(r.c());
            if (p.design != null) {
                p.design.files().forEach((f, v) -> sb.append("// ").append(f).append('\n').append(v));
            }
            minimised.add(sb.toString());
            text.append(sb);
        }
        return new Report(n, byClass, failing, minimised, text.toString());
    }

    /** {@code Fuzz [N] [SEED] [DIR]}: prints FUZZ summary lines and the minimised failing cases; exit 1 if any. */
    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        long seed = args.length > 1 ? Long.parseLong(args[1]) : 1;
        Path dir = args.length > 2 ? Path.of(args[2]) : Files.createTempDirectory("hdl-fuzz");
        Report r = run(n, seed, dir, 120_000, System.out);
        System.out.print(r.text());
        System.out.println("fuzz work folder: " + dir);
        if (r.failingDesigns() > 0) {
            throw new IllegalStateException(r.failingDesigns() + " of " + n + " fuzz designs fail (cases above)");
        }
    }
}
