package org.edgemoe.rtl.top;

import static org.edgemoe.hdl.core.Hdl.*;

import org.edgemoe.hdl.core.Bool;
import org.edgemoe.hdl.core.Module;
import org.edgemoe.hdl.core.UInt;
import org.edgemoe.rtl.isa.Command;
import org.edgemoe.rtl.isa.ErrorCode;
import org.edgemoe.rtl.isa.IsaLimits;
import org.edgemoe.rtl.isa.Opcode;

/**
 * Checks and decodes one command word (combinational): the checks and their order are
 * {@link org.edgemoe.rtl.isa.CommandCodec#check}'s: opcode, reserved bits and flags, buffer ids, sizes against the
 * {@link IsaLimits}, then the weight blocks A and B (all their copies: experts or task matrices) inside WEIGHTS_SIZE.
 * {@code error} is the {@link ErrorCode} (0 when the command is good).
 */
public final class CommandDecoder extends Module {
    public final CommandWord word = in(new CommandWord());
    public final UInt index = in(UInt(16));
    public final UInt task = in(UInt(1));
    public final UInt weightsAddr = in(UInt(32));
    public final UInt weightsSize = in(UInt(32));
    public final DecodedCommand cmd = out(new DecodedCommand());
    public final UInt error = out(UInt(8));

    public CommandDecoder(IsaLimits lim) {
        param("MAX_TOKENS", lim.maxTokens());
        param("ROWS", lim.rows());
        param("COLS", lim.cols());
        CommandWord w = word;
        Bool known = wireInit(B(false)).named("known");
        cmd.op.set(Opcode.END);                    // default before the switch: the last assignment wins
        org.edgemoe.hdl.core.Hdl.SwitchBuilder sw = switchOn(w.opcode);
        for (Opcode o : Opcode.values()) {
            sw.is(o.code, () -> {
                known.set(true);
                cmd.op.set(o);
            });
        }
        Bool reservedOk = w.reserved0.eq(0).and(w.flags.and(U(~Command.ALL_FLAGS & 0xFF, 8)).eq(0));
        Bool buffersOk = w.src.le(5).and(w.dst.le(5)).and(w.aux.le(5));

        Bool tokensOk = w.tokens.ge(1).and(w.tokens.le(lim.maxTokens()));
        Bool inOk = tiles(w.inSize, lim.rows(), lim.maxIn());
        Bool outOk = tiles(w.outSize, lim.cols(), lim.maxOut());
        Bool headsOk = w.count.ge(1).and(w.count.le(lim.maxHeads()));
        Bool expertsOk = w.count.ge(1).and(w.count.le(lim.maxExperts()));
        Bool gateOutOk = w.outSize.ge(1).and(w.outSize.le(lim.maxExperts()));   // GATE's outputs are the experts' logits
        Bool sizeOk = wireInit(B(true)).named("sizeOk");
        Bool weights = wireInit(B(false)).named("readsWeights");
        switchOn(cmd.op)
                .is(Opcode.EMBED, () -> { sizeOk.set(tokensOk.and(inOk).and(outOk)); weights.set(true); })
                .is(Opcode.LINEAR, () -> { sizeOk.set(tokensOk.and(inOk).and(outOk)); weights.set(true); })
                .is(Opcode.GATE, () -> { sizeOk.set(tokensOk.and(inOk).and(gateOutOk)); weights.set(true); })
                .is(Opcode.LAYERNORM, () -> { sizeOk.set(tokensOk.and(inOk)); weights.set(true); })
                .is(Opcode.ATTENTION, () -> sizeOk.set(tokensOk.and(inOk).and(headsOk)))
                .is(Opcode.EXPERTS, () -> { sizeOk.set(tokensOk.and(inOk).and(outOk).and(expertsOk)); weights.set(true); })
                .is(Opcode.STORE, () -> sizeOk.set(tokensOk.and(outOk)))
                .is(Opcode.PREFETCH, () -> { sizeOk.set(expertsOk); weights.set(true); })
                .is(Opcode.BARRIER, () -> { })
                .is(Opcode.END, () -> { });

        Bool taskSel = w.flags.bit(4);
        UInt copiesMinus1 = mux(cmd.op.isOneOf(Opcode.EXPERTS, Opcode.PREFETCH), w.count.minus(1),
                mux(taskSel, U(lim.tasks() - 1, 8), U(0, 8))).named("copiesMinus1");
        UInt end = w.weightOffset.resize(41).plus(copiesMinus1.times(w.weightStride).resize(41))
                .plus(w.weightBytes.resize(41)).named("weightEnd");
        UInt end2 = w.weight2Offset.resize(41).plus(copiesMinus1.times(w.weightStride).resize(41))
                .plus(w.weight2Bytes.resize(41)).named("weight2End");
        Bool rangeOk = weights.not().or(end.le(weightsSize.resize(41)).and(w.weight2Bytes.eq(0).or(end2.le(weightsSize.resize(41)))));

        UInt code = wireInit(U(ErrorCode.NONE.code, 8)).named("code");
        when(known.not(), () -> code.set(ErrorCode.BAD_OPCODE.code))
                .elsewhen(reservedOk.not(), () -> code.set(ErrorCode.RESERVED_BITS.code))
                .elsewhen(buffersOk.not(), () -> code.set(ErrorCode.BAD_BUFFER.code))
                .elsewhen(sizeOk.not(), () -> code.set(ErrorCode.BAD_SIZE.code))
                .elsewhen(rangeOk.not(), () -> code.set(ErrorCode.ADDRESS_RANGE.code));
        error.set(code);

        cmd.bias.set(w.flags.bit(0));
        cmd.attnBias.set(w.flags.bit(1));
        cmd.gelu.set(w.flags.bit(2));
        cmd.resid.set(w.flags.bit(3));
        cmd.taskSel.set(taskSel);
        cmd.src.setFromBits(w.src.resize(cmd.src.width()).asBits());
        cmd.dst.setFromBits(w.dst.resize(cmd.dst.width()).asBits());
        cmd.aux.setFromBits(w.aux.resize(cmd.aux.width()).asBits());
        cmd.layer.set(w.layer);
        cmd.count.set(w.count);
        cmd.inSize.set(w.inSize);
        cmd.outSize.set(w.outSize);
        cmd.tokens.set(w.tokens);
        UInt taskOffset = mux(taskSel.and(task.bit(0)), w.weightStride, U(0, 32));
        cmd.weightAddr.set(weightsAddr.plus(w.weightOffset).plus(taskOffset));
        cmd.weightBytes.set(w.weightBytes);
        cmd.weightStride.set(w.weightStride);
        cmd.weight2Addr.set(weightsAddr.plus(w.weight2Offset));
        cmd.weight2Bytes.set(w.weight2Bytes);
        cmd.index.set(index);
    }

    /** size in unit..max and a multiple of unit (a power of two). */
    private static Bool tiles(UInt size, int unit, int max) {
        int low = Integer.numberOfTrailingZeros(unit);
        Bool aligned = low == 0 ? B(true) : size.slice(low - 1, 0).eq(0);
        return size.ge(unit).and(size.le(max)).and(aligned);
    }
}
