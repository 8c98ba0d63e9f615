package org.edgemoe.rtl.buffer;

import static org.edgemoe.hdl.core.Hdl.*;

import org.edgemoe.hdl.core.Bits;
import org.edgemoe.hdl.core.Bool;
import org.edgemoe.hdl.core.Bundle;
import org.edgemoe.hdl.core.Mem;
import org.edgemoe.hdl.core.Module;
import org.edgemoe.hdl.core.UInt;
import org.edgemoe.hdl.lib.Flow;
import org.edgemoe.hdl.lib.Stream;

/**
 * An {@link AddressGen} whose inner loop can run through a list: with {@code indexed} set, the address is
 * {@code base + list[i0].index * strides[0] + i1 * strides[1] + i2 * strides[2]} and each address carries
 * {@code list[i0].tag}; without it, the plain loop nest (tag 0). The list (written through {@code list},
 * position and entry) is how the MoE layers gather an expert's tokens out of a buffer and scatter its
 * outputs back, with each token's gate score and rank as the tag.
 *
 * <p>Two stages: the loop counters (stage A) and, after the list memory's synchronous read, the address
 * (stage B, one small multiply); one address per cycle under back-pressure.
 */
public final class ListAddressGen extends Module {
    /** A list entry: the row it points at and a tag that travels with its addresses. */
    public static final class Entry extends Bundle {
        public final UInt index;
        public final Bits tag;
        private final int iw;
        private final int tw;

        public Entry(int indexWidth, int tagWidth) {
            this.iw = indexWidth;
            this.tw = tagWidth;
            index = UInt(indexWidth);
            tag = Bits(tagWidth);
        }

        @Override
        public Entry cloneType() {
            Entry c = new Entry(iw, tw);
            return isFlipped() ? flipped(c) : c;
        }
    }

    /** A list write: position and entry. */
    public static final class Write extends Bundle {
        public final UInt pos;
        public final Entry entry;
        private final int pw;
        private final int iw;
        private final int tw;

        public Write(int posWidth, int indexWidth, int tagWidth) {
            this.pw = posWidth;
            this.iw = indexWidth;
            this.tw = tagWidth;
            pos = UInt(posWidth);
            entry = new Entry(indexWidth, tagWidth);
        }

        @Override
        public Write cloneType() {
            Write c = new Write(pw, iw, tw);
            return isFlipped() ? flipped(c) : c;
        }
    }

    /** A loop nest and whether its inner loop runs through the list. */
    public static final class Cmd extends Bundle {
        public final LoopCmd loops;
        public final Bool indexed = Bool();
        private final int aw;
        private final int cw;

        public Cmd(int addrWidth, int countWidth) {
            this.aw = addrWidth;
            this.cw = countWidth;
            loops = new LoopCmd(addrWidth, countWidth);
        }

        @Override
        public Cmd cloneType() {
            Cmd c = new Cmd(aw, cw);
            return isFlipped() ? flipped(c) : c;
        }
    }

    /** An address and the tag of the list entry it came from. */
    public static final class Addr extends Bundle {
        public final UInt addr;
        public final Bits tag;
        public final Bool last = Bool();
        private final int aw;
        private final int tw;

        public Addr(int addrWidth, int tagWidth) {
            this.aw = addrWidth;
            this.tw = tagWidth;
            addr = UInt(addrWidth);
            tag = Bits(tagWidth);
        }

        @Override
        public Addr cloneType() {
            Addr c = new Addr(aw, tw);
            return isFlipped() ? flipped(c) : c;
        }
    }

    public final Stream<Cmd> cmd;
    public final Flow<Write> list;
    public final Stream<Addr> addr;
    public final Bool busy = out(Bool());

    public ListAddressGen(int addrWidth, int countWidth, int listDepth, int indexWidth, int tagWidth) {
        int pw = log2Up(listDepth);
        param("ADDR_WIDTH", addrWidth);
        param("LIST_DEPTH", listDepth);
        param("TAG_WIDTH", tagWidth);
        cmd = slave(new Stream<>(new Cmd(addrWidth, countWidth)));
        list = slave(new Flow<>(new Write(pw, indexWidth, tagWidth)));
        addr = master(new Stream<>(new Addr(addrWidth, tagWidth)));

        Mem<Bits> entries = mem(Bits(indexWidth + tagWidth), listDepth);
        when(list.valid, () -> entries.write(list.payload.pos, list.payload.entry.toBits()));

        // ---- stage A: the loop counters ----
        LoopNest loop = new LoopNest(addrWidth, countWidth);
        Bool indexed = reg(Bool()).init(false).named("indexed");

        // ---- stage B: the list entry read, the address ----
        Bool bValid = reg(Bool()).init(false).named("bValid");
        Bool advance = loop.active.and(bValid.not().or(addr.ready)).named("advance");
        Bits entry = entries.readSync(loop.i0.resize(pw), advance);
        UInt bStart = regNextWhen(loop.start1, advance).named("bStart");
        UInt bCur = regNextWhen(loop.cur, advance).named("bCur");
        UInt bStride = regNextWhen(loop.stride0, advance).named("bStride");
        Bool bLast = regNextWhen(loop.isLast, advance).named("bLast");
        Bool bIndexed = regNextWhen(indexed, advance).named("bIndexed");
        when(advance, () -> bValid.set(true)).elsewhen(addr.ready, () -> bValid.set(false));
        UInt index = entry.slice(indexWidth - 1, 0).asUInt();
        UInt gathered = bStart.plus(index.times(bStride).resize(addrWidth)).named("gathered");
        addr.valid.set(bValid);
        addr.payload.addr.set(mux(bIndexed, gathered, bCur));
        addr.payload.tag.set(mux(bIndexed, entry.slice(indexWidth + tagWidth - 1, indexWidth), Bits(0, tagWidth)));
        addr.payload.last.set(bLast);

        cmd.ready.set(loop.active.not().and(bValid.not().or(addr.ready)));
        busy.set(loop.active.or(bValid));
        when(cmd.fire(), () -> {
            loop.load(cmd.payload.loops);
            indexed.set(cmd.payload.indexed);
        });
        when(advance, loop::advance);
    }
}
