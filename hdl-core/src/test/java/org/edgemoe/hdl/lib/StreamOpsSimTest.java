package org.edgemoe.hdl.lib;

import static org.edgemoe.hdl.core.Hdl.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.edgemoe.hdl.core.Bool;
import org.edgemoe.hdl.core.UInt;
import org.edgemoe.hdl.lib.Stream;
import org.edgemoe.hdl.lib.StreamArbiter;
import org.edgemoe.hdl.lib.StreamJoin;
import org.edgemoe.hdl.testing.TestModule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Stream operators in Icarus under random valid/ready, against Java models: nothing lost, duplicated or reordered. */
public class StreamOpsSimTest {

    @TempDir Path tmp;

    static Stream<UInt> source(String name) {
        return slave(new Stream<>(UInt(8))).named(name);
    }

    static Stream<UInt> sink(String name) {
        return master(new Stream<>(UInt(8))).named(name);
    }

    /** in.map(+1).haltWhen(cond).s2mPipe().stage() */
    public static TestModule pipeline() {
        return new TestModule("StreamPipeline", () -> {
            Stream<UInt> in = source("in");
            Bool cond = in(Bool()).named("cond");
            Stream<UInt> out = sink("out");
            out.driveFrom(in.map(p -> p.plus(1)).haltWhen(cond).s2mPipe().stage());
        });
    }

    @Test void mapHaltWhenS2mPipeAndStageKeepEveryPayloadInOrder() {
        StreamTb tb = new StreamTb();
        tb.producers.add("in");
        tb.consumers.add("out");
        tb.extras.add("cond");
        tb.run(StreamOpsSimTest::pipeline, tmp);
        List<Integer> in = tb.of("i0");
        assertTrue(in.size() > 100, "enough transfers: " + in.size());
        assertTrue(tb.of("i0x").stream().allMatch(c -> c == 0), "no input transfer while halted");
        assertEquals(in.stream().map(x -> (x + 1) & 255).toList(), tb.of("o0"));
    }

    @Test void throwWhenDropsExactlyThePayloadsOfferedWhileTheConditionHolds() {
        StreamTb tb = new StreamTb();
        tb.producers.add("in");
        tb.consumers.add("out");
        tb.extras.add("cond");
        tb.run(() -> new TestModule("StreamThrow", () -> {
            Stream<UInt> in = source("in");
            Bool cond = in(Bool()).named("cond");
            sink("out").driveFrom(in.throwWhen(cond).queue(4));
        }), tmp);
        List<Integer> expected = new ArrayList<>();
        List<Integer> in = tb.of("i0");
        for (int k = 0; k < in.size(); k++) {
            if (tb.of("i0x").get(k) == 0) {
                expected.add(in.get(k));
            }
        }
        assertTrue(expected.size() > 50 && expected.size() < in.size(), "some kept, some thrown");
        assertEquals(expected, tb.of("o0"));
    }

    @Test void ramFifoKeepsOrderThroughFullAndEmptyAndStreamsAWordACycle() {
        for (int[] pct : new int[][] {{60, 60}, {95, 30}, {30, 95}, {100, 100}}) {
            StreamTb tb = new StreamTb();
            tb.producers.add("in");
            tb.consumers.add("out");
            tb.validPct = pct[0];
            tb.readyPct = pct[1];
            tb.run(() -> new TestModule("StreamRamFifoT", () -> {
                Stream<UInt> in = source("in");
                StreamRamFifo<UInt> f = instance(new StreamRamFifo<>(UInt(8), 8));
                f.push.driveFrom(in);
                sink("out").driveFrom(f.pop);
            }), tmp);
            List<Integer> in = tb.of("i0");
            assertTrue(in.size() > 100, "enough transfers: " + in.size());
            assertEquals(in, tb.of("o0"), "valid " + pct[0] + " %, ready " + pct[1] + " %");
            if (pct[0] == 100 && pct[1] == 100) {
                assertTrue(in.size() >= tb.cycles - 10, "a word a cycle: " + in.size() + " in " + tb.cycles);
            }
        }
    }

