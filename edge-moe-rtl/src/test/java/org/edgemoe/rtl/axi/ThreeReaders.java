package org.edgemoe.rtl.axi;

import static org.edgemoe.hdl.core.Hdl.*;

import java.util.ArrayList;
import java.util.List;
import org.edgemoe.hdl.core.Module;
import org.edgemoe.hdl.lib.Stream;
import org.edgemoe.hdl.lib.axi.Axi4ReadOnly;

/** Three read masters side by side: ports io_cmd_<i>, io_data_<i>, io_axi_<i>_*, for the shared-bandwidth tests. */
final class ThreeReaders extends Module {
    final List<Stream<TransferCmd>> cmd = new ArrayList<>();
    final List<Stream<ReadBeat>> data = new ArrayList<>();
    final List<Axi4ReadOnly> axi = new ArrayList<>();

    ThreeReaders() {
        for (int i = 0; i < 3; i++) {
            AxiReadMaster m = instance(new AxiReadMaster());
            Stream<TransferCmd> c = slave(new Stream<>(new TransferCmd(32, 32)));
            Stream<ReadBeat> d = master(new Stream<>(new ReadBeat(128)));
            Axi4ReadOnly a = master(new Axi4ReadOnly(AxiReadMaster.defaultConfig()));
            m.cmd.driveFrom(c);
            d.driveFrom(m.data);
            a.ar.driveFrom(m.axi.ar);
            m.axi.r.driveFrom(a.r);
            m.clear.set(false);
            m.abort.set(false);
            cmd.add(c);
            data.add(d);
            axi.add(a);
        }
    }
}
