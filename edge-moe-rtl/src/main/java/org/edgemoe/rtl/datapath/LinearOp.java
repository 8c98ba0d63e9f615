package org.edgemoe.rtl.datapath;

import static org.edgemoe.hdl.core.Hdl.*;

import org.edgemoe.hdl.core.Bundle;
import org.edgemoe.hdl.core.HdlEnum;
import org.edgemoe.rtl.engine.LinearCmd;

/** A linear layer on the datapath: the engine's command, the act buffer x comes from and the act buffer y goes to. */
public final class LinearOp extends Bundle {
    public final LinearCmd lin;
    public final HdlEnum<ActBuf> src = Enum(ActBuf.class);
    /** Destination of act-format outputs (resid-format outputs go to the residual or second buffer). */
    public final HdlEnum<ActBuf> dst = Enum(ActBuf.class);

    private final DatapathConfig cfg;

    public LinearOp(DatapathConfig cfg) {
        this.cfg = cfg;
        lin = new LinearCmd(cfg.cu(), cfg.addrWidth());
    }

    @Override
    public LinearOp cloneType() {
        LinearOp c = new LinearOp(cfg);
        return isFlipped() ? flipped(c) : c;
    }
}
