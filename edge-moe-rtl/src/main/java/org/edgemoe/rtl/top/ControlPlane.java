package org.edgemoe.rtl.top;

import static org.edgemoe.hdl.core.Hdl.*;

import org.edgemoe.hdl.core.Bool;
import org.edgemoe.hdl.core.Module;
import org.edgemoe.hdl.core.UInt;
import org.edgemoe.hdl.lib.Stream;
import org.edgemoe.hdl.lib.axi.Axi4Config;
import org.edgemoe.hdl.lib.axi.Axi4ReadOnly;
import org.edgemoe.hdl.lib.axi.AxiLite4;
import org.edgemoe.rtl.axi.AxiError;
import org.edgemoe.rtl.axi.AxiReadMaster;
import org.edgemoe.rtl.isa.IsaLimits;

/**
 * The accelerator's control path, the frame the units plug into: the AXI4-Lite {@link ControlSlave}, the
 * {@link CommandSequencer} and the read master that fetches the program ({@code prog}, an AXI4 read port of its
 * own). Decoded commands leave on {@code cmd}; the units report back {@code unitsIdle}, {@code progress}, their
 * activity (performance counters) and their AXI masters' errors, and get the INPUT / OUTPUT addresses, the task,
 * {@code stopping} (abandon work after an error) and {@code clearErrors} (at START).
 */
public final class ControlPlane extends Module {
    public final AxiLite4 ctrl;
    public final Axi4ReadOnly prog;
    public final Stream<DecodedCommand> cmd;
    public final Bool interrupt = out(Bool());
    public final Bool unitsIdle = in(Bool());
    public final Bool progress = in(Bool());
    /**
     * The last command taken on {@code cmd} begins its work (a pulse; held high: at once). The command trace stamps a
     * command then, so a command taken while the one before still runs is counted from where that one ends.
     */
    public final Bool commandBegin = in(Bool());
    public final UnitActivity unitActivity = in(new UnitActivity());
    public final AxiError unitReadError = in(new AxiError(32));
    public final AxiError unitWriteError = in(new AxiError(32));
    public final UInt task = out(UInt(1));
    public final UInt inputAddr = out(UInt(32));
    public final UInt outputAddr = out(UInt(32));
    public final Bool stopping = out(Bool());
    /** The program's END is reached: the run ends when {@code unitsIdle}. */
    public final Bool ending = out(Bool());
    public final Bool clearErrors = out(Bool());
    public final Bool busy = out(Bool());

    public ControlPlane(Axi4Config ddr, IsaLimits limits) {
        param("ADDR_WIDTH", ddr.addressWidth());
        param("DATA_WIDTH", ddr.dataWidth());
        if (ddr.dataWidth() != 128 || ddr.addressWidth() != 32) {
            throw new IllegalArgumentException("the command fetch reads 32-bit addresses and 128-bit beats; the DDR port is "
                    + ddr.addressWidth() + "-bit / " + ddr.dataWidth() + "-bit");
        }
        ctrl = slave(new AxiLite4(12, 32));
        prog = master(new Axi4ReadOnly(ddr));
        cmd = master(new Stream<>(new DecodedCommand()));

        ControlSlave regs = instance(new ControlSlave());
        CommandSequencer seq = instance(new CommandSequencer(limits));
        AxiReadMaster fetch = instance(new AxiReadMaster(ddr, 4, 32, 16));

        regs.ctrl.connectFrom(ctrl);
        seq.start.set(regs.start);
        seq.abort.set(regs.abort);
        seq.task.set(regs.task);
        seq.programAddr.set(regs.programAddr);
        seq.programSize.set(regs.programSize);
        seq.weightsAddr.set(regs.weightsAddr);
        seq.weightsSize.set(regs.weightsSize);
        seq.watchdog.set(regs.watchdog);

        fetch.cmd.driveFrom(seq.fetch);
        seq.fetchData.driveFrom(fetch.data);
        seq.fetchError.set(fetch.error);
        seq.fetchBusy.set(fetch.busy);
        fetch.clear.set(seq.clearErrors);
        fetch.abort.set(B(false));   // the sequencer drains its own fetch
        prog.ar.driveFrom(fetch.axi.ar);
        fetch.axi.r.driveFrom(prog.r);
        seq.unitReadError.set(unitReadError);
        seq.unitWriteError.set(unitWriteError);
        seq.unitsIdle.set(unitsIdle);
        seq.progress.set(progress);
        cmd.driveFrom(seq.cmd);

        regs.busy.set(seq.busy);
        regs.done.set(seq.done);
        regs.error.set(seq.error);
        trace(seq, regs);
        UnitActivity a = wire(new UnitActivity());
        a.set(unitActivity);
        UInt fetchBytes = mux(fetch.beat, U(16, 8), U(0, 8));
        a.ddrReadBytes.set(unitActivity.ddrReadBytes.plus(fetchBytes));
        a.ddrStall.set(unitActivity.ddrStall.or(fetch.waiting));
        a.command.set(seq.cmd.fire().or(unitActivity.command));
        regs.activity.set(a);

        interrupt.set(regs.interrupt);
        task.set(regs.task);
        inputAddr.set(regs.inputAddr);
        outputAddr.set(regs.outputAddr);
        stopping.set(seq.stopping);
        ending.set(seq.ending);
        clearErrors.set(seq.clearErrors);
        busy.set(seq.busy);
    }

    /**
     * The command trace's events: BARRIER and END as the sequencer reports them; a dispatched command when it begins
     * ({@code commandBegin} in its dispatch cycle or later). BARRIER and END wait for every unit, so every command has
     * begun by then (should one not have, the BARRIER / END entry comes first). START forgets a command that never
     * began (a run stopped by an error).
     */
    private void trace(CommandSequencer seq, ControlSlave regs) {
        Bool dispatch = seq.cmd.fire();
        Bool other = seq.trace.valid.and(dispatch.not()).named("traceOther");
        TraceEvent last = regNextWhen(seq.trace.payload, dispatch).named("traceHeld");
        Bool waiting = reg(Bool()).init(false).named("traceWaiting");
        Bool now = dispatch.and(commandBegin);
        Bool held = waiting.and(commandBegin).and(seq.trace.valid.not());
        when(seq.clearErrors.or(now).or(held), () -> waiting.set(false)).elsewhen(dispatch, () -> waiting.set(true));
        regs.trace.valid.set(now.or(held).or(other));
        regs.trace.payload.set(mux(seq.trace.valid, seq.trace.payload, last));
    }

    public ControlPlane() {
        this(AxiReadMaster.defaultConfig(), IsaLimits.defaults());
    }
}
