package org.edgemoe.rtl.top;

import static org.edgemoe.hdl.core.Hdl.*;

import org.edgemoe.hdl.core.Bits;
import org.edgemoe.hdl.core.Bool;
import org.edgemoe.hdl.core.HdlEnum;
import org.edgemoe.hdl.core.Module;
import org.edgemoe.hdl.core.UInt;
import org.edgemoe.hdl.lib.Flow;
import org.edgemoe.hdl.lib.Stream;
import org.edgemoe.hdl.lib.StreamFifo;
import org.edgemoe.rtl.axi.AxiError;
import org.edgemoe.rtl.axi.ReadBeat;
import org.edgemoe.rtl.axi.TransferCmd;
import org.edgemoe.rtl.isa.ErrorCode;
import org.edgemoe.rtl.isa.IsaLimits;
import org.edgemoe.rtl.isa.Opcode;

/**
 * The command-list sequencer: on {@code start} it fetches the program from PROGRAM_ADDR through a read master
 * ({@code fetch} requests of up to {@value #CHUNK_BYTES} bytes while its {@value #BUFFER_BEATS}-beat buffer has
 * room, never past PROGRAM_SIZE), pairs the 128-bit beats into command words, checks and decodes each
 * ({@link CommandDecoder}) and dispatches it on {@code cmd}. BARRIER waits for {@code unitsIdle}; END waits for
 * it, then pulses {@code done}. Errors end the run with one {@code error} report: a bad command, a fetch past
 * PROGRAM_SIZE without END, an unaligned PROGRAM_ADDR, a read error of the fetch master ({@code fetchError}) or of
 * a unit's ({@code unitReadError}), a write error ({@code unitWriteError}), {@code abort}, or the watchdog (no
 * dispatch, fetched beat or {@code progress} for WATCHDOG cycles, 0 = off). After an error the sequencer stops
 * dispatching, waits for the fetch master to finish or drop its outstanding reads, empties its buffer and returns
 * to idle; {@code stopping} tells the units to abandon
 * their work. {@code trace} reports each dispatch, each BARRIER passed and the run's end to the command trace.
 */
public final class CommandSequencer extends Module {
    public static final int CHUNK_BYTES = 256;
    public static final int BUFFER_BEATS = 32;

    enum State { IDLE, RUN, WAIT_IDLE, STOP }

    public final Bool start = in(Bool());
    public final Bool abort = in(Bool());
    public final UInt task = in(UInt(1));
    public final UInt programAddr = in(UInt(32));
    public final UInt programSize = in(UInt(32));
    public final UInt weightsAddr = in(UInt(32));
    public final UInt weightsSize = in(UInt(32));
    public final UInt watchdog = in(UInt(32));
    public final Stream<TransferCmd> fetch = master(new Stream<>(new TransferCmd(32, 32)));
    public final Stream<ReadBeat> fetchData = slave(new Stream<>(new ReadBeat(128)));
    public final AxiError fetchError = in(new AxiError(32));
    public final AxiError unitReadError = in(new AxiError(32));
    public final AxiError unitWriteError = in(new AxiError(32));
    public final Stream<DecodedCommand> cmd = master(new Stream<>(new DecodedCommand()));
    /** The fetch master is busy (bursts outstanding or beats buffered). */
    public final Bool fetchBusy = in(Bool());
    public final Bool unitsIdle = in(Bool());
    public final Bool progress = in(Bool());
    public final Bool busy = out(Bool());
    public final Bool done = out(Bool());
    public final Bool stopping = out(Bool());
    /** END has been reached and the run waits for {@code unitsIdle} (units may still be finishing earlier commands). */
    public final Bool ending = out(Bool());
    /** One-cycle pulse at START: clears the sticky error status of every AXI master. */
    public final Bool clearErrors = out(Bool());
    public final Flow<RunError> error = master(new Flow<>(new RunError()));
    public final UInt pc = out(UInt(16));
    /** A pulse per command dispatched, BARRIER passed and at the run's end (END, the units idle): the command trace. */
    public final Flow<TraceEvent> trace = master(new Flow<>(new TraceEvent()));

