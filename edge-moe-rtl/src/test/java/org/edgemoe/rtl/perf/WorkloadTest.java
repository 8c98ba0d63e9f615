package org.edgemoe.rtl.perf;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import org.edgemoe.model.ModelShape;
import org.edgemoe.model.Routing;
import org.junit.jupiter.api.Test;

/** The workload against the budget's derived figures, and the lower bound's arithmetic. */
class WorkloadTest {
    private static long macs(List<Step> steps) {
        long m = 0;
        for (Step s : steps) {
            m += switch (s.unit()) {
                case COMPUTE, ATTENTION -> s.work();
                case ROUTER -> s.work() * ModelShape.EXPERTS;
                default -> 0;
            };
        }
        return m;
    }

    @Test
    void wholeImageMatchesTheBudget() {
        List<Step> w = Workload.m3vit(12, 129, null);
        assertEquals(782.7e6, macs(w), 0.1e6, "MACs per image (accelerator-budget.md)");
        long bytes = w.stream().mapToLong(Step::ddrBytes).sum();
        assertEquals(35.9e6, bytes, 0.5e6, "DDR bytes with every expert active");
    }

    @Test
    void expertsCostTheirTokensAndTheirWeightsOnce() {
        int[][] experts = new int[129][];
        for (int t = 0; t < 129; t++) {
            experts[t] = new int[] {3, t % 2 == 0 ? 5 : 9};
        }
        Routing[] r = new Routing[12];
        r[1] = new Routing(experts, new double[129][2]);
        List<Step> w = Workload.m3vit(2, 129, r);
        List<Step> e3 = w.stream().filter(s -> s.name().startsWith("l1.expert3.")).toList();
        assertEquals(2, e3.size());
        assertEquals(129L * 192 * 384, e3.get(0).work());
        assertEquals(65L * 192 * 384, w.stream().filter(s -> s.name().equals("l1.expert5.fc1")).findFirst().orElseThrow().work());
        assertEquals(6, w.stream().filter(s -> s.name().startsWith("l1.expert")).count(), "three active experts, two steps each");
        assertEquals(2L * (192 * 384 + 384), e3.get(0).ddrBytes());
    }

    @Test
    void lowerBoundTakesTheSlowerSideOfEachStep() {
        DdrParams ddr = DdrParams.zcu102(1);
        assertEquals(16.0, ddr.bytesPerCycle(), 1e-9, "one 128-bit port limits below the DDR's 45.5 B/cycle");
        assertEquals(17.06e9 * 0.8 / 300e6, DdrParams.zcu102(4).bytesPerCycle(), 1e-9);
        AccelShape shape = new AccelShape(16, 16, 16, 32, 16);
        List<Step> steps = List.of(new Step("a", Step.Unit.COMPUTE, 256 * 100, 16 * 10), new Step("b", Step.Unit.COMPUTE, 256, 16 * 50));
        List<LowerBound.Row> rows = LowerBound.rows(steps, shape, ddr);
        assertEquals(100, rows.get(0).cycles());
        assertFalse(rows.get(0).ddrBound());
        assertEquals(50, rows.get(1).cycles());
        assertTrue(rows.get(1).ddrBound());
        assertEquals(150, LowerBound.serialCycles(steps, shape, ddr), "per step the slower side, summed");
        // the floor: the compute unit's 101 cycles of work beat the DDR's 60, whatever overlaps
        assertEquals(101, LowerBound.cycles(steps, shape, ddr));
        List<Step> ddrHeavy = List.of(new Step("c", Step.Unit.COMPUTE, 256 * 10, 16 * 80), new Step("d", Step.Unit.ATTENTION, 512 * 30, 0));
        assertEquals(80, LowerBound.cycles(ddrHeavy, shape, ddr), "the DDR's 80 over the units' 10 and 30");
    }
}