    @Test void forkDeliversEveryPayloadToEveryOutput() {
        StreamTb tb = new StreamTb();
        tb.producers.add("in");
        tb.consumers.add("a");
        tb.consumers.add("b");
        tb.run(() -> new TestModule("StreamFork", () -> {
            List<Stream<UInt>> f = source("in").fork(2);
            sink("a").driveFrom(f.get(0).stage());
            sink("b").driveFrom(f.get(1).s2mPipe());
        }), tmp);
        assertTrue(tb.of("i0").size() > 80);
        assertEquals(tb.of("i0"), tb.of("o0"));
        assertEquals(tb.of("i0"), tb.of("o1"));
    }

    @Test void joinCombinesPayloadsPairwise() {
        StreamTb tb = new StreamTb();
        tb.producers.add("a");
        tb.producers.add("b");
        tb.consumers.add("out");
        tb.run(() -> new TestModule("StreamJoinSum", () -> {
            Stream<UInt> a = source("a");
            Stream<UInt> b = source("b");
            sink("out").driveFrom(StreamJoin.with(a, b, UInt::plus));
        }), tmp);
        List<Integer> a = tb.of("i0");
        List<Integer> b = tb.of("i1");
        assertEquals(a.size(), b.size(), "a join consumes one of each");
        assertTrue(a.size() > 50);
        List<Integer> expected = new ArrayList<>();
        for (int k = 0; k < a.size(); k++) {
            expected.add((a.get(k) + b.get(k)) & 255);
        }
        assertEquals(expected, tb.of("o0"));
    }

    public static TestModule arbiter(StreamArbiter.Policy policy) {
        return new TestModule("Arbiter" + policy.name().replace("_", ""), () -> {
            Stream<UInt> out = StreamArbiter.on(policy, source("s0"), source("s1"), source("s2"));
            sink("out").driveFrom(out);
        });
    }

    static StreamTb arbiterTb(int validPct) {
        StreamTb tb = new StreamTb();
        tb.producers.add("s0");
        tb.producers.add("s1");
        tb.producers.add("s2");
        tb.consumers.add("out");
        tb.validPct = validPct;
        return tb;
    }

    /** Output split by source (payload / 64) equals each source's transfers, in order. */
    static void assertMerged(StreamTb tb) {
        List<Integer> out = tb.of("o0");
        int total = 0;
        for (int s = 0; s < 3; s++) {
            int src = s;
            total += tb.of("i" + s).size();
            assertEquals(tb.of("i" + s), out.stream().filter(x -> x / 64 == src).toList(), "source " + s);
        }
        assertEquals(total, out.size());
    }

    @Test void arbitersMergeRandomTrafficWithoutLossAndKeepTheOutputStable() {
        for (StreamArbiter.Policy p : StreamArbiter.Policy.values()) {
            StreamTb tb = arbiterTb(40);
            tb.run(() -> arbiter(p), tmp.resolve(p.name()));
            assertTrue(tb.of("o0").size() > 100, p + ": enough transfers");
            assertMerged(tb);
        }
    }

    @Test void roundRobinServesAlwaysValidInputsInTurn() {
        StreamTb tb = arbiterTb(100);
        tb.run(() -> arbiter(StreamArbiter.Policy.ROUND_ROBIN), tmp);
        List<Integer> out = tb.of("o0");
        assertTrue(out.size() > 100);
        for (int k = 0; k < out.size(); k++) {
            assertEquals(k % 3, out.get(k) / 64, "grant " + k);
        }
        assertMerged(tb);
    }

    @Test void lowestIndexFirstStarvesTheOthersWhenInputZeroIsAlwaysValid() {
        StreamTb tb = arbiterTb(100);
        tb.run(() -> arbiter(StreamArbiter.Policy.LOWEST_INDEX_FIRST), tmp);
        assertTrue(tb.of("o0").size() > 100);
        // Inputs 1 and 2 hold one payload each from the start; they are served only in the drain phase.
        List<Integer> sources = tb.of("o0").stream().map(x -> x / 64).toList();
        List<Integer> expected = new ArrayList<>(java.util.Collections.nCopies(sources.size() - 2, 0));
        expected.add(1);
        expected.add(2);
        assertEquals(expected, sources);
        assertMerged(tb);
    }
}
