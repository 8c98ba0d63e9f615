package org.edgemoe.rtl.perf;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import org.edgemoe.model.ModelShape;
import org.edgemoe.rtl.perf.Op.Kind;
import org.edgemoe.rtl.top.AcceleratorConfig;
import org.junit.jupiter.api.Test;

/** The cycle model against the RTL figures measured block by block (docs/blocks), and its consistency with the lower bound. */
class CycleModelTest {
    static final AccelShape CU16 = new AccelShape(16, 16, 8, 64, 16);
    /** The RTL benches' weight source: one 128-bit beat a cycle, no latency. */
    static final DdrParams JAVA_DDR = new DdrParams(17.06, 0.8, 1, 16, 0, 300);

    @Test
    void linearLayersAsTheEngineBenchMeasuresThem() {
        CycleModel m = new CycleModel(CU16, JAVA_DDR);
        // EngineBench / cu.util: QKV, FC1, FC2 at 129 tokens, an expert's FC1 at 17 tokens (weights never the limit there)
        assertEquals(55_782, m.linear(192, 576, 129, 0).cycles());
        assertEquals(74_358, m.linear(192, 768, 129, 0).cycles());
        assertEquals(74_358, m.linear(768, 192, 129, 0).cycles());
        assertEquals(4_950, m.linear(192, 384, 17, 0).cycles());
        // the same expert with its 148 KB of weights on one 16 B/cycle port: DDR-bound, 288 tiles of 32.2 cycles
        CycleModel.Row e = m.linear(192, 384, 17, Op.linearWeightBytes(192, 384));
        assertTrue(e.ddrBound());
        assertEquals(9_264 + 54, e.cycles());
        // a 32 x 32 array halves the tiles' count twice and doubles the fill
        CycleModel m32 = new CycleModel(new AccelShape(32, 32, 8, 64, 32), JAVA_DDR);
        assertEquals(6L * 24 * 129 + 102, m32.linear(192, 768, 129, 0).cycles());
    }

    @Test
    void attentionAsTheEngineBenchMeasuresIt() {
        int[] p = {4, 8, 16, 32};
        long[] measured = {28_114, 14_674, 7_954, 4_690};
        for (int i = 0; i < p.length; i++) {
            CycleModel m = new CycleModel(new AccelShape(16, 16, p[i], 64, 16), JAVA_DDR);
            long c = m.attention(129, 3, 64);
            assertEquals(measured[i], c, 3, "attn.cycles.layer.p" + p[i]);
        }
        // half-row beats: two beats a row, so twice the cycles per block, and the stagger hides more of the wait
        CycleModel half = new CycleModel(new AccelShape(16, 16, 8, 32, 16), JAVA_DDR);
        assertTrue(half.attention(129, 3, 64) > 2 * 14_000);
    }

    @Test
    void layerZeroFromDecodedCommands() {
        // CommandDispatcherTest: LN1, QKV, ATTENTION (3 heads), proj, LN2, FC1, FC2 on the 16 x 16 dsp18 array with
        // attention P = 8 x 64, weights from a Java DDR at one beat a cycle: 241,258 cycles
        List<Op> layer = ImageOps.m3vit(1, 129, null).subList(1, 8);
        assertEquals(List.of(Kind.LAYERNORM, Kind.LINEAR, Kind.ATTENTION, Kind.LINEAR, Kind.LAYERNORM, Kind.LINEAR, Kind.LINEAR),
                layer.stream().map(Op::kind).toList());
        // (that dispatcher started every command when the one before had ended: no LINEAR taken early, no prefetcher)
        long c = new CycleModel(CU16, JAVA_DDR, CycleModel.Timing.measured().withLinearEarly(false).withExpertFifo(0)).cycles(layer);
        assertEquals(241_258, c, 241_258 * 0.001, "within 0.1 % of the RTL");
    }

    @Test
    void embeddingAsTheBenchMeasuresIt() {
        Op embed = ImageOps.m3vit(0, 129, null).get(0);
        // embed.streamer_cycles 6,190 + embed.linear_cycles 73,784 = 79,974, measured with the image on an input port of
        // its own while pos_embed (99 KB at 16 B/cycle, 6,192 cycles) loaded on the weight port
        CycleModel own = new CycleModel(CU16, JAVA_DDR, CycleModel.Timing.measured().withImageOnWeightPorts(false));
        assertEquals(79_974, own.row(embed).cycles(), 5);
        // since the image comes through the weight ports behind pos_embed: 6,192 more on one port, 3,096 more on two
        assertEquals(79_974 + 6_192, new CycleModel(CU16, JAVA_DDR).row(embed).cycles(), 5);
        assertEquals(79_974 + 3_096, new CycleModel(CU16, new DdrParams(17.06, 0.8, 2, 16, 0, 300)).row(embed).cycles(), 5);
    }

