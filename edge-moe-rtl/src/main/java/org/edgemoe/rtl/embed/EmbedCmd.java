package org.edgemoe.rtl.embed;

import static org.edgemoe.hdl.core.Hdl.*;

import org.edgemoe.hdl.core.Bundle;
import org.edgemoe.hdl.core.UInt;

/**
 * One image for the {@link PixelStreamer}: its byte address in DDR (a multiple of the beat size) and the buffer
 * word where patch 0's vector starts (patch p, word k at {@code bufBase + p * wordsPerToken + k}).
 */
public final class EmbedCmd extends Bundle {
    public final UInt imageAddr;
    public final UInt bufBase;
    private final int aw;
    private final int bw;

    public EmbedCmd(int ddrAddrWidth, int bufAddrWidth) {
        aw = ddrAddrWidth;
        bw = bufAddrWidth;
        imageAddr = UInt(aw);
        bufBase = UInt(bw);
    }

    @Override
    public EmbedCmd cloneType() {
        EmbedCmd c = new EmbedCmd(aw, bw);
        return isFlipped() ? flipped(c) : c;
    }
}
