package org.edgemoe.rtl.router;

import static org.edgemoe.hdl.core.Hdl.*;

import org.edgemoe.hdl.core.Bundle;
import org.edgemoe.hdl.core.Fix;
import org.edgemoe.hdl.core.UInt;

/** One word of an {@link ExpertQueues} queue: a token routed to the expert and its gate score (prob format). */
final class QueueEntry extends Bundle {
    final Fix score;
    final UInt token;
    private final RouterConfig cfg;

    QueueEntry(RouterConfig cfg) {
        this.cfg = cfg;
        score = Fix(cfg.formats().prob());
        token = UInt(cfg.tokenBits());
    }

    @Override
    public QueueEntry cloneType() {
        QueueEntry c = new QueueEntry(cfg);
        return isFlipped() ? flipped(c) : c;
    }
}