    @Test
    void theModelNeverBeatsTheLowerBoundAndMorePortsHelpTheExperts() {
        for (AccelShape s : List.of(CU16, new AccelShape(32, 32, 16, 64, 32), new AccelShape(8, 8, 4, 64, 8))) {
            for (int ports : new int[] {1, 2, 4}) {
                DdrParams d = DdrParams.zcu102(ports);
                List<Op> ops = ImageOps.m3vit(ModelShape.LAYERS, ModelShape.TOKENS, null);
                long model = new CycleModel(s, d).cycles(ops);
                long bound = LowerBound.cycles(Workload.m3vit(ModelShape.LAYERS, ModelShape.TOKENS, null), s, d);
                assertTrue(model >= bound, s + " " + ports + " ports: model " + model + " < bound " + bound);
                assertTrue(model < 1.6 * bound, s + " " + ports + " ports: model " + model + " far above the bound " + bound);
            }
        }
        List<Op> moe = ImageOps.m3vit(2, 129, null).subList(13, 15);
        assertEquals(Kind.EXPERTS, moe.get(1).kind());
        long one = new CycleModel(CU16, DdrParams.zcu102(1)).cycles(moe);
        long two = new CycleModel(CU16, DdrParams.zcu102(2)).cycles(moe);
        assertTrue(two < 0.7 * one, "the experts are DDR-bound on one port: " + one + " -> " + two);
        // without prefetch every weight-reading command waits the read latency
        List<Op> ops = ImageOps.m3vit(2, 129, null);
        // (without the expert buffer, whose fill the latencies would move)
        long pre = new CycleModel(CU16, DdrParams.zcu102(1), CycleModel.Timing.measured().withExpertFifo(0).withPrefetch(true)).cycles(ops);
        long noPre = new CycleModel(CU16, DdrParams.zcu102(1), CycleModel.Timing.measured().withExpertFifo(0)).cycles(ops);
        // (LINEARs after the first weighted command are taken early either way: their latency is hidden)
        long weighted = ops.stream().filter(o -> o.weightBytes() > 0 && o.kind() != Kind.LINEAR).count();
        assertEquals((weighted - 1) * 45, noPre - pre);
        // taking a LINEAR early hides its latency and its first tile's 16 rows
        long linears = ops.stream().filter(o -> o.kind() == Kind.LINEAR).count();
        CycleModel lateModel = new CycleModel(CU16, DdrParams.zcu102(1), CycleModel.Timing.measured().withExpertFifo(0).withLinearEarly(false));
        long late = lateModel.cycles(ops);
        // and an ATTENTION taken early overlaps the tail of its QKV linear (the V of heads 1 and 2)
        List<CycleModel.Row> early = new CycleModel(CU16, DdrParams.zcu102(1), CycleModel.Timing.measured().withExpertFifo(0)).rows(ops);
        List<CycleModel.Row> lateRows = lateModel.rows(ops);
        long overlap = 0;
        for (int i = 0; i + 1 < ops.size(); i++) {
            if (ops.get(i).kind() == Kind.LINEAR && ops.get(i + 1).kind() == Kind.ATTENTION) {
                long o = lateRows.get(i).cycles() - early.get(i).cycles() - (45 + 16);
                assertTrue(o > 0.15 * early.get(i).cycles(), "the QKV linear " + i + " overlapped by " + o);
                // (less what its attention waits for V: on 16 x 16 heads 1 and 2 wait for their V tiles)
                long waits = early.get(i + 1).cycles() - lateRows.get(i + 1).cycles();
                assertTrue(waits >= 0 && waits < o, "attention " + (i + 1) + " waits " + waits + " of the " + o + " overlapped");
                overlap += o - waits;
            }
        }
        assertEquals(linears * (45 + 16) + overlap, late - noPre);
    }

