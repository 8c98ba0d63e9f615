package org.edgemoe.rtl.perf;

import java.util.ArrayList;
import java.util.List;

/**
 * The accelerator's analytical cycle model: per command ({@link Op}), the cycles its unit needs at the RTL's measured
 * schedule, the cycles its DDR bytes need at the port's rate, how they combine, and the fixed costs around them;
 * commands run one after the other (the dispatcher starts a command when every unit is idle). Each formula is the
 * block's own schedule (docs/blocks), each constant a measured figure ({@link Timing}):
 * <ul>
 *   <li>LINEAR: output tile outer, input tile inner, {@code ceil(K/R) x ceil(N/C)} weight tiles; a tile takes
 *       {@code max(T, (T + C) / 2)} cycles (T tokens stream through it; the ping-pong bank is free C cycles after its
 *       last token, so fewer than C tokens leave gaps, docs/blocks/compute-unit.md) or its weight bytes at the weight
 *       port's rate, whichever is longer; plus the array fill {@code 2R + C + 6}.</li>
 *   <li>ATTENTION: per head, blocks of P queries; a block is {@code 2 (T + nq - 1) headDim / L} cycles (the stagger,
 *       both phases) plus the wait for lane 0's softmax statistics that the stagger does not hide,
 *       {@code max(0, S - (nq - 1) headDim / L)}.</li>
 *   <li>LAYERNORM: {@code T D / lanes} plus the unit's latency, after its gamma / beta fetch.</li>
 *   <li>GATE: {@code gateLanes} gate elements a cycle, {@code T ceil(D / gateLanes)}, plus the post-processing latency of
 *       the last token (the per-token softmax and top-k overlap the next token's beats up to four lanes at E = 16:
 *       router.lanes4.cycles_per_token 48.3).</li>
 *   <li>EXPERTS: per active expert, its token list, FC1's weight latency, then FC1 (D -> hidden) and FC2 (hidden -> D)
 *       over its own tokens as LINEAR (FC2's weights stream and its fill overlaps while FC1 runs), then RES += SEC.</li>
 *   <li>EMBED: pos_embed, then the image through the pixel streamer (at the weight ports' rate, a word a cycle at
 *       most), then the patch linear. STORE: the features at the output port's rate.</li>
 * </ul>
 * The DDR rate of the weights is {@link DdrParams#bytesPerCycle()} (the ports' total or the DDR's sustained rate,
 * whichever is lower); without {@link Timing#prefetch} each weight-reading command also waits the read latency
 * (the first always does).
 */
public final class CycleModel {
    /** Changes with every change of the model's formulas (stored results of an older model are not reused). */
    public static final int VERSION = 9;

