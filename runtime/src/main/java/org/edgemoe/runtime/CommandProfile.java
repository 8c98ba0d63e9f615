package org.edgemoe.runtime;

import static org.edgemoe.runtime.EdgeMoeRegs.*;

import java.util.ArrayList;
import java.util.List;
import org.edgemoe.model.ModelShape;
import org.edgemoe.rtl.isa.CommandCodec;
import org.edgemoe.rtl.isa.Opcode;

/**
 * The accelerator's command trace (the TRACE_* registers, docs/accelerator.md): one stamp per command (when it
 * begins), BARRIER passed and the run's end (END), each with the cycle and DDR byte counters of that cycle. The
 * units work on one command at a time, so a command's cost is the difference between its stamp and the next:
 * {@link #rows} pairs them with
 * the program into a per-command profile (cycles, DDR bytes, compute-unit utilisation). Read the same way on the
 * board and in simulation ({@link Accelerator#trace()}).
 */
public final class CommandProfile {
    /** One trace entry: the command (index in the program, opcode byte, layer label) and the counters at its stamp. */
    public record Stamp(int index, int opcode, int layer, long cycles, long ddrReadBytes, long ddrWriteBytes) { }

    /**
     * One command: its opcode, layer, first cycle (PERF_CYCLES when it began), cycles until the next stamp, DDR bytes
     * read and written meanwhile, its useful multiply-accumulates on the compute unit (0 when it does not use it)
     * and their share of the array's peak over its cycles ({@code macs / (cycles x rows x cols)}; NaN without MACs).
     */
    public record Row(int index, Opcode opcode, int layer, long start, long cycles, long ddrReadBytes, long ddrWriteBytes, long macs,
                      double cuUtil) {
        public long ddrBytes() {
            return ddrReadBytes + ddrWriteBytes;
        }
    }

    private final List<Stamp> stamps;
    private final boolean overflow;
    private final int depth;

    public CommandProfile(List<Stamp> stamps, boolean overflow, int depth) {
        this.stamps = List.copyOf(stamps);
        this.overflow = overflow;
        this.depth = depth;
    }

    /** Reads the trace through the registers: TRACE_COUNT, then TRACE_SELECT and the entry's four words for each. */
    static CommandProfile read(AcceleratorBackend bus) {
        int count = bus.regRead(TRACE_COUNT);
        int n = (count & TRACE_COUNT_ENTRIES_MASK) >>> TRACE_COUNT_ENTRIES_SHIFT;
        boolean over = (count & TRACE_COUNT_OVERFLOW_MASK) != 0;
        int depth = bus.regRead(TRACE_DEPTH) & TRACE_DEPTH_MASK;
        List<Stamp> s = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            bus.regWrite(TRACE_SELECT, i);
            int info = bus.regRead(TRACE_INFO);
            s.add(new Stamp((info & TRACE_INFO_INDEX_MASK) >>> TRACE_INFO_INDEX_SHIFT, (info & TRACE_INFO_OPCODE_MASK) >>> TRACE_INFO_OPCODE_SHIFT,
                    (info & TRACE_INFO_LAYER_MASK) >>> TRACE_INFO_LAYER_SHIFT, Integer.toUnsignedLong(bus.regRead(TRACE_CYCLES)),
                    Integer.toUnsignedLong(bus.regRead(TRACE_DDR_RD_BYTES)), Integer.toUnsignedLong(bus.regRead(TRACE_DDR_WR_BYTES))));
        }
        return new CommandProfile(s, over, depth);
    }

    public List<Stamp> stamps() {
        return stamps;
    }

    /** More events than the trace holds: the stamps are the run's first {@link #depth()}, the rest were dropped. */
    public boolean overflow() {
        return overflow;
    }

    public int depth() {
        return depth;
    }

    /** Whether the trace reaches the run's end (its last stamp is END). */
    public boolean complete() {
        return !stamps.isEmpty() && stamps.get(stamps.size() - 1).opcode() == Opcode.END.code;
    }

    /**
     * The per-command profile of {@code program} (the bytes the run executed) on a {@code cuRows x cuCols} compute
     * unit: a row per stamp but the last (END, or the last one kept when the trace overflowed). Useful MACs: LINEAR
     * tokens x in x out; EXPERTS tokens x {@value ModelShape#TOP_K} experts x FC1 and FC2 (2 x in x out each); EMBED
     * the patch linear over tokens - 1 patches (the class token has none).
     */
    public List<Row> rows(byte[] program, int cuRows, int cuCols) {
        List<Row> out = new ArrayList<>();
        for (int i = 0; i + 1 < stamps.size(); i++) {
            Stamp a = stamps.get(i);
            Stamp b = stamps.get(i + 1);
            if ((long) a.index() * CommandCodec.BYTES + CommandCodec.BYTES > program.length) {
                throw new IllegalArgumentException("trace entry " + i + " names command " + a.index() + ", past the " + program.length / CommandCodec.BYTES
                        + "-command program given: not the program this run executed");
            }
            CommandCodec.Raw c = CommandCodec.raw(program, a.index() * CommandCodec.BYTES);
            if (c.opcode() != a.opcode()) {
                throw new IllegalArgumentException(String.format("trace entry %d: command %d has opcode 0x%02x, the program given 0x%02x there: "
                        + "not the program this run executed", i, a.index(), a.opcode(), c.opcode()));
            }
            long cycles = (b.cycles() - a.cycles()) & 0xFFFF_FFFFL;
            long macs = macs(c);
            double util = macs == 0 || cycles == 0 ? Double.NaN : (double) macs / ((double) cycles * cuRows * cuCols);
            out.add(new Row(a.index(), Opcode.of(a.opcode()), a.layer(), a.cycles(), cycles, (b.ddrReadBytes() - a.ddrReadBytes()) & 0xFFFF_FFFFL,
                    (b.ddrWriteBytes() - a.ddrWriteBytes()) & 0xFFFF_FFFFL, macs, util));
        }
        return out;
    }

    /** The compute unit's useful multiply-accumulates of command {@code c} (0 for commands that do not use it). */
    public static long macs(CommandCodec.Raw c) {
        Opcode op = Opcode.of(c.opcode());
        if (op == null) {
            return 0;
        }
        long io = (long) c.inSize() * c.outSize();
        return switch (op) {
            case LINEAR -> c.tokens() * io;
            case EXPERTS -> c.tokens() * (long) ModelShape.TOP_K * 2 * io;
            case EMBED -> Math.max(0, c.tokens() - 1) * io;
            default -> 0;
        };
    }
}