    @Test
    void anExpertFifoHelpsOnlyWhereTheArrayOutrunsTheDdrAndNeverBeatsTheIntake() {
        List<Op> ops = ImageOps.m3vit(ModelShape.LAYERS, ModelShape.TOKENS, null);
        AccelShape cu32 = new AccelShape(32, 32, 8, 64, 32, 4);
        DdrParams three = DdrParams.zcu102(3);
        long none = new CycleModel(cu32, three, CycleModel.Timing.measured().withExpertFifo(0)).cycles(ops);
        assertEquals(new CycleModel(cu32, three, CycleModel.Timing.measured().withExpertFifo(AcceleratorConfig.DEFAULT_EXPERT_BUFFER)).cycles(ops),
                new CycleModel(cu32, three).cycles(ops), "the built expert buffer is the model's default");
        long before = none;
        for (long kb : new long[] {256, 512, 1024, 1400, 4096, 1 << 20}) {
            long c = new CycleModel(cu32, three, CycleModel.Timing.measured().withExpertFifo(kb * 1024)).cycles(ops);
            // (a larger buffer keeps the prefetcher reading longer, its bursts delaying the LayerNorms' small reads a little)
            assertTrue(c <= before * 1.01, kb + " KB: " + c + " > " + before + " with a smaller FIFO");
            before = c;
        }
        // a FIFO larger than any layer's experts: the expert loop at the array's intake, as if the DDR were endless
        DdrParams endless = new DdrParams(1e6, 0.8, 64, 1 << 20, 45, 300);
        long intake = new CycleModel(cu32, endless).cycles(ops.stream().filter(o -> o.kind() == Kind.EXPERTS).toList());
        long fifoExperts = new CycleModel(cu32, three, CycleModel.Timing.measured().withExpertFifo(1L << 30)).rows(ops).stream()
                .filter(r -> r.op().kind() == Kind.EXPERTS).mapToLong(CycleModel.Row::cycles).sum();
        assertTrue(fifoExperts >= intake * 0.99, "the FIFO cannot beat the array's intake: " + fifoExperts + " < " + intake);
        assertTrue(before < 0.92 * none, "32 x 32: the experts' DDR time moves under the dense commands: " + none + " -> " + before);
        // 16 x 16 on two ports: the array takes 32 B a cycle, what the ports give; the FIFO saves almost nothing
        long cu16 = new CycleModel(CU16, DdrParams.zcu102(2), CycleModel.Timing.measured().withExpertFifo(0)).cycles(ops);
        long cu16Fifo = new CycleModel(CU16, DdrParams.zcu102(2), CycleModel.Timing.measured().withExpertFifo(1400 * 1024)).cycles(ops);
        // (its bursts delay the LayerNorms' reads a little: within 1 % either way)
        assertTrue(Math.abs(cu16Fifo - cu16) < 0.01 * cu16, cu16 + " -> " + cu16Fifo);
    }

    @Test
    void theDdrTimeAnEarlyLinearUsesIsNotTheExpertFifosAsWell() {
        // the layer pair's ops up to EXPERTS on 32 x 32 at 2.13 GB/s: the commands' idle DDR time is far less than the
        // experts' 4.7 MB, so the FIFO (as large as the layer) takes all of it, less what the early LINEARs read ahead
        List<Op> ops = ImageOps.m3vit(2, 129, null).subList(0, 15);
        assertEquals(Kind.EXPERTS, ops.get(14).kind());
        AccelShape cu32 = new AccelShape(32, 32, 8, 64, 32, 4);
        DdrParams slow = new DdrParams(2.13, 0.8, 3, 16, 45, 300);
        CycleModel m = new CycleModel(cu32, slow, CycleModel.Timing.measured().withExpertFifo(1L << 30));
        List<CycleModel.Row> rows = m.rows(ops);
        double idle = 0;
        double ahead = 0;
        double lastIdle = 0;
        for (int i = 0; i < 14; i++) {
            Op op = ops.get(i);
            if (op.kind() == Kind.LINEAR && i > 0) {
                ahead += Math.floor(Math.min(Math.min(CycleModel.Timing.measured().earlyBytes(m.busBytes()), op.weightBytes()), lastIdle));
            }
            lastIdle = Math.max(0, rows.get(i).cycles() * m.rate() - op.ddrBytes());
            idle += lastIdle;
        }
        Op experts = ops.get(14);
        assertTrue(idle - ahead < experts.activeExpertBytes(), "the idle time is the limit here: " + idle);
        assertTrue(ahead > 10_000, "the early LINEARs read ahead: " + ahead);
        long expected = (long) Math.ceil((experts.activeExpertBytes() - (idle - ahead)) / m.rate());
        assertEquals(expected, rows.get(14).ddrCycles(), 2, "the experts' bytes left for the DDR");
    }

    @Test
    void opsCarryTheWorkloadsBytes() {
        List<Op> ops = ImageOps.m3vit(12, 129, null);
        List<Step> steps = Workload.m3vit(12, 129, null);
        assertEquals(steps.stream().mapToLong(Step::ddrBytes).sum(), ops.stream().mapToLong(Op::ddrBytes).sum());
        assertThrows(IllegalArgumentException.class, () -> ImageOps.m3vit(1, 1, null));
    }
}