    /**
     * Measured constants. {@code dispatch}: cycles between commands (CommandDispatcherTest, layer 0 from decoded
     * commands: 241,258 cycles against 241,066 for its seven commands' unit figures, 27 a command); {@code cuFillExtra}:
     * the compute unit's fill beyond R + C (EngineBench: tiles x T + 54 at 16 x 16 on every shape, 54 = 2R + C + 6);
     * {@code lnLatency} 36 (ln.latency); {@code attnStatsWait} 23 and {@code attnHeadExtra} 2.3 (fitted on
     * attn.cycles.layer.p4/p8/p16/p32 = 28,114 / 14,674 / 7,954 / 4,690: the fit reproduces all four within 2 cycles);
     * {@code gateLatency} 41 (moe-router.md: 24,809 cycles for 129 tokens of 192 elements); {@code streamerLatency}
     * 46 (embed.streamer_cycles 6,190 for 6,144 words); {@code expertSwitch} 11: the expert loop's header, wait and
     * fetch states between experts (fitted on the full-system simulation of layer 1: EMBED + layers 0-1 + STORE within
     * 10 cycles of 747,689, and 0.02 % at a 200-cycle read latency); {@code prefetch}: the next command's weight requests are issued while the
     * current one computes, hiding the read latency. EdgeMoeAccelerator does not (its dispatcher starts a command when
     * every unit is idle and every fetch delivered), so {@link #measured()} has it off; {@code linearEarly}: a LINEAR
     * is taken while the previous command runs, its weights requested at once (their read latency and its first
     * tile's R rows hidden), which EdgeMoeAccelerator does (b284551), and with it an ATTENTION taken beside its QKV
     * linear ({@link #attentionOverlap}); {@code imageOnWeightPorts}: the input image is
     * read through the weight ports' transfer queue, behind pos_embed (5d08b00), instead of on a port of its own;
     * {@code earlyBase + earlyPerBusByte x bus bytes}: the weight bytes such an early LINEAR has read while the command
     * before ran, as far as that command left the DDR idle (the weight path's queues and the array's shadow bank fill up:
     * measured in the full-system command trace as the bytes read under ATTENTION and LAYERNORM, 9,420 a command on the
     * 16 x 16 array's 32-byte bus, 16,800 on the 32 x 32 array's 64-byte one, 2026-12-03; a line through the two);
     * {@code expertFifoBytes}: the expert buffer ({@link org.edgemoe.rtl.top.ExpertPrefetcher}, the built
     * {@link org.edgemoe.rtl.top.AcceleratorConfig#DEFAULT_EXPERT_BUFFER} in {@link #measured()}; 0: none), which the
     * weight ports fill with the next EXPERTS command's weights, in expert order and inactive experts included (the
     * routing is not known yet), with the DDR time the commands before it leave unused; the expert loop then takes the
     * prefetched experts at the array's intake rate (at most a weight-bus word a cycle) while the rest (active experts
     * only) streams in from the DDR (see {@link #rows}). A QKV linear followed by its ATTENTION is shortened by the part the attention overlaps
     * ({@link #attentionOverlap}).
     */
    public record Timing(int dispatch, int cuFillExtra, int lnLatency, double attnStatsWait, double attnHeadExtra, int gateLatency,
                         int streamerLatency, int expertSwitch, int mergeLatency, int writeLatency, boolean prefetch, boolean linearEarly,
                         boolean imageOnWeightPorts, double earlyBase, double earlyPerBusByte, long expertFifoBytes) {
        public static Timing measured() {
            return new Timing(27, 6, 36, 23, 2.3, 41, 46, 11, 8, 20, false, true, true, 2044, 230.5,
                    org.edgemoe.rtl.top.AcceleratorConfig.DEFAULT_EXPERT_BUFFER);
        }

        /** Weight bytes a LINEAR taken early has read before it begins, on a weight bus of {@code busBytes} a beat. */
        public double earlyBytes(int busBytes) {
            return earlyBase + earlyPerBusByte * busBytes;
        }

        public Timing withExpertFifo(long bytes) {
            return new Timing(dispatch, cuFillExtra, lnLatency, attnStatsWait, attnHeadExtra, gateLatency, streamerLatency, expertSwitch,
                    mergeLatency, writeLatency, prefetch, linearEarly, imageOnWeightPorts, earlyBase, earlyPerBusByte, bytes);
        }

        public Timing withPrefetch(boolean on) {
            return new Timing(dispatch, cuFillExtra, lnLatency, attnStatsWait, attnHeadExtra, gateLatency, streamerLatency, expertSwitch,
                    mergeLatency, writeLatency, on, linearEarly, imageOnWeightPorts, earlyBase, earlyPerBusByte, expertFifoBytes);
        }

        public Timing withLinearEarly(boolean on) {
            return new Timing(dispatch, cuFillExtra, lnLatency, attnStatsWait, attnHeadExtra, gateLatency, streamerLatency, expertSwitch,
                    mergeLatency, writeLatency, prefetch, on, imageOnWeightPorts, earlyBase, earlyPerBusByte, expertFifoBytes);
        }

        public Timing withImageOnWeightPorts(boolean on) {
            return new Timing(dispatch, cuFillExtra, lnLatency, attnStatsWait, attnHeadExtra, gateLatency, streamerLatency, expertSwitch,
                    mergeLatency, writeLatency, prefetch, linearEarly, on, earlyBase, earlyPerBusByte, expertFifoBytes);
        }
    }

