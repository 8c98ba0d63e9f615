package org.edgemoe.rtl.cu;

import static org.edgemoe.hdl.core.Hdl.*;

import org.edgemoe.hdl.core.Bool;
import org.edgemoe.hdl.core.Module;
import org.edgemoe.hdl.core.UInt;
import org.edgemoe.rtl.common.Resets;

/**
 * The tile loop of one {@link CuCmd}, in the compute unit's order: output tile ot outer, input tile kt inner, and
 * inside a tile {@code lastBeat + 1} beats. The {@link ComputeUnit} runs two: the commit sequencer (a tile's beats
 * are its weight rows) and the issue sequencer (a tile's beats are its tokens' x beats).
 *
 * <p>{@code start} takes {@code cmd} (the caller raises it only while not {@code active}), which is then held in
 * {@code command}. {@code lastBeat} is the index of a tile's last beat, held by the caller while active (a
 * constant for the commit sequencer, so its compare folds). Each {@code beat} (only while active) advances
 * {@code index}; the tile's last beat raises {@code tileEnd} and moves to the next tile, after the layer's last
 * tile to idle. {@code first} / {@code last}: the current input tile is the output tile's first / last.
 */
public final class TileSequencer extends Module {
    public final Bool start = in(Bool());
    public final CuCmd cmd;
    public final UInt lastBeat;
    public final Bool beat = in(Bool());
    public final Bool active = out(Bool());
    public final CuCmd command;
    public final UInt index;
    public final Bool first = out(Bool());
    public final Bool last = out(Bool());
    public final Bool tileEnd = out(Bool());

    public TileSequencer(CuConfig cfg, int beatWidth) {
        param("ROWS", cfg.rows());
        param("COLS", cfg.cols());
        param("BEAT_WIDTH", beatWidth);
        int rowBits = Integer.numberOfTrailingZeros(cfg.rows());
        int colBits = Integer.numberOfTrailingZeros(cfg.cols());
        int kw = Math.max(1, cfg.inSizeWidth() - rowBits);
        int ow = Math.max(1, cfg.outSizeWidth() - colBits);
        cmd = in(new CuCmd(cfg));
        lastBeat = in(UInt(beatWidth));
        command = out(new CuCmd(cfg));
        index = out(UInt(beatWidth));

        Bool run = reg(Bool()).init(false).named("run");
        UInt kt = reg(UInt(kw)).init(0).named("kt");
        UInt ot = reg(UInt(ow)).init(0).named("ot");
        UInt kLast = reg(UInt(kw)).init(0).named("kLast");
        UInt oLast = reg(UInt(ow)).init(0).named("oLast");
        UInt b = reg(UInt(beatWidth)).init(0).named("beatIndex");
        CuCmd held = Resets.zero(reg(new CuCmd(cfg)).named("held"));
        when(start, () -> {
            run.set(true);
            kt.set(U(0, kw));
            ot.set(U(0, ow));
            kLast.set(cmd.inSize.shr(rowBits).resize(kw).minus(1));
            oLast.set(cmd.outSize.shr(colBits).resize(ow).minus(1));
            b.set(U(0, beatWidth));
            held.set(cmd);
        });
        Bool end = beat.and(b.eq(lastBeat)).named("tileDone");
        when(beat, () -> b.set(b.plus(1)));
        when(end, () -> {
            b.set(U(0, beatWidth));
            when(kt.eq(kLast), () -> {
                kt.set(U(0, kw));
                when(ot.eq(oLast), () -> run.set(false)).otherwise(() -> ot.set(ot.plus(1)));
            }).otherwise(() -> kt.set(kt.plus(1)));
        });
        active.set(run);
        command.set(held);
        index.set(b);
        first.set(kt.eq(0));
        last.set(kt.eq(kLast));
        tileEnd.set(end);
    }
}
