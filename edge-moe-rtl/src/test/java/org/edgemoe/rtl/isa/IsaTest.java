package org.edgemoe.rtl.isa;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import org.edgemoe.model.ModelShape;
import org.junit.jupiter.api.Test;

/** Encoding, decoding, checking and disassembling commands; the M3ViT program and its weight layout. */
class IsaTest {

    @Test
    void commandsRoundTripThroughTheirWords() {
        Command c = new Command(Opcode.EXPERTS, Command.BIAS | Command.GELU, Buf.LNO, Buf.RES, Buf.SEC, 11, 16, 192, 384, 129,
                0x123440, 148_224, 303_104, 0x148440, 147_840);
        byte[] w = CommandCodec.encode(c);
        assertEquals(CommandCodec.BYTES, w.length);
        assertEquals(c, CommandCodec.decode(w, 0));
        assertEquals(0x06, w[0]);
        assertEquals(0x05, w[1]);
        assertEquals(Buf.LNO.id | Buf.RES.id << 4, w[2]);
        assertEquals(Buf.SEC.id, w[3]);
    }

    @Test
    void invalidWordsNameTheirErrorCode() {
        IsaLimits lim = IsaLimits.defaults();
        byte[] zero = new byte[32];
        assertEquals(ErrorCode.BAD_OPCODE, CommandCodec.check(zero, 0, lim, 1 << 20));
        byte[] w = CommandCodec.encode(new Command(Opcode.LINEAR, Command.BIAS, Buf.LNO, Buf.QKV, Buf.RES, 0, 0, 192, 576, 129, 0, 1000, 0));
        assertEquals(ErrorCode.NONE, CommandCodec.check(w, 0, lim, 1000));
        assertEquals(ErrorCode.ADDRESS_RANGE, CommandCodec.check(w, 0, lim, 999));
        byte[] r = w.clone();
        r[3] |= 0x10;
        assertEquals(ErrorCode.RESERVED_BITS, CommandCodec.check(r, 0, lim, 1000));
        byte[] f = w.clone();
        f[1] = (byte) 0x40;
        assertEquals(ErrorCode.RESERVED_BITS, CommandCodec.check(f, 0, lim, 1000));
        byte[] b = w.clone();
        b[2] = (byte) 0x71;
        assertEquals(ErrorCode.BAD_BUFFER, CommandCodec.check(b, 0, lim, 1000));
        byte[] s = CommandCodec.encode(new Command(Opcode.LINEAR, 0, Buf.LNO, Buf.QKV, Buf.RES, 0, 0, 200, 576, 129, 0, 10, 0));
        assertEquals(ErrorCode.BAD_SIZE, CommandCodec.check(s, 0, lim, 1000), "in size not a multiple of 16");
        byte[] t = CommandCodec.encode(new Command(Opcode.LINEAR, 0, Buf.LNO, Buf.QKV, Buf.RES, 0, 0, 192, 576, 300, 0, 10, 0));
        assertEquals(ErrorCode.BAD_SIZE, CommandCodec.check(t, 0, lim, 1000), "too many tokens");
        byte[] e = CommandCodec.encode(new Command(Opcode.EXPERTS, 0, Buf.LNO, Buf.RES, Buf.SEC, 1, 16, 192, 384, 129, 0, 100, 128));
        assertEquals(ErrorCode.NONE, CommandCodec.check(e, 0, lim, 15 * 128 + 100));
        assertEquals(ErrorCode.ADDRESS_RANGE, CommandCodec.check(e, 0, lim, 15 * 128 + 99), "the last expert is out of range");
        byte[] pf = CommandCodec.encode(new Command(Opcode.PREFETCH, 0, null, null, null, 1, 16, 0, 0, 0, 0, 100, 128, 64, 20));
        assertEquals(ErrorCode.NONE, CommandCodec.check(pf, 0, lim, 15 * 128 + 100));
        assertEquals(ErrorCode.ADDRESS_RANGE, CommandCodec.check(pf, 0, lim, 15 * 128 + 99), "PREFETCH: the last expert out of range");
        byte[] pf0 = CommandCodec.encode(new Command(Opcode.PREFETCH, 0, null, null, null, 1, 0, 0, 0, 0, 0, 100, 128, 64, 20));
        assertEquals(ErrorCode.BAD_SIZE, CommandCodec.check(pf0, 0, lim, 1 << 20), "PREFETCH of no experts");
        assertThrows(IllegalArgumentException.class, () -> CommandCodec.decode(zero, 0));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new Command(Opcode.LINEAR, 0, null, null, null, 0, 0, 70_000, 0, 0, 0, 0, 0))
                .getMessage().contains("inSize 70000"));
    }

    @Test
    void m3vitProgramHasTheBackboneStructureForAnyNumberOfLayers() {
        for (int layers : new int[] {1, 2, 12}) {
            SyntheticIndex layout = SyntheticIndex.m3vit(layers);
            List<Command> p = ProgramBuilder.m3vit(layout, layers).commands();
            int dense = (layers + 1) / 2;
            int moe = layers / 2;
            assertEquals(1 + dense * 7 + moe * 8 + 2, p.size(), "each MoE layer has a PREFETCH");
            assertEquals(Opcode.EMBED, p.get(0).opcode());
            assertEquals(Opcode.END, p.get(p.size() - 1).opcode());
            assertEquals(Opcode.STORE, p.get(p.size() - 2).opcode());
            byte[] image = CommandCodec.encode(p);
            assertEquals(p, CommandCodec.decodeAll(image));
            for (int i = 0; i < p.size(); i++) {
                assertEquals(ErrorCode.NONE, CommandCodec.check(image, i * 32, IsaLimits.defaults(), layout.size()), "command " + i);
            }
            long gates = p.stream().filter(c -> c.opcode() == Opcode.GATE && c.has(Command.TASK_SEL)).count();
            assertEquals(moe, gates);
            // each EXPERTS' blocks are prefetched after the previous EXPERTS (the first after EMBED), with its fields
            int prefetched = -1;
            for (int i = 0; i < p.size(); i++) {
                Command c = p.get(i);
                if (c.opcode() == Opcode.PREFETCH) {
                    assertEquals(-1, prefetched, "one PREFETCH at a time, command " + i);
                    prefetched = i;
                } else if (c.opcode() == Opcode.EXPERTS) {
                    assertTrue(prefetched > 0, "EXPERTS " + i + " was prefetched");
                    Command f = p.get(prefetched);
                    assertEquals(List.of(c.layer(), c.count(), c.weightOffset(), c.weightBytes(), c.weight2Offset(), c.weight2Bytes(), c.weightStride()),
                            List.of(f.layer(), f.count(), f.weightOffset(), f.weightBytes(), f.weight2Offset(), f.weight2Bytes(), f.weightStride()));
                    prefetched = -1;
                }
            }
            assertEquals(-1, prefetched, "no PREFETCH without its EXPERTS");
            assertEquals(moe > 0 ? 1 : -1, p.stream().map(Command::opcode).toList().indexOf(Opcode.PREFETCH), "the first right after EMBED");
        }
        SyntheticIndex full = SyntheticIndex.m3vit(12);
        // 16-bit weights of the whole backbone: 35.5 MB of values, 37.0 MB with every tensor 4 KB aligned
        assertEquals(37.0e6, full.size(), 0.1e6);
        Command experts = ProgramBuilder.m3vit(full, 12).commands().stream().filter(c -> c.opcode() == Opcode.EXPERTS).findFirst().orElseThrow();
        assertEquals(ModelShape.EXPERTS, experts.count());
        assertEquals(full.block("l1.expert1.fc1").offset() - full.block("l1.expert0.fc1").offset(), experts.weightStride());
        assertEquals(full.block("l1.expert0.fc2").offset(), experts.weight2Offset());
        assertEquals((192L * 384 + 192) * 2, experts.weight2Bytes());
    }

    @Test
    void disassemblerPrintsEveryCommandAndFlagsBadWords() {
        SyntheticIndex layout = SyntheticIndex.m3vit(2);
        byte[] image = ProgramBuilder.m3vit(layout, 2).encode();
        String text = Disassembler.disassemble(image);
        assertTrue(text.contains("   0: EMBED"), text);
        assertTrue(text.contains("LINEAR    LNO -> QKV tokens=129 in=192 out=576"), text);
        assertTrue(text.contains("[bias,attn_bias,resid] layer=0"), text);
        assertTrue(text.contains("GATE      LNO -> RES tokens=129 in=192 out=16"), text);
        assertTrue(text.contains("[task_sel] layer=1"), text);
        assertTrue(text.contains("EXPERTS   LNO -> RES second=SEC experts=16"), text);
        assertTrue(text.strip().endsWith("END"), text);
        byte[] bad = image.clone();
        bad[32 * 3] = 0x7E;
        assertTrue(Disassembler.disassemble(bad).contains("   3: ??? BAD_OPCODE: opcode 0x7e"));
    }
}