    /** A command's modelled cycles; {@code unitCycles} its unit's busy time, {@code ddrCycles} its DDR bytes at the rate. */
    public record Row(Op op, long cycles, long unitCycles, long ddrCycles) {
        public boolean ddrBound() {
            return ddrCycles > unitCycles;
        }
    }

    private final AccelShape shape;
    private final DdrParams ddr;
    private final Timing timing;

    public CycleModel(AccelShape shape, DdrParams ddr, Timing timing) {
        this.shape = shape;
        this.ddr = ddr;
        this.timing = timing;
    }

    public CycleModel(AccelShape shape, DdrParams ddr) {
        this(shape, ddr, Timing.measured());
    }

    /**
     * The program's commands, one row each. With {@link Timing#expertFifoBytes} the bytes the weight ports could have
     * moved beside each command since the last EXPERTS (its cycles at the weight rate less its own DDR bytes) fill the
     * FIFO, up to its size, for the next EXPERTS command ({@link #prefetchedExperts}).
     */
    public List<Row> rows(List<Op> ops) {
        List<Row> out = new ArrayList<>();
        boolean first = true;
        double spare = 0;
        double prevIdle = 0;
        long qkvTail = 0;
        boolean prevDdrBound = false;
        for (int i = 0; i < ops.size(); i++) {
            Op op = ops.get(i);
            Op next = i + 1 < ops.size() ? ops.get(i + 1) : null;
            boolean fifo = timing.expertFifoBytes() > 0 && op.kind() == Op.Kind.EXPERTS;
            // EMBED counts its own latency (two loads in parallel); a LINEAR taken early (linearEarly) has its weights
            // requested while the previous command runs: their latency and its first tile's rows are hidden behind it,
            // and the bytes its queues took while that command left the DDR idle are read already
            boolean early = timing.linearEarly() && op.kind() == Op.Kind.LINEAR && !first;
            Row r;
            if (fifo) {
                r = prefetchedExperts(op, (long) Math.min(spare, timing.expertFifoBytes()));
            } else if (early) {
                long ahead = (long) Math.min(Math.min(timing.earlyBytes(busBytes()), op.weightBytes()), prevIdle);
                r = linear(op.in(), op.out(), op.tokens(), op.weightBytes() - ahead);
                spare = Math.max(0, spare - ahead);         // that idle DDR time is not the expert FIFO's any more
            } else {
                r = row(op);
            }
            long latency = op.weightBytes() > 0 && op.kind() != Op.Kind.EMBED && !early && (first || !timing.prefetch()) ? ddr.readLatencyCycles() : 0;
            long hidden = early ? shape.cuRows() : 0;
            if (op.weightBytes() > 0) {
                first = false;
            }
            long tail = attentionOverlap(op, next, r);
            // while the expert buffer fills, a command's first weight read waits behind the prefetcher's bursts in flight
            boolean filling = timing.expertFifoBytes() > 0 && spare < timing.expertFifoBytes() && !fifo;
            long behind = filling && (op.kind() == Op.Kind.LAYERNORM || op.kind() == Op.Kind.GATE) ? prefetchWait(prevDdrBound) : 0;
            long cycles = r.cycles() + latency + timing.dispatch() - hidden - tail + behind;
            if (op.kind() == Op.Kind.ATTENTION && qkvTail > 0) {
                cycles += gatedAttention(op, qkvTail) - r.cycles();
            }
            qkvTail = tail;
            prevDdrBound = r.ddrBound();
            out.add(new Row(op, cycles, r.unitCycles(), r.ddrCycles()));
            double idle = Math.max(0, cycles * rate() - op.ddrBytes());
            spare = fifo ? 0 : spare + idle;
            prevIdle = idle;
        }
        return out;
    }

