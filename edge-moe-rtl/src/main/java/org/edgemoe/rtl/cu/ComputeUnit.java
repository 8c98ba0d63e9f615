package org.edgemoe.rtl.cu;

import static org.edgemoe.hdl.core.Hdl.*;

import org.edgemoe.hdl.core.Bool;
import org.edgemoe.hdl.core.Module;
import org.edgemoe.hdl.core.UInt;
import org.edgemoe.hdl.lib.Stream;
import org.edgemoe.hdl.lib.StreamFifo;
import org.edgemoe.rtl.common.Resets;

/**
 * The unified compute unit: every linear layer y = W x + b of the backbone on a weight-stationary
 * {@code rows} x {@code cols} systolic array, with bias preload, fused GELU, the expert scale-and-accumulate mode
 * and ping-pong weights. A Gemmini stack: {@link Pe} -> {@link PeTile} -> {@link Mesh} -> {@link MeshWithDelays}
 * (skew, bias injection, de-skew, tags) -> {@link Accumulator} -> {@link OutputStage} (narrowing, GELU, expert
 * scale-accumulate, back-pressure), run by this controller: the weight-row FIFO, a command queue, and two
 * {@link TileSequencer}s, the commit sequencer writing each tile's weight rows into the free bank and the issue
 * sequencer streaming the tile's x beats into the array.
 *
 * <p>Dataflow. A layer is cut into tiles (output tile ot of {@code cols} outputs, input tile kt of
 * {@code rows} inputs), ot outer, kt inner. A tile's weights W[ot*cols + c][kt*rows + r] sit in PE(r, c)
 * (bank = tile number mod 2) while all T tokens stream through: x[t][kt*rows + r] enters row r (skewed
 * by r cycles), the column sums leave the bottom (de-skewed), and per column an accumulator memory
 * holds token t's running sum over the input tiles (first tile: bias + column sum, preloaded through
 * the top of the column; later tiles: acc[t] + column sum). After the last input tile the sums are
 * narrowed, optionally through GELU or the expert scale-accumulate, and leave as one beat of
 * {@code cols} outputs per token. Every product is floored to the accumulator's fraction bits and the
 * accumulator wraps, so the result equals {@code LinearUnit.linear} bit for bit (modular sums do not
 * depend on order). The next tile's weights are written into the other bank, row r no earlier than
 * the previous user of that bank has left row r, so with T >= cols tokens the array never idles.
 *
 * <p>Streams (all valid/ready, payloads by field): {@code cmd} ({@link CuCmd}); {@code weight} ({@link WeightRow},
 * lane c = column c): per output tile an optional bias row, then per input tile its rows r = 0..rows-1
 * ({@link WeightStream}); {@code x} ({@link XBeat}, lane r = input row r), per output tile, per input tile, per
 * token; {@code dest} ({@link DestBeat}, expert commands only) one beat per output beat: {@code cols} resid lanes
 * and the token's gate score; {@code y} ({@link YBeat}, lane c = output ot*cols + c), per output tile, per token.
 * Back-pressure on y (or a missing dest beat) stalls the whole datapath (one enable).
 */
public final class ComputeUnit extends Module {
    public final Stream<CuCmd> cmd;
    public final Stream<WeightRow> weight;
    public final Stream<XBeat> x;
    public final Stream<DestBeat> dest;
    public final Stream<YBeat> y;
    /** High while any command is in progress or outputs are in flight. */
    public final Bool busy = out(Bool());

    private final CuConfig cfg;
    // the children, as fields so their instances carry these names
    private final MeshWithDelays array;
    private final Accumulator acc;
    private final OutputStage outStage;
    private final TileSequencer commit;
    private final TileSequencer issue;
    private final StreamFifo<WeightRow> wq;
    private final StreamFifo<CuCmd> iq;

    public ComputeUnit() {
        this(CuConfig.defaults());
    }

