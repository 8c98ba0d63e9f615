package org.edgemoe.runtime;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import org.edgemoe.rtl.isa.Buf;
import org.edgemoe.rtl.isa.Command;
import org.edgemoe.rtl.isa.CommandCodec;
import org.edgemoe.rtl.isa.Opcode;
import org.edgemoe.rtl.top.ControlRegisters;
import org.junit.jupiter.api.Test;

/**
 * The per-command profile: stamps paired into rows (cycles, DDR bytes, useful MACs, compute-unit utilisation) from
 * a known trace, counter wrap-around, a program that is not the one traced; and the trace read through the
 * registers of the control plane in Verilator by {@link Accelerator#trace()}.
 */
class CommandProfileTest {
    static final Command LINEAR = new Command(Opcode.LINEAR, Command.BIAS, Buf.LNO, Buf.QKV, Buf.RES, 3, 0, 192, 576, 129, 0, 4096, 0);
    static final Command ATTENTION = new Command(Opcode.ATTENTION, 0, Buf.QKV, Buf.ATT, Buf.RES, 3, 3, 192, 0, 129, 0, 0, 0);
    static final Command EXPERTS = new Command(Opcode.EXPERTS, Command.BIAS | Command.GELU, Buf.LNO, Buf.RES, Buf.SEC, 3, 16, 192, 384, 129,
            0, 4096, 8192, 4096, 4096);
    static final Command EMBED = new Command(Opcode.EMBED, Command.BIAS | Command.RESID, Buf.HID, Buf.RES, Buf.RES, 0, 0, 768, 192, 129,
            0, 4096, 0, 4096, 4096);

    static byte[] program(Command... c) {
        return CommandCodec.encode(List.of(c));
    }

    @Test
    void rowsAreTheDifferencesBetweenStampsWithTheUsefulMacsOfEachCommand() {
        byte[] prog = program(EMBED, LINEAR, ATTENTION, EXPERTS, Command.of(Opcode.END));
        CommandProfile p = new CommandProfile(List.of(
                new CommandProfile.Stamp(0, 0x01, 0, 60, 2_784, 0),
                new CommandProfile.Stamp(1, 0x03, 3, 60 + 100_000, 600_000, 0),
                new CommandProfile.Stamp(2, 0x04, 3, 60 + 150_000, 830_000, 0),
                new CommandProfile.Stamp(3, 0x06, 3, 60 + 180_000, 830_000, 0),
                new CommandProfile.Stamp(4, 0x0F, 0, 60 + 480_000, 2_000_000, 99_072)), false, 256);
        assertTrue(p.complete());
        List<CommandProfile.Row> rows = p.rows(prog, 16, 16);
        assertEquals(4, rows.size(), "a row per stamp but END");

        CommandProfile.Row embed = rows.get(0);
        assertEquals(Opcode.EMBED, embed.opcode());
        assertEquals(60, embed.start());
        assertEquals(100_000, embed.cycles());
        assertEquals(600_000 - 2_784, embed.ddrReadBytes());
        assertEquals(128L * 768 * 192, embed.macs(), "the patch linear over 128 patches");
        assertEquals(128.0 * 768 * 192 / (100_000.0 * 256), embed.cuUtil(), 1e-12);

        CommandProfile.Row lin = rows.get(1);
        assertEquals(3, lin.layer());
        assertEquals(50_000, lin.cycles());
        assertEquals(230_000, lin.ddrBytes());
        assertEquals(129L * 192 * 576, lin.macs());
        assertEquals(129.0 * 192 * 576 / (50_000.0 * 256), lin.cuUtil(), 1e-12);

        CommandProfile.Row attn = rows.get(2);
        assertEquals(0, attn.macs(), "not on the compute unit");
        assertTrue(Double.isNaN(attn.cuUtil()));

        CommandProfile.Row experts = rows.get(3);
        assertEquals(300_000, experts.cycles());
        assertEquals(129L * 2 * 2 * 192 * 384, experts.macs(), "129 tokens x 2 experts x FC1 and FC2");
        assertEquals(99_072, experts.ddrWriteBytes());
        assertEquals(1_170_000 + 99_072, experts.ddrBytes());
    }

    @Test
    void countersThatWrapBetweenTwoStampsStillGiveTheDifference() {
        byte[] prog = program(LINEAR, Command.of(Opcode.END));
        CommandProfile p = new CommandProfile(List.of(new CommandProfile.Stamp(0, 0x03, 3, 0xFFFF_FF00L, 0xFFFF_FFF0L, 0),
                new CommandProfile.Stamp(1, 0x0F, 0, 0x100, 0x10, 0)), false, 256);
        CommandProfile.Row r = p.rows(prog, 16, 16).get(0);
        assertEquals(0x200, r.cycles());
        assertEquals(0x20, r.ddrReadBytes());
    }

    @Test
    void aProgramThatIsNotTheTracedOneIsRefused() {
        CommandProfile p = new CommandProfile(List.of(new CommandProfile.Stamp(0, 0x03, 3, 10, 0, 0),
                new CommandProfile.Stamp(1, 0x0F, 0, 20, 0, 0)), false, 256);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> p.rows(program(ATTENTION, Command.of(Opcode.END)), 16, 16));
        assertTrue(e.getMessage().contains("opcode 0x03") && e.getMessage().contains("0x04"), e.getMessage());
        CommandProfile far = new CommandProfile(List.of(new CommandProfile.Stamp(7, 0x03, 3, 10, 0, 0),
                new CommandProfile.Stamp(8, 0x0F, 0, 20, 0, 0)), false, 256);
        e = assertThrows(IllegalArgumentException.class, () -> far.rows(program(LINEAR, Command.of(Opcode.END)), 16, 16));
        assertTrue(e.getMessage().contains("command 7"), e.getMessage());
        assertFalse(new CommandProfile(List.of(new CommandProfile.Stamp(0, 0x03, 3, 10, 0, 0)), true, 1).complete(),
                "a trace that does not end at END is incomplete");
    }

    @Test
    void theDriverReadsTheTraceOfTheControlPlane() {
        byte[] prog = AcceleratorTest.STORE_PROGRAM;    // BARRIER, STORE, BARRIER, END
        try (ControlPlaneTarget t = new ControlPlaneTarget(); SimulationBackend b = AcceleratorTest.backend(t)) {
            Accelerator acc = AcceleratorTest.loaded(b, prog);
            for (Task task : Task.values()) {
                RunResult r = acc.run(task, 1_000_000, null);
                CommandProfile p = acc.trace();
                assertEquals(ControlRegisters.TRACE_DEPTH, p.depth());
                assertFalse(p.overflow());
                assertTrue(p.complete());
                List<CommandProfile.Stamp> s = p.stamps();
                assertEquals(4, s.size(), "two BARRIERs, the STORE, END: " + s);
                int[] ops = {0x08, 0x07, 0x08, 0x0F};
                for (int i = 0; i < 4; i++) {
                    assertEquals(i, s.get(i).index());
                    assertEquals(ops[i], s.get(i).opcode());
                }
                assertTrue(s.get(3).cycles() < r.perf().cycles(), "END's stamp within the run");
                assertTrue(s.get(0).cycles() > 0, "the first command waits for the program fetch");
                List<CommandProfile.Row> rows = p.rows(prog, 16, 16);
                assertEquals(3, rows.size());
                assertEquals(Opcode.STORE, rows.get(1).opcode());
                long sum = rows.stream().mapToLong(CommandProfile.Row::cycles).sum();
                assertEquals(s.get(3).cycles() - s.get(0).cycles(), sum, "the rows cover the run from the first dispatch to END");
            }
        }
    }
}
