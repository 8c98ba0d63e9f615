package org.edgemoe.rtl.axi;

import static org.edgemoe.hdl.core.Hdl.*;

import java.util.ArrayList;
import java.util.List;
import org.edgemoe.hdl.core.Bool;
import org.edgemoe.hdl.core.Module;
import org.edgemoe.hdl.core.UInt;
import org.edgemoe.hdl.lib.Stream;
import org.edgemoe.hdl.lib.StreamArbiter;
import org.edgemoe.hdl.lib.axi.Axi4Config;
import org.edgemoe.hdl.lib.axi.Axi4ReadOnly;

/**
 * {@code k} read masters sharing one DDR port through an {@link AxiReadArbiter}: ports io_cmd_<i>, io_data_<i>,
 * io_axi_* (the shared port). Requester i sends ARID i + 1; {@code io_idError_<i>} latches an R beat that comes
 * back to it with another RID.
 */
final class SharedReaders extends Module {
    final List<Stream<TransferCmd>> cmd = new ArrayList<>();
    final List<Stream<ReadBeat>> data = new ArrayList<>();
    final List<Bool> idError = new ArrayList<>();
    final Axi4ReadOnly axi;

    SharedReaders(int k, int outstanding, int buffer) {
        this(k, outstanding, buffer, StreamArbiter.Policy.ROUND_ROBIN, -1);
    }

    /** With the arbiter's policy and background rule ({@link AxiReadArbiter}'s six-argument constructor). */
    SharedReaders(int k, int outstanding, int buffer, StreamArbiter.Policy policy, int backgroundBursts) {
        Axi4Config cfg = AxiReadMaster.defaultConfig();
        axi = master(new Axi4ReadOnly(cfg));
        AxiReadArbiter arb = instance(new AxiReadArbiter(cfg, k, outstanding, buffer, policy, backgroundBursts));
        axi.ar.driveFrom(arb.output.ar);
        arb.output.r.driveFrom(axi.r);
        for (int i = 0; i < k; i++) {
            AxiReadMaster m = instance(new AxiReadMaster());
            Stream<TransferCmd> c = slave(new Stream<>(new TransferCmd(32, 32)));
            Stream<ReadBeat> d = master(new Stream<>(new ReadBeat(128)));
            Bool bad = out(Bool());
            m.cmd.driveFrom(c);
            d.driveFrom(m.data);
            Axi4ReadOnly in = arb.inputs.get(i);
            in.ar.driveFrom(m.axi.ar);
            in.ar.payload.id.set(U(i + 1, cfg.idWidth()));
            m.axi.r.driveFrom(in.r);
            m.clear.set(false);
            m.abort.set(false);
            Bool seen = reg(Bool()).init(false);
            UInt id = in.r.payload.id;
            when(in.r.fire().and(id.ne(i + 1)), () -> seen.set(true));
            bad.set(seen);
            cmd.add(c);
            data.add(d);
            idError.add(bad);
        }
    }
}
