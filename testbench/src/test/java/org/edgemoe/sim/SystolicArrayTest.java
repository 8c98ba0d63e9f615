package org.edgemoe.sim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.edgemoe.sim.bench.SplitMix64;
import org.junit.jupiter.api.Test;

/** The standard benchmark design against a Java matrix product. */
class SystolicArrayTest {
    private static final int N = 16;
    private static final int K = 32;
    private static final SimModel SYSTOLIC = ModelCompiler.compile(TestDesigns.systolic());

    @Test
    void productMatchesJavaWithRandomStalls() {
        Random random = new Random(11);
        byte[][] a = SystolicHarness.randomMatrix(random, N, K);
        byte[][] b = SystolicHarness.randomMatrix(random, K, N);
        int[][] expected = SystolicHarness.multiply(a, b);
        try (Sim sim = SYSTOLIC.open()) {
            sim.reset();
            SystolicHarness array = new SystolicHarness(sim, N);
            array.feed(a, b, 0, array.steps(K), new Random(5), 0.3);
            assertTrue2D(expected, array.readAll());
            assertEquals(SystolicHarness.xorAll(expected), array.checksum());
            assertNotEquals(0, SystolicHarness.xorAll(expected), "operands too trivial to prove anything");
        }
    }

    @Test
    void resetInTheMiddleOfWorkStartsClean() {
        Random random = new Random(12);
        byte[][] a1 = SystolicHarness.randomMatrix(random, N, K);
        byte[][] b1 = SystolicHarness.randomMatrix(random, K, N);
        byte[][] a2 = SystolicHarness.randomMatrix(random, N, K);
        byte[][] b2 = SystolicHarness.randomMatrix(random, K, N);
        try (Sim sim = SYSTOLIC.open()) {
            sim.reset();
            SystolicHarness array = new SystolicHarness(sim, N);
            array.feed(a1, b1, 0, 25, new Random(6), 0.2);
            assertNotEquals(0, array.checksum(), "work in flight before the reset");
            sim.reset();
            assertEquals(0, array.checksum());
            // Without clear on step 0 a leftover accumulator would show; reset must have zeroed all state.
            array.feed(a2, b2, 0, array.steps(K), new Random(7), 0.2);
            assertTrue2D(SystolicHarness.multiply(a2, b2), array.readAll());
        }
    }

    @Test
    void twoInstancesAndAnotherDesignRunInterleaved() {
        Random random = new Random(13);
        byte[][] a1 = SystolicHarness.randomMatrix(random, N, K);
        byte[][] b1 = SystolicHarness.randomMatrix(random, K, N);
        byte[][] a2 = SystolicHarness.randomMatrix(random, N, K);
        byte[][] b2 = SystolicHarness.randomMatrix(random, K, N);
        SimModel counterModel = ModelCompiler.compile(TestDesigns.counter());
        try (Sim first = SYSTOLIC.open(); Sim second = SYSTOLIC.open(); Sim counter = counterModel.open()) {
            first.reset();
            second.reset();
            counter.reset();
            counter.poke("io_en", 1);
            counter.poke("io_step", 1);
            SystolicHarness one = new SystolicHarness(first, N);
            SystolicHarness two = new SystolicHarness(second, N);
            int steps = one.steps(K);
            for (int s = 0; s < steps; s += 8) {
                one.feed(a1, b1, s, Math.min(steps, s + 8), null, 0);
                counter.step(8);
                two.feed(a2, b2, s, Math.min(steps, s + 8), null, 0);
            }
            assertTrue2D(SystolicHarness.multiply(a1, b1), one.readAll());
            assertTrue2D(SystolicHarness.multiply(a2, b2), two.readAll());
            assertEquals(counter.cycle() - Sim.DEFAULT_RESET_CYCLES, counter.peek("io_count"));
        }
    }

    @Test
    void batchedRunMatchesPerSignalRunCycleByCycle() {
        Random random = new Random(14);
        byte[][] a = SystolicHarness.randomMatrix(random, N, K);
        byte[][] b = SystolicHarness.randomMatrix(random, K, N);
        try (Sim perSignal = SYSTOLIC.open(); Sim batched = SYSTOLIC.open()) {
            perSignal.reset();
            batched.reset();
            SystolicHarness array = new SystolicHarness(perSignal, N);
            int steps = array.steps(K);
            List<Long> checksums = new ArrayList<>();
            BatchRun batch = batched.batch(
                List.of(batched.signal("io_en"), batched.signal("io_clear"), batched.signal("io_a_in"),
                    batched.signal("io_b_in")),
                List.of(batched.signal("io_checksum")), steps);
            for (int s = 0; s < steps; s++) {
                array.feed(a, b, s, s + 1, null, 0);
                checksums.add(perSignal.peek("io_checksum"));
                batch.set(s, 0, 1);
                batch.set(s, 1, s == 0 ? 1 : 0);
                for (int lane = 0; lane < N; lane++) {
                    int k = s - lane;
                    if (k < 0 || k >= K) continue;
                    batch.setWord(s, 2, lane / 8, batch.stimulusWord(s, 2, lane / 8) | (a[lane][k] & 0xFFL) << (8 * (lane % 8)));
                    batch.setWord(s, 3, lane / 8, batch.stimulusWord(s, 3, lane / 8) | (b[k][lane] & 0xFFL) << (8 * (lane % 8)));
                }
            }
            batch.run();
            for (int s = 0; s < steps; s++) assertEquals(checksums.get(s), batch.get(s, 0), "checksum after step " + s);
            assertEquals(SystolicHarness.xorAll(SystolicHarness.multiply(a, b)), (int) batch.get(steps - 1, 0));
            assertEquals(perSignal.cycle(), batched.cycle());
        }
    }

    @Test
    void cppRandomRunDigestEqualsJavaDrivenRun() {
        long seed = 42;
        int cycles = 500;
        try (Sim cpp = SYSTOLIC.open(); Sim java = SYSTOLIC.open()) {
            for (Sim sim : List.of(cpp, java)) {
                sim.reset();
                sim.poke("io_en", 1);
            }
            long expected = cpp.randomRun(List.of(cpp.signal("io_a_in"), cpp.signal("io_b_in")),
                List.of(cpp.signal("io_checksum")), cycles, seed);
            SplitMix64 rng = new SplitMix64(seed);
            SimSignal a = java.signal("io_a_in");
            SimSignal b = java.signal("io_b_in");
            SimSignal checksum = java.signal("io_checksum");
            long digest = 0;
            for (int c = 0; c < cycles; c++) {
                a.pokeWords(rng.next(), rng.next());
                b.pokeWords(rng.next(), rng.next());
                java.step();
                digest = SplitMix64.fold(digest, checksum.peek());
            }
            assertEquals(expected, digest);
        }
    }

    private static void assertTrue2D(int[][] expected, int[][] actual) {
        for (int i = 0; i < expected.length; i++) {
            assertArrayEquals(expected[i], actual[i], "row " + i + " of C");
        }
    }
}
