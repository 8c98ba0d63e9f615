package org.edgemoe.runtime;

import org.edgemoe.rtl.isa.Opcode;
import org.edgemoe.rtl.top.ControlPlane;
import org.edgemoe.sim.CycleAgent;
import org.edgemoe.sim.HdlSim;
import org.edgemoe.sim.Sim;
import org.edgemoe.sim.SimModel;
import org.edgemoe.sim.SimSignal;
import org.edgemoe.runtime.sim.HostedSim;
import org.edgemoe.sim.axi.DdrConfig;
import org.edgemoe.sim.axi.DdrMemory;

/**
 * The control plane alone in Verilator as a {@link SimulationBackend.Target}: the DDR model serves its program
 * fetch, an AXI4-Lite host its registers. In place of the units: every command is taken at once ({@link #stuck}
 * holds them instead), and a STORE writes {@link #value} for each of its tokens x values at OUTPUT_ADDR, as the
 * accelerator's output port would (the value depends on TASK, so a test sees which task ran).
 */
final class ControlPlaneTarget extends HostedSim {
    private static SimModel model;

    int stores;

    static synchronized SimModel model() {
        if (model == null) {
            model = HdlSim.compile(ControlPlane::new);
        }
        return model;
    }

    ControlPlaneTarget() {
        super(model().open(), DdrConfig.zcu102(), "io_prog");
        for (String s : sim.signalNames()) {
            if (s.startsWith("io_unitActivity_") || s.startsWith("io_unitReadError_") || s.startsWith("io_unitWriteError_")) {
                sim.poke(s, 0);
            }
        }
        sim.poke("io_unitsIdle", 1);
        sim.poke("io_progress", 0);
        sim.poke("io_commandBegin", 1);      // every command begins when it is taken
        sim.poke("io_cmd_ready", 1);
        sim.addAgent(new StoreUnit());
        reset();
    }

    /** The value a STORE writes for token t, value c on a task: negative ones too (sign extension), all 32 bits used. */
    static int value(int t, int c, int task) {
        return (t * 7919 + c * 104_729 + task * 15_485_863) * (((t + c) & 1) == 0 ? 1 : -1) ^ (c == 5 ? 0x8000_0000 : 0);
    }

    /** Commands wait on the stream (a unit that never takes them) until {@code false}. */
    void stuck(boolean stuck) {
        sim.poke("io_cmd_ready", stuck ? 0 : 1);
    }

    private final class StoreUnit implements CycleAgent {
        final SimSignal valid = sim.signal("io_cmd_valid");
        final SimSignal ready = sim.signal("io_cmd_ready");
        final SimSignal op = sim.signal("io_cmd_payload_op");
        final SimSignal tokens = sim.signal("io_cmd_payload_tokens");
        final SimSignal outSize = sim.signal("io_cmd_payload_outSize");
        final SimSignal outputAddr = sim.signal("io_outputAddr");
        final SimSignal task = sim.signal("io_task");

        @Override
        public void drive(Sim s, long cycle) { }

        @Override
        public void sample(Sim s, long cycle) {
            if (valid.peek() != 0 && ready.peek() != 0 && op.peek() == Opcode.STORE.ordinal()) {
                int n = (int) tokens.peek();
                int v = (int) outSize.peek();
                long at = outputAddr.peek();
                int k = (int) task.peek();
                DdrMemory m = ddr.memory();
                for (int t = 0; t < n; t++) {
                    for (int c = 0; c < v; c++) {
                        m.writeInt(at + 4L * (t * v + c), value(t, c, k));
                    }
                }
                stores++;
            }
        }
    }
}
