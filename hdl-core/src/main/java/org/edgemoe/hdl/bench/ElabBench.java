package org.edgemoe.hdl.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.edgemoe.hdl.core.Elaboration;
import org.edgemoe.hdl.emit.EmittedDesign;
import org.edgemoe.hdl.emit.VerilogEmitter;
import org.edgemoe.hdl.examples.SystolicArray;

/**
 * Elaboration + emission time of the standard benchmark design. Prints {@code BENCH <name> <value> s}:
 * cold = the first run in a fresh JVM (measured in a child process), warm = median of repeated runs.
 */
public final class ElabBench {
    private ElabBench() { }

    /** Elaborates and renders the N x N array once; returns seconds. */
    static double once(int n) {
        long t0 = System.nanoTime();
        EmittedDesign d = new VerilogEmitter().add(Elaboration.elaborate(() -> new SystolicArray(n)).topIR()).render();
        long t1 = System.nanoTime();
        if (d.files().isEmpty()) {
            throw new IllegalStateException("nothing emitted");
        }
        return (t1 - t0) / 1e9;
    }

    /** Elaborates, checks and renders a design of {@code n} registers once; returns seconds. */
    static double regs(int n) {
        long t0 = System.nanoTime();
        EmittedDesign d = new VerilogEmitter().add(Elaboration.elaborate(() -> new ManyRegisters(n)).topIR()).render();
        long t1 = System.nanoTime();
        if (d.files().isEmpty()) {
            throw new IllegalStateException("nothing emitted");
        }
        return (t1 - t0) / 1e9;
    }

    static double warm(int n, int runs) {
        once(n);
        List<Double> times = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            times.add(once(n));
        }
        Collections.sort(times);
        return times.get(times.size() / 2);
    }

    /** Runs the cold measurement in a new JVM, so that nothing of ours is loaded or compiled yet. */
    static double coldInChildJvm(int n) throws Exception {
        String java = System.getProperty("java.home") + "/bin/java";
        // hdl-core has no dependencies: its own classes are the whole classpath (also under mvn exec:java,
        // where java.class.path is Maven's launcher).
        String cp = Path.of(ElabBench.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        Process p = new ProcessBuilder(java, "-cp", cp, ElabBench.class.getName(), "--cold", String.valueOf(n))
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes()).trim();
        if (p.waitFor() != 0) {
            throw new IllegalStateException("cold run failed: " + out);
        }
        return Double.parseDouble(out.substring(out.lastIndexOf('\n') + 1).trim());
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 1 && args[0].equals("--regs100k")) {
            regs(10_000);
            print("elab.regs100k.s", regs(100_000));
            return;
        }
        if (args.length == 2 && args[0].equals("--cold")) {
            System.out.println(once(Integer.parseInt(args[1])));
            return;
        }
        print("elab.n16.cold", coldInChildJvm(16));
        // One shared warm-up so that every size is measured with the same JIT state.
        for (int i = 0; i < 5; i++) {
            once(16);
            once(32);
        }
        print("elab.n16.warm", warm(16, 9));
        print("elab.n32.warm", warm(32, 5));
        print("elab.n64.warm", warm(64, 3));
        // 100,000 registers: one run after a warm-up on a smaller one (a scale check, not a JIT race).
        regs(10_000);
        print("elab.regs100k.s", regs(100_000));
    }

    private static void print(String name, double seconds) {
        System.out.printf("BENCH %s %.4f s%n", name, seconds);
    }
}