    /**
     * The wait of a weight read behind the expert prefetcher's bursts in flight on its port at the port's share of the
     * DDR: {@link org.edgemoe.rtl.top.EdgeMoeAccelerator#PREFETCH_OUTSTANDING} bursts of
     * {@link org.edgemoe.rtl.top.EdgeMoeAccelerator#PREFETCH_BURST} beats, or one when the command before was DDR-bound
     * (the weight path held the ports until then, so the prefetcher has had only the gap before this read: about one
     * burst, an estimate fitted on the validation points).
     */
    long prefetchWait(boolean afterDdrBound) {
        int bursts = afterDdrBound ? 1 : org.edgemoe.rtl.top.EdgeMoeAccelerator.PREFETCH_OUTSTANDING;
        double beats = bursts * org.edgemoe.rtl.top.EdgeMoeAccelerator.PREFETCH_BURST;
        return (long) Math.ceil(beats * ddr.portBytesPerCycle() / (rate() / ddr.ports()));
    }

    /**
     * The cycles of a QKV linear that its ATTENTION overlaps: the attention is taken while the linear runs and its first
     * head starts once head 0's V is written (Q, K, then V, output tile by output tile), so the linear's remaining V
     * tiles, (D - headDim) of its 3 D outputs, run beside the attention ({@link #gatedAttention}).
     */
    long attentionOverlap(Op op, Op next, Row r) {
        if (!timing.linearEarly() || op.kind() != Op.Kind.LINEAR || next == null || next.kind() != Op.Kind.ATTENTION || op.out() % 3 != 0) {
            return 0;
        }
        int d = op.out() / 3;
        int headDim = next.in() / Math.max(1, next.count());
        long tail = r.unitCycles() * (d - headDim) / op.out();
        // never below the linear's own DDR time (a DDR-bound linear's tail is its weights still streaming in)
        return Math.max(0, Math.min(tail, r.cycles() - r.ddrCycles()));
    }

    /**
     * An ATTENTION beside the last {@code tail} cycles of its QKV linear: head h starts when head h - 1 is done and its
     * V is written, {@code tail x h / (H - 1)} cycles after head 0 began (V's remaining output tiles, in head order).
     */
    long gatedAttention(Op op, long tail) {
        int heads = Math.max(1, op.count());
        double perHead = attention(op.tokens(), op.count(), op.in() / heads) / (double) heads;
        double t = 0;
        for (int h = 0; h < heads; h++) {
            double ready = heads == 1 ? 0 : tail * (double) h / (heads - 1);
            t = Math.max(t, ready) + perHead;
        }
        return (long) Math.ceil(t);
    }

    public long cycles(List<Op> ops) {
        return rows(ops).stream().mapToLong(Row::cycles).sum();
    }

    public double ms(List<Op> ops) {
        return cycles(ops) * ddr.msPerCycle();
    }

    /** The weight bus's bytes a beat: a port's times the next power of two of the weight ports (StripedReadMaster). */
    int busBytes() {
        return ddr.portBytesPerCycle() * Integer.highestOneBit(Math.max(1, 2 * ddr.ports() - 1));
    }

    /** Weight bytes per cycle. */
    double rate() {
        return ddr.bytesPerCycle();
    }

    /** One port's bytes per cycle (the input image, the output features), within the DDR's sustained rate. */
    double portRate() {
        return Math.min(ddr.portBytesPerCycle(), sharedRate());
    }

    /** The DDR's sustained bytes per cycle, shared by every port. */
    double sharedRate() {
        return ddr.peakGBps() * 1e9 * ddr.sustainedFraction() / (ddr.clockMHz() * 1e6);
    }