    public CommandSequencer(IsaLimits limits) {
        HdlEnum<State> state = reg(Enum(State.class)).init(State.IDLE);
        UInt base = reg(UInt(32)).init(0);
        UInt limit = reg(UInt(32)).init(0);          // whole commands' bytes
        UInt fetched = reg(UInt(32)).init(0);        // bytes requested so far
        UInt inFlight = reg(UInt(7)).init(0);        // beats requested, not yet received
        Bool fetchValid = reg(Bool()).init(false);
        UInt fetchBytes = reg(UInt(32)).init(0);
        UInt index = reg(UInt(16)).init(0);
        Bool haveLow = reg(Bool()).init(false);
        Bits low = reg(Bits(128));
        Bool wordValid = reg(Bool()).init(false);
        CommandWord word = reg(new CommandWord());
        UInt dog = reg(UInt(32)).init(0);
        Bool run = state.is(State.RUN);

        // ---- fetch: chunks while the buffer has room for them ----
        StreamFifo<ReadBeat> buffer = instance(new StreamFifo<>(new ReadBeat(128), BUFFER_BEATS));
        UInt left = limit.minus(fetched);
        UInt chunk = mux(left.gt(CHUNK_BYTES), U(CHUNK_BYTES, 32), left).named("chunk");
        Bool room = buffer.occupancy.resize(8).plus(inFlight.resize(8)).le(BUFFER_BEATS - CHUNK_BYTES / 16);
        when(run.and(fetchValid.not()).and(left.ne(0)).and(room), () -> {
            fetchValid.set(true);
            fetchBytes.set(chunk);
        });
        fetch.valid.set(fetchValid);
        fetch.payload.addr.set(base.plus(fetched));
        fetch.payload.bytes.set(fetchBytes);
        when(fetch.fire(), () -> {
            fetchValid.set(false);
            fetched.set(fetched.plus(fetchBytes));
        });
        UInt issued = mux(fetch.fire(), fetchBytes.shr(4).resize(7), U(0, 7));
        UInt arrived = mux(fetchData.fire(), U(1, 7), U(0, 7));
        inFlight.set(inFlight.plus(issued).minus(arrived));
        buffer.push.valid.set(fetchData.valid.and(state.isNot(State.STOP)));
        buffer.push.payload.set(fetchData.payload);
        fetchData.ready.set(buffer.push.ready.or(state.is(State.STOP)));

        // ---- words: two beats each, decoded from a register ----
        CommandDecoder dec = instance(new CommandDecoder(limits));
        dec.word.set(word);
        dec.index.set(index);
        dec.task.set(task);
        dec.weightsAddr.set(weightsAddr);
        dec.weightsSize.set(weightsSize);
        buffer.pop.ready.set(run.and(wordValid.not()).or(state.is(State.STOP)));
        when(buffer.pop.fire().and(run), () -> {
            when(haveLow, () -> {
                word.setFromBits(cat(buffer.pop.payload.data, low));
                wordValid.set(true);
                haveLow.set(false);
            }).otherwise(() -> {
                low.set(buffer.pop.payload.data);
                haveLow.set(true);
            });
        });
        Bool good = dec.error.eq(0);
        Bool control = dec.cmd.op.isOneOf(Opcode.BARRIER, Opcode.END);
        cmd.valid.set(run.and(wordValid).and(good).and(control.not()));
        cmd.payload.set(dec.cmd);
        Bool barrierDone = run.and(wordValid).and(good).and(dec.cmd.op.is(Opcode.BARRIER)).and(unitsIdle);
        Bool endSeen = run.and(wordValid).and(good).and(dec.cmd.op.is(Opcode.END));
        when(cmd.fire().or(barrierDone).or(endSeen), () -> {
            wordValid.set(false);
            index.set(index.plus(1));
        });

        // ---- errors, first one wins ----
        Bool badWord = run.and(wordValid).and(good.not());
        Bool noEnd = run.and(left.eq(0)).and(fetchValid.not()).and(inFlight.eq(0)).and(buffer.occupancy.eq(0))
                .and(wordValid.not());
        Bool dogOut = watchdog.ne(0).and(dog.eq(watchdog)).and(state.isOneOf(State.RUN, State.WAIT_IDLE));
        UInt code = wireInit(U(0, 8)).named("errorCode");
        UInt addr = wireInit(U(0, 32)).named("errorAddr");
        Bool active = state.isOneOf(State.RUN, State.WAIT_IDLE);
        when(active.and(fetchError.valid), () -> {
            code.set(ErrorCode.DDR_READ.code);
            addr.set(fetchError.addr);
        }).elsewhen(active.and(unitReadError.valid), () -> {
            code.set(ErrorCode.DDR_READ.code);
            addr.set(unitReadError.addr);
        }).elsewhen(active.and(unitWriteError.valid), () -> {
            code.set(ErrorCode.DDR_WRITE.code);
            addr.set(unitWriteError.addr);
        }).elsewhen(badWord, () -> code.set(dec.error))
                .elsewhen(noEnd, () -> code.set(ErrorCode.NO_END.code))
                .elsewhen(dogOut, () -> code.set(ErrorCode.WATCHDOG.code))
                .elsewhen(active.and(abort), () -> code.set(ErrorCode.ABORTED.code));
        Bool misaligned = state.is(State.IDLE).and(start).and(programAddr.slice(3, 0).ne(0));
        when(misaligned, () -> {
            code.set(ErrorCode.ADDRESS_RANGE.code);
            addr.set(programAddr);
        });
        Bool fail = code.ne(0);
        error.valid.set(fail);
        error.payload.code.set(code);
        error.payload.index.set(index);
        error.payload.opcode.set(mux(wordValid, word.opcode, U(0, 8)));
        error.payload.addr.set(addr);

        // ---- watchdog: cycles without a dispatch, a fetched beat or unit progress ----
        Bool kick = cmd.fire().or(fetchData.fire()).or(progress).or(barrierDone).or(endSeen);
        when(active.not().or(kick), () -> dog.set(0)).elsewhen(dog.ne(watchdog), () -> dog.set(dog.plus(1)));

        // ---- state ----
        // stopped: the fetch master has finished (or dropped) what it was asked and the buffer is empty, and the units
        // (stopping resets them; their masters drop their transfers) are idle
        Bool drained = fetchValid.not().and(fetchBusy.not()).and(buffer.occupancy.eq(0));
        Bool finished = state.is(State.WAIT_IDLE).and(unitsIdle).and(fail.not()).named("finished");
        done.set(finished);
        switchOn(state)
                .is(State.IDLE, () -> when(start.and(misaligned.not()), () -> {
                    state.set(State.RUN);
                    base.set(programAddr);
                    limit.set(programSize.shr(5).shl(5).resize(32));
                    fetched.set(0);
                    index.set(0);
                    haveLow.set(false);
                    wordValid.set(false);
                    inFlight.set(0);
                }))
                .is(State.RUN, () -> when(fail, () -> state.set(State.STOP))
                        .elsewhen(endSeen, () -> state.set(State.WAIT_IDLE)))
                .is(State.WAIT_IDLE, () -> when(fail, () -> state.set(State.STOP))
                        .elsewhen(unitsIdle, () -> state.set(State.IDLE)))
                .is(State.STOP, () -> when(drained.and(unitsIdle), () -> state.set(State.IDLE)));
        when(state.is(State.STOP), () -> {
            wordValid.set(false);
            haveLow.set(false);
        });
        clearErrors.set(state.is(State.IDLE).and(start));
        busy.set(state.isNot(State.IDLE));
        stopping.set(state.is(State.STOP));
        ending.set(state.is(State.WAIT_IDLE));
        pc.set(index);

        // ---- trace: the command at a dispatch or BARRIER; END (index already past it) when the run ends ----
        trace.valid.set(cmd.fire().or(barrierDone).or(finished));
        trace.payload.index.set(mux(finished, index.minus(1), index));
        trace.payload.opcode.set(word.opcode);
        trace.payload.layer.set(word.layer);
    }

    public CommandSequencer() {
        this(IsaLimits.defaults());
    }
}
