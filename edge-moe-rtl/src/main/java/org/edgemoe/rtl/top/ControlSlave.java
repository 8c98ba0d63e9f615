package org.edgemoe.rtl.top;

import static org.edgemoe.hdl.core.Hdl.*;

import org.edgemoe.hdl.core.Bool;
import org.edgemoe.hdl.core.Module;
import org.edgemoe.hdl.core.UInt;
import org.edgemoe.hdl.lib.Flow;
import org.edgemoe.hdl.lib.axi.AxiLite4;
import org.edgemoe.hdl.lib.regs.AxiLiteRegisters;

/**
 * The AXI4-Lite control slave: the {@link ControlRegisters#MAP} registers, the run state (DONE, ERROR and the
 * first error's code, command and address, sticky until the next START), the interrupt and the performance
 * counters (cleared by START, counting while the run is busy), and the {@link CommandTrace}: each {@code trace}
 * event with the cycle and DDR byte counters of its cycle, read back entry by entry through TRACE_SELECT. START
 * is passed on only while idle.
 */
public final class ControlSlave extends Module {
    public final AxiLite4 ctrl = slave(new AxiLite4(12, 32));
    public final Bool start = out(Bool());
    public final Bool abort = out(Bool());
    public final UInt task = out(UInt(1));
    public final UInt programAddr = out(UInt(32));
    public final UInt programSize = out(UInt(32));
    public final UInt weightsAddr = out(UInt(32));
    public final UInt weightsSize = out(UInt(32));
    public final UInt inputAddr = out(UInt(32));
    public final UInt outputAddr = out(UInt(32));
    public final UInt watchdog = out(UInt(32));
    public final Bool interrupt = out(Bool());
    /** The run in progress (the sequencer is busy). */
    public final Bool busy = in(Bool());
    /** One-cycle pulse: the run reached END and the units are idle. */
    public final Bool done = in(Bool());
    /** One-cycle report of the run's error (the sequencer then stops). */
    public final Flow<RunError> error = slave(new Flow<>(new RunError()));
    public final UnitActivity activity = in(new UnitActivity());
    /** Commands dispatched, BARRIERs passed, the run's end: stamped with the counters into the command trace. */
    public final Flow<TraceEvent> trace = slave(new Flow<>(new TraceEvent()));

    public ControlSlave() {
        AxiLiteRegisters regs = new AxiLiteRegisters(ctrl, ControlRegisters.MAP);
        Bool go = regs.pulse("CTRL", "START").and(busy.not()).named("go");
        start.set(go);
        abort.set(regs.pulse("CTRL", "ABORT").and(busy));
        task.set(regs.value("TASK"));
        programAddr.set(regs.value("PROGRAM_ADDR"));
        programSize.set(regs.value("PROGRAM_SIZE"));
        weightsAddr.set(regs.value("WEIGHTS_ADDR"));
        weightsSize.set(regs.value("WEIGHTS_SIZE"));
        inputAddr.set(regs.value("INPUT_ADDR"));
        outputAddr.set(regs.value("OUTPUT_ADDR"));
        watchdog.set(regs.value("WATCHDOG"));

        // run state: sticky until the next START; the first error wins
        Bool doneFlag = reg(Bool()).init(false);
        Bool errorFlag = reg(Bool()).init(false);
        RunError first = reg(new RunError());
        first.code.init(0);
        first.index.init(0);
        first.opcode.init(0);
        first.addr.init(0);
        // START clears the run state first: an error reported in the START cycle itself (a bad PROGRAM_ADDR) is this run's
        Bool firstError = error.valid.and(errorFlag.not().or(go)).named("firstError");
        when(go, () -> {
            doneFlag.set(false);
            errorFlag.set(false);
            first.code.set(0);
        });
        when(done, () -> doneFlag.set(true));
        when(firstError, () -> {
            errorFlag.set(true);
            first.set(error.payload);
        });
        regs.drive("STATUS", "IDLE", busy.not());
        regs.drive("STATUS", "DONE", doneFlag);
        regs.drive("STATUS", "ERROR", errorFlag);
        regs.drive("ERROR_CODE", "CODE", first.code);
        regs.drive("ERROR_INFO", "INDEX", first.index);
        regs.drive("ERROR_INFO", "OPCODE", first.opcode);
        regs.drive("ERROR_ADDR", first.addr);
        regs.drive("ID", U(ControlRegisters.ID_VALUE & 0xFFFFFFFFL, 32));

        // interrupt
        regs.set("IRQ_STATUS", "DONE", done);
        regs.set("IRQ_STATUS", "ERROR", firstError);
        Bool pending = regs.flag("IRQ_STATUS", "DONE").and(regs.flag("IRQ_ENABLE", "DONE"))
                .or(regs.flag("IRQ_STATUS", "ERROR").and(regs.flag("IRQ_ENABLE", "ERROR")));
        interrupt.set(regNext(pending).init(false));

        // performance counters
        UInt cycles = counter(regs, "PERF_CYCLES", go, busy.asUInt());
        Bool[] units = {activity.cu, activity.attn, activity.ln, activity.router, activity.embed};
        for (int i = 0; i < units.length; i++) {
            counter(regs, "PERF_BUSY_" + ControlRegisters.UNITS[i], go, busy.and(units[i]).asUInt());
        }
        UInt rdBytes = counter(regs, "PERF_DDR_RD_BYTES", go, activity.ddrReadBytes);
        UInt wrBytes = counter(regs, "PERF_DDR_WR_BYTES", go, activity.ddrWriteBytes);
        counter(regs, "PERF_DDR_STALL", go, busy.and(activity.ddrStall).asUInt());
        counter(regs, "PERF_COMMANDS", go, activity.command.asUInt());

        // command trace: each event stamped with the counters as they stand in its cycle
        CommandTrace tr = instance(new CommandTrace(ControlRegisters.TRACE_DEPTH));
        tr.clear.set(go);
        tr.record.valid.set(trace.valid);
        tr.record.payload.event.set(trace.payload);
        tr.record.payload.cycles.set(cycles);
        tr.record.payload.ddrRead.set(rdBytes);
        tr.record.payload.ddrWrite.set(wrBytes);
        tr.select.set(regs.value("TRACE_SELECT"));
        regs.drive("TRACE_COUNT", "ENTRIES", tr.entries);
        regs.drive("TRACE_COUNT", "OVERFLOW", tr.overflow);
        regs.drive("TRACE_DEPTH", U(ControlRegisters.TRACE_DEPTH, 16));
        regs.drive("TRACE_INFO", "INDEX", tr.entry.event.index);
        regs.drive("TRACE_INFO", "OPCODE", tr.entry.event.opcode);
        regs.drive("TRACE_INFO", "LAYER", tr.entry.event.layer);
        regs.drive("TRACE_CYCLES", tr.entry.cycles);
        regs.drive("TRACE_DDR_RD_BYTES", tr.entry.ddrRead);
        regs.drive("TRACE_DDR_WR_BYTES", tr.entry.ddrWrite);
    }

    /** A 32-bit counter (wrapping) of {@code inc} per cycle, cleared by {@code clear}; its value. */
    private UInt counter(AxiLiteRegisters regs, String name, Bool clear, UInt inc) {
        UInt c = reg(UInt(32)).init(0).named(name.toLowerCase(java.util.Locale.ROOT) + "_count");
        when(clear, () -> c.set(0)).otherwise(() -> c.set(c.plus(inc.resize(32))));
        regs.drive(name, c);
        return c;
    }
}