    Row row(Op op) {
        return switch (op.kind()) {
            case LINEAR -> linear(op.in(), op.out(), op.tokens(), op.weightBytes());
            case LAYERNORM -> {
                long unit = (long) op.tokens() * ceilDiv(op.in(), shape.lnLanes()) + timing.lnLatency();
                long fetch = (long) Math.ceil(op.weightBytes() / rate());
                yield new Row(op, unit + fetch, unit, fetch);
            }
            case ATTENTION -> {
                long unit = attention(op.tokens(), op.count(), op.in() / Math.max(1, op.count()));
                yield new Row(op, unit, unit, 0);
            }
            case GATE -> {
                long unit = (long) op.tokens() * ((op.in() + shape.gateLanes() - 1) / shape.gateLanes()) + timing.gateLatency();
                long fetch = (long) Math.ceil(op.weightBytes() / rate());
                yield new Row(op, unit + fetch, unit, fetch);
            }
            case EXPERTS -> experts(op);
            case EMBED -> {
                int patches = op.tokens() - 1;
                // the pixel streamer moves one patch row of at most 16 pixels a cycle (wider words stack patch rows)
                long words = (long) patches * ceilDiv(op.in(), Math.min(shape.cuRows(), org.edgemoe.model.ModelShape.PATCH));
                long streamer = Math.max(words, (long) Math.ceil(op.readBytes() / portRate())) + timing.streamerLatency();
                Row lin = linear(op.in(), op.out(), patches, Op.linearWeightBytes(op.in(), op.out()));
                // pos_embed on the weight port and the image on the input port load together, then the patch linear
                long posBytes = op.weightBytes() - Op.linearWeightBytes(op.in(), op.out());
                long loads;
                if (timing.imageOnWeightPorts()) {
                    // pos_embed, then the image behind it in the same transfer queue of the weight ports
                    long streamed = Math.max(words, (long) Math.ceil(op.readBytes() / rate())) + timing.streamerLatency();
                    loads = (long) Math.ceil(posBytes / rate()) + streamed;
                } else {
                    // pos_embed on the weight port and the image on an input port of its own load at once, sharing the DDR
                    long pos = (long) Math.ceil(posBytes / rate()) + ddr.readLatencyCycles();
                    long both = (long) Math.ceil((posBytes + op.readBytes()) / sharedRate()) + ddr.readLatencyCycles();
                    loads = Math.max(Math.max(streamer, pos), both);
                }
                yield new Row(op, loads + lin.cycles(), streamer + lin.unitCycles(), (long) Math.ceil(op.ddrBytes() / rate()));
            }
            case STORE -> {
                long d = (long) Math.ceil(op.writeBytes() / portRate());
                yield new Row(op, d + timing.writeLatency(), 0, d);
            }
        };
    }

    /** A linear layer: weight tiles, each the longer of its tokens' time and its weights' time, plus the fill. */
    Row linear(int in, int out, int tokens, long weightBytes) {
        return linear(in, out, tokens, weightBytes, rate());
    }

    /** As {@link #linear(int, int, int, long)} with the weights arriving at {@code weightRate} bytes a cycle. */
    Row linear(int in, int out, int tokens, long weightBytes, double weightRate) {
        int r = shape.cuRows();
        int c = shape.cuCols();
        long tiles = (long) ceilDiv(in, r) * ceilDiv(out, c);
        double tileCompute = Math.max(tokens, (tokens + c) / 2.0);
        // the weights stream into the array one row of C 16-bit weights a cycle at most
        double tileDdr = weightBytes / Math.min(weightRate, 2.0 * c) / tiles;
        long fill = 2L * r + c + timing.cuFillExtra();
        long cycles = (long) Math.ceil(tiles * Math.max(tileCompute, tileDdr)) + fill;
        return new Row(null, cycles, (long) Math.ceil(tiles * tileCompute), (long) Math.ceil(weightBytes / rate()));
    }