    public ComputeUnit(CuConfig cfg) {
        this.cfg = cfg;
        int rows = cfg.rows();
        int cols = cfg.cols();
        int rowBits = Integer.numberOfTrailingZeros(rows);
        int tiw = cfg.tokenIndexWidth();
        int gw = 4; // tile counters: only differences of at most 2 are compared
        param("ROWS", rows);
        param("COLS", cols);
        param("PROFILE", cfg.formats().name());
        param("MAX_IN", cfg.maxInSize());
        param("MAX_OUT", cfg.maxOutSize());
        param("MAX_TOKENS", cfg.maxTokens());
        cmd = slave(new Stream<>(new CuCmd(cfg)));
        weight = slave(new Stream<>(new WeightRow(cfg)));
        x = slave(new Stream<>(new XBeat(cfg)));
        dest = slave(new Stream<>(new DestBeat(cfg)));
        y = master(new Stream<>(new YBeat(cfg)));

        array = instance(new MeshWithDelays(cfg));
        acc = instance(new Accumulator(cfg));
        outStage = instance(new OutputStage(cfg));
        commit = instance(new TileSequencer(cfg, Math.max(1, rowBits)));
        issue = instance(new TileSequencer(cfg, tiw));
        wq = instance(new StreamFifo<>(new WeightRow(cfg), cfg.weightFifoDepth()));
        iq = instance(new StreamFifo<>(new CuCmd(cfg), 2));
        // the global enable: the whole datapath advances together, held by the output stage
        Bool en = wire(Bool()).named("en");
        en.set(outStage.en);

        // ---- commands: to the commit sequencer, and queued for the issue sequencer ----
        wq.push.driveFrom(weight);
        Bool wqPop = wireInit(B(false)).named("wqPop");
        wq.pop.ready.set(wqPop);
        iq.push.valid.set(cmd.valid.and(commit.active.not()).and(en));
        iq.push.payload.set(cmd.payload);
        cmd.ready.set(commit.active.not().and(en).and(iq.push.ready));
        commit.start.set(cmd.fire());
        commit.cmd.set(cmd.payload);
        commit.lastBeat.set(U(rows - 1, commit.lastBeat.width()));
        iq.pop.ready.set(issue.active.not().and(en));
        issue.start.set(iq.pop.fire());
        issue.cmd.set(iq.pop.payload);
        issue.lastBeat.set(regNextWhen(iq.pop.payload.tokens.minus(1).resize(tiw), iq.pop.fire()).init(0).named("iTLast"));

        // ---- banks: tile g uses bank g mod 2; a bank is free once its previous tile has left every row ----
        UInt gCommit = reg(UInt(gw)).init(0).named("gCommit");     // tile being committed
        UInt gStarted = reg(UInt(gw)).init(0).named("gStarted");   // tiles whose row 0 is written
        UInt gIssue = reg(UInt(gw)).init(0).named("gIssue");       // tiles fully issued
        UInt drain0 = reg(UInt(log2Up(cols + 1))).init(0).named("drain0");
        UInt drain1 = reg(UInt(log2Up(cols + 1))).init(0).named("drain1");
        Bool gBank = gCommit.bit(0);
        Bool bankFree = gCommit.minus(gIssue).le(1).and(mux(gBank, drain1, drain0).eq(0)).named("bankFree");

        // ---- commit: the bias row into a staging register, then the tile's rows, one per cycle ----
        Bool cBiasReady = reg(Bool()).init(false).named("cBiasReady");
        WeightRow biasStage = Resets.zero(reg(new WeightRow(cfg)).named("biasStage"));
        Bool rowsPhase = commit.index.ne(0).named("cRowsPhase");
        Bool needBias = commit.first.and(commit.command.bias).named("needBias");
        Bool stageBias = commit.active.and(rowsPhase.not()).and(needBias).and(cBiasReady.not()).and(wq.pop.valid)
                .and(en).named("stageBias");
        Bool startTile = commit.active.and(rowsPhase.not()).and(needBias.not().or(cBiasReady))
                .and(wq.occupancy.ge(rows)).and(bankFree).and(en).named("startTile");
        Bool rowWrite = startTile.or(rowsPhase.and(en)).named("rowWrite");
        commit.beat.set(rowWrite);
        when(cmd.fire(), () -> cBiasReady.set(false));
        when(stageBias, () -> {
            wqPop.set(true);
            biasStage.set(wq.pop.payload);
            cBiasReady.set(true);
        });
        when(rowWrite, () -> wqPop.set(true));
        when(commit.tileEnd, () -> {
            cBiasReady.set(false);
            gCommit.set(gCommit.plus(1));
        });
        when(startTile, () -> gStarted.set(gStarted.plus(1)));
        array.w_sel.set(gBank);
        for (int r = 0; r < rows; r++) {
            array.w_we.get(r).set(rowWrite.and(commit.index.eq(r)));
        }
        array.w_data.set(wq.pop.payload.lanes);
        array.b_we.set(startTile.and(needBias));
        array.b_attn.set(commit.command.attnBias);
        array.b_data.set(biasStage.lanes);

        // ---- issue: one x beat per enabled cycle into the array, once the tile's row 0 is written ----
        Bool canIssue = issue.active.and(gStarted.ne(gIssue)).named("canIssue");
        x.ready.set(canIssue.and(en));
        issue.beat.set(x.fire());
        when(en, () -> {
            when(drain0.ne(0), () -> drain0.set(drain0.minus(1)));
            when(drain1.ne(0), () -> drain1.set(drain1.minus(1)));
        });
        when(issue.tileEnd, () -> {
            gIssue.set(gIssue.plus(1));
            when(gIssue.bit(0), () -> drain1.set(U(cols - 1, drain1.width())))
                    .otherwise(() -> drain0.set(U(cols - 1, drain0.width())));
        });
        array.en.set(en);
        array.x_bank.set(gIssue.bit(0));
        issueInto();

        // ---- accumulator and output stage ----
        acc.en.set(en);
        acc.in_sum.set(array.sum);
        acc.in_tag.set(array.sum_tag);
        acc.next_t.set(array.next_t);
        outStage.in_valid.set(acc.out_valid);
        outStage.in_sum.set(acc.out_sum);
        outStage.in_mode.set(acc.out_mode);
        outStage.dest.driveFrom(dest);
        y.driveFrom(outStage.y);

        busy.set(commit.active.or(issue.active).or(iq.pop.valid).or(array.busy).or(acc.out_valid).or(outStage.busy));
    }

    /** The x beat into the array with its tag: token, first / last input tile, output mode; the bias with the first tile. */
    private void issueInto() {
        for (int r = 0; r < cfg.rows(); r++) {
            array.x.get(r).set(x.payload.lanes.get(r).rawSInt());
        }
        CuCmd c = issue.command;
        array.x_bias.set(issue.first.and(c.bias));
        array.x_tag.valid.set(x.fire());
        array.x_tag.t.set(issue.index);
        array.x_tag.first.set(issue.first);
        array.x_tag.last.set(issue.last);
        array.x_tag.mode.resid.set(c.outResid.or(c.expert));
        array.x_tag.mode.gelu.set(c.gelu);
        array.x_tag.mode.expert.set(c.expert);
    }

    public CuConfig config() {
        return cfg;
    }
}
