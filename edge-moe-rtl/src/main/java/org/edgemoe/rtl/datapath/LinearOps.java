package org.edgemoe.rtl.datapath;

import static org.edgemoe.hdl.core.Hdl.*;

import org.edgemoe.hdl.core.HdlEnum;
import org.edgemoe.hdl.core.UInt;
import org.edgemoe.hdl.lib.Stream;
import org.edgemoe.rtl.attention.AttnConfig;
import org.edgemoe.rtl.isa.Buf;
import org.edgemoe.rtl.top.DecodedCommand;

/**
 * A LINEAR command as the datapath's {@link LinearOp}s: sizes and flags from the command, strides from the buffer
 * layouts (x: {@code inSize / lanes} words a token, ATT: {@link DatapathConfig#attStride()}; y: {@code outSize /
 * lanes}, RES: D / lanes), and for destination QKV op {@code step} = region (Q, K, V) of D outputs each, at
 * {@code region << (tw + ow)} with stride {@code 2^ow} (see {@link QkvStore}). RESID adds into the residual buffer.
 * EMBED's patch linear ({@code embed}) is a LINEAR over the patches only: tokens - 1 of them, written from
 * token 1 (token 0, CLS, keeps pos_embed[0]).
 */
final class LinearOps {
    private LinearOps() { }

    static void drive(Stream<LinearOp> out, DatapathConfig cfg, AttnConfig attn, DecodedCommand c, UInt step,
                      org.edgemoe.hdl.core.Bool embed) {
        LinearOp p = out.payload;
        int aw = cfg.addrWidth();
        int lb = Integer.numberOfTrailingZeros(cfg.lanes());
        int tw = attn.tokenWidth();
        int ow = QkvStore.tileBits(cfg.lanes(), attn);
        org.edgemoe.hdl.core.Bool qkv = c.dst.is(Buf.QKV);
        UInt outSize = mux(qkv, U(cfg.dim(), 16), c.outSize);
        p.lin.cu.inSize.set(c.inSize.resize(p.lin.cu.inSize.width()));
        p.lin.cu.outSize.set(outSize.resize(p.lin.cu.outSize.width()));
        p.lin.cu.tokens.set(mux(embed, c.tokens.minus(1), c.tokens).resize(p.lin.cu.tokens.width()));
        p.lin.cu.bias.set(c.bias);
        p.lin.cu.attnBias.set(c.attnBias);
        p.lin.cu.outResid.set(B(false));
        p.lin.cu.gelu.set(c.gelu);
        p.lin.cu.expert.set(B(false));
        p.lin.xBase.set(U(0, aw));
        p.lin.xStride.set(mux(c.src.is(Buf.ATT), U(cfg.attStride(), aw), c.inSize.shr(lb).resize(aw)));
        UInt region = step.resize(2);
        UInt yBase = mux(embed, outSize.shr(lb).resize(aw), U(0, aw));
        p.lin.yBase.set(mux(qkv, cat(region.asBits(), Bits(0, tw + ow)).asUInt().resize(aw), yBase));
        p.lin.yStride.set(mux(qkv, U(1L << ow, aw), outSize.shr(lb).resize(aw)));
        p.lin.residAdd.set(c.resid);
        p.lin.gatherX.set(B(false));
        p.lin.scatterY.set(B(false));
        p.src.set(actBuf(c.src));
        p.dst.set(actBuf(c.dst));
    }

    private static HdlEnum<ActBuf> actBuf(HdlEnum<Buf> b) {
        HdlEnum<ActBuf> t = Enum(ActBuf.class).literal(ActBuf.LNO);
        t = mux(b.is(Buf.QKV), Enum(ActBuf.class).literal(ActBuf.QKV), t);
        t = mux(b.is(Buf.ATT), Enum(ActBuf.class).literal(ActBuf.ATT), t);
        t = mux(b.is(Buf.HID), Enum(ActBuf.class).literal(ActBuf.HID), t);
        return t;
    }
}