    /** One ATTENTION command: {@code heads} heads of {@code tokens} tokens, {@code headDim} values a row. */
    long attention(int tokens, int heads, int headDim) {
        int p = shape.attnLanes();
        int parts = ceilDiv(headDim, shape.attnBeat());
        double perHead = timing.attnHeadExtra();
        for (int base = 0; base < tokens; base += p) {
            int nq = Math.min(p, tokens - base);
            perHead += 2.0 * (tokens + nq - 1) * parts + Math.max(0, timing.attnStatsWait() - (nq - 1) * parts);
        }
        return (long) Math.ceil(heads * perHead);
    }

    private Row experts(Op op) {
        long cycles = 0;
        long unit = 0;
        long ddrC = 0;
        for (int n : op.expertTokens()) {
            if (n == 0) {
                continue;
            }
            Row e = expert(op, n, rate(), ddr.readLatencyCycles());
            cycles += e.cycles();
            unit += e.unitCycles();
            ddrC += e.ddrCycles();
        }
        long merge = merge(op);
        return new Row(op, cycles + merge, unit + merge, ddrC);
    }

    /**
     * One active expert of {@code n} tokens, its weights at {@code weightRate}: the token list (n entries), FC1's weights
     * requested once its command is due ({@code latency}), FC1, then FC2: its weights stream while FC1 computes and its
     * fill overlaps FC1's drain (the engine's two-deep queues).
     */
    private Row expert(Op op, int n, double weightRate, long latency) {
        long fc1Bytes = Op.linearWeightBytes(op.in(), op.out());
        Row a = linear(op.in(), op.out(), n, fc1Bytes, weightRate);
        Row b = linear(op.out(), op.in(), n, op.weightBytes() - fc1Bytes, weightRate);
        long fill = 2L * shape.cuRows() + shape.cuCols() + timing.cuFillExtra();
        return new Row(op, timing.expertSwitch() + n + latency + a.cycles() + b.cycles() - fill, n + a.unitCycles() + b.unitCycles(),
                a.ddrCycles() + b.ddrCycles());
    }

    /** RES += SEC after the last expert: a token's words through the merge. */
    private long merge(Op op) {
        return (long) op.tokens() * ceilDiv(op.in(), shape.cuRows()) + timing.mergeLatency();
    }

    /**
     * EXPERTS with {@code prefetched} bytes of its weights already in the expert FIFO (filled in expert order, inactive
     * experts included): the longer of the expert loop with every weight at the array's intake rate (C weights a cycle,
     * at most a bus word; no read latency for a prefetched expert) and the DDR time of the active experts' bytes not prefetched (plus one read
     * latency, each expert's switch and token list), then the merge.
     */
    Row prefetchedExperts(Op op, long prefetched) {
        long loop = 0;
        long unit = 0;
        long overhead = 0;
        long fromDdr = 0;
        long cursor = 0;
        for (int n : op.expertTokens()) {
            long inFifo = Math.max(0, Math.min(op.weightBytes(), prefetched - cursor));
            cursor += op.weightBytes();
            if (n == 0) {
                continue;
            }
            // from the buffer at the array's intake, at most a weight-bus word a cycle
            Row e = expert(op, n, Math.min(2.0 * shape.cuCols(), busBytes()), inFifo == op.weightBytes() ? 0 : ddr.readLatencyCycles());
            loop += e.cycles();
            unit += e.unitCycles();
            overhead += timing.expertSwitch() + n;
            fromDdr += op.weightBytes() - inFifo;
        }
        long ddrC = (long) Math.ceil(fromDdr / rate());
        long merge = merge(op);
        return new Row(op, Math.max(loop, ddrC + ddr.readLatencyCycles() + overhead) + merge, unit + merge, ddrC);
    }

    private static int ceilDiv(int a, int b) {
        return (a + b - 1) / b;
    }
}
