package org.edgemoe.hdl.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.edgemoe.hdl.testing.Tool;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fixed-seed fuzz batch of {@code make test}: 200 random designs must agree everywhere (IR interpreter,
 * Icarus, Verilator) and pass lint and Yosys. A failure prints the minimised failing cases.
 * {@code make fuzz N=...} runs any number with other seeds.
 */
class FuzzTest {
    static final int DESIGNS = 200;
    static final long SEED = 1;

    @TempDir Path tmp;

    @Test void twoHundredRandomDesignsAgreeEverywhere() throws Exception {
        Tool.assumeVerilator();
        Tool.assumeIverilog();
        Tool.assumeYosys();
        Fuzz.Report r = Fuzz.run(DESIGNS, SEED, tmp, 60_000, System.out);
        assertEquals(DESIGNS, r.designs());
        assertTrue(r.failingDesigns() == 0, () -> r.failingDesigns() + " of " + DESIGNS + " designs fail:\n" + r.text());
    }

    @Test void generatorIsDeterministicAndCoversTheVocabulary() {
        java.util.Set<Node.Op> seen = java.util.EnumSet.noneOf(Node.Op.class);
        for (int i = 0; i < DESIGNS; i++) {
            Spec a = Gen.design(SEED * 1_000_000L + i);
            Spec b = Gen.design(SEED * 1_000_000L + i);
            assertEquals(a.describe(""), b.describe(""), "design " + i + " is reproducible");
            collect(a, seen);
        }
        java.util.Set<Node.Op> missing = java.util.EnumSet.complementOf(java.util.EnumSet.copyOf(seen));
        assertTrue(missing.isEmpty(), "operators never generated: " + missing);
    }

    private static void collect(Spec s, java.util.Set<Node.Op> seen) {
        for (Node root : Gen.allRoots(s)) {
            java.util.List<Node> ns = new java.util.ArrayList<>();
            root.collect(ns);
            ns.forEach(n -> seen.add(n.op()));
        }
        for (Spec.Item it : s.items()) {
            if (it instanceof Spec.Child c) {
                collect(c.spec(), seen);
            }
        }
    }
}
