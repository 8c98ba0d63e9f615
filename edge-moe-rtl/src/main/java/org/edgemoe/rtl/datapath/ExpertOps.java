package org.edgemoe.rtl.datapath;

import static org.edgemoe.hdl.core.Hdl.*;

import org.edgemoe.hdl.core.Bool;
import org.edgemoe.hdl.core.UInt;
import org.edgemoe.hdl.lib.Stream;
import org.edgemoe.rtl.top.DecodedCommand;

/**
 * An expert's two linear layers as {@link LinearOp}s, over the {@code count} tokens of its list. FC1: D ->
 * hidden ({@code outSize}), x gathered from LNO (D / lanes words a token), bias, GELU, into HID at the list
 * positions (hidden / lanes words each). FC2: hidden -> D from HID, bias, expert mode: scattered to the tokens'
 * rows and scale-accumulated with their scores (best expert into RES, second into SEC).
 */
final class ExpertOps {
    private ExpertOps() { }

    static void drive(Stream<LinearOp> out, DatapathConfig cfg, DecodedCommand c, UInt count, Bool fc2) {
        LinearOp p = out.payload;
        int aw = cfg.addrWidth();
        int lb = Integer.numberOfTrailingZeros(cfg.lanes());
        UInt d = c.inSize;
        UInt hidden = c.outSize;
        p.lin.cu.inSize.set(mux(fc2, hidden, d).resize(p.lin.cu.inSize.width()));
        p.lin.cu.outSize.set(mux(fc2, d, hidden).resize(p.lin.cu.outSize.width()));
        p.lin.cu.tokens.set(count.resize(p.lin.cu.tokens.width()));
        p.lin.cu.bias.set(c.bias);
        p.lin.cu.attnBias.set(B(false));
        p.lin.cu.outResid.set(B(false));
        p.lin.cu.gelu.set(fc2.not().and(c.gelu));
        p.lin.cu.expert.set(fc2);
        UInt dWords = d.shr(lb).resize(aw);
        UInt hWords = hidden.shr(lb).resize(aw);
        p.lin.xBase.set(U(0, aw));
        p.lin.xStride.set(mux(fc2, hWords, dWords));
        p.lin.yBase.set(U(0, aw));
        p.lin.yStride.set(mux(fc2, dWords, hWords));
        p.lin.residAdd.set(B(false));
        p.lin.gatherX.set(fc2.not());
        p.lin.scatterY.set(fc2);
        p.src.set(mux(fc2, Enum(ActBuf.class).literal(ActBuf.HID), Enum(ActBuf.class).literal(ActBuf.LNO)));
        p.dst.set(ActBuf.HID);
    }
}
