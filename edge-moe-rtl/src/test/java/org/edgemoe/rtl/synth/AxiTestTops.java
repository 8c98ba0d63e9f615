package org.edgemoe.rtl.synth;

import static org.edgemoe.hdl.core.Hdl.*;

import org.edgemoe.hdl.core.Bool;
import org.edgemoe.hdl.core.Module;
import org.edgemoe.hdl.lib.axi.Axi4;
import org.edgemoe.hdl.lib.axi.Axi4Ax;
import org.edgemoe.hdl.lib.axi.Axi4Config;
import org.edgemoe.hdl.lib.axi.Axi4ReadOnly;
import org.edgemoe.hdl.lib.axi.Axi4WriteOnly;
import org.edgemoe.hdl.lib.axi.AxiLite4;

/** Small tops with several AXI buses for the Vivado-script tests (idle buses: only their ports matter here). */
final class AxiTestTops {
    private AxiTestTops() { }

    static void idle(Axi4Ax a) {
        a.driveIncrDefaults();
        a.addr.set(0);
        a.len.set(0);
    }

    static void idleRead(Axi4ReadOnly m) {
        m.ar.valid.set(false);
        idle(m.ar.payload);
        m.r.ready.set(true);
    }

    static void idleWrite(Axi4WriteOnly m) {
        m.aw.valid.set(false);
        idle(m.aw.payload);
        m.w.valid.set(false);
        m.w.payload.data.set(0);
        m.w.payload.strb.set(0);
        m.w.payload.last.set(false);
        m.b.ready.set(true);
    }

    static void idleSlave(AxiLite4 s) {
        s.aw.ready.set(false);
        s.w.ready.set(false);
        s.b.valid.set(false);
        s.b.payload.resp.set(0);
        s.ar.ready.set(false);
        s.r.valid.set(false);
        s.r.payload.data.set(0);
        s.r.payload.resp.set(0);
    }

    /**
     * Five masters (three read-only, a write-only one, a full AXI4 one of 64 bits), an AXI4-Lite slave of 16 address
     * bits, two interrupts and an unrelated input: more masters than HP ports, so HP0 is shared.
     */
    static final class FiveMasterTop extends Module {
        final AxiLite4 regs = slave(new AxiLite4(16, 32));
        final Axi4ReadOnly a = master(new Axi4ReadOnly(Axi4Config.of(32, 128, 2)));
        final Axi4ReadOnly b = master(new Axi4ReadOnly(Axi4Config.of(32, 128, 2).minimal()));
        final Axi4ReadOnly c = master(new Axi4ReadOnly(Axi4Config.of(40, 128, 0)));
        final Axi4WriteOnly d = master(new Axi4WriteOnly(Axi4Config.of(32, 128, 3)));
        final Axi4 e = master(new Axi4(Axi4Config.of(32, 64, 1)));
        final Bool interrupt = out(Bool());
        final Bool errorIrq = out(Bool());
        final Bool mode = in(Bool());

        FiveMasterTop() {
            idleSlave(regs);
            idleRead(a);
            idleRead(b);
            idleRead(c);
            idleWrite(d);
            e.ar.valid.set(false);
            idle(e.ar.payload);
            e.r.ready.set(true);
            e.aw.valid.set(false);
            idle(e.aw.payload);
            e.w.valid.set(false);
            e.w.payload.data.set(0);
            e.w.payload.strb.set(0);
            e.w.payload.last.set(false);
            e.b.ready.set(true);
            interrupt.set(regNext(mode).init(false));
            errorIrq.set(false);
        }
    }
}
