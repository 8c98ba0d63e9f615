package org.edgemoe.hdl.lib.axi;

import static org.edgemoe.hdl.core.Hdl.*;

import org.edgemoe.hdl.core.Bits;
import org.edgemoe.hdl.core.Bundle;
import org.edgemoe.hdl.core.UInt;
import org.edgemoe.hdl.lib.Stream;

/**
 * An AXI4-Lite bus (SpinalHDL's {@code AxiLite4}): AW and AR carry addr and prot, W data and strb, B resp,
 * R data and resp. Names as for {@link Axi4}: {@code io_<bus>_awvalid}, {@code io_<bus>_awaddr},
 * {@code io_<bus>_wstrb}, {@code io_<bus>_bresp}, {@code io_<bus>_rdata}...
 */
public final class AxiLite4 extends Bundle {
    /** An address beat: addr, prot. */
    public static final class Ax extends Bundle {
        public final UInt addr;
        public final UInt prot = UInt(3);
        private final int aw;

        public Ax(int addressWidth) {
            this.aw = addressWidth;
            addr = UInt(addressWidth);
        }

        @Override
        public Ax cloneType() {
            Ax c = new Ax(aw);
            return isFlipped() ? flipped(c) : c;
        }
    }

    /** A write data beat: data, strb. */
    public static final class W extends Bundle {
        public final Bits data;
        public final Bits strb;
        private final int dw;

        public W(int dataWidth) {
            this.dw = dataWidth;
            data = Bits(dataWidth);
            strb = Bits(dataWidth / 8);
        }

        @Override
        public W cloneType() {
            W c = new W(dw);
            return isFlipped() ? flipped(c) : c;
        }
    }

    /** A write response: resp. */
    public static final class B extends Bundle {
        public final UInt resp = UInt(2);

        @Override
        public B cloneType() {
            B c = new B();
            return isFlipped() ? flipped(c) : c;
        }
    }

    /** A read data beat: data, resp. */
    public static final class R extends Bundle {
        public final Bits data;
        public final UInt resp = UInt(2);
        private final int dw;

        public R(int dataWidth) {
            this.dw = dataWidth;
            data = Bits(dataWidth);
        }

        @Override
        public R cloneType() {
            R c = new R(dw);
            return isFlipped() ? flipped(c) : c;
        }
    }

    public final Stream<Ax> aw;
    public final Stream<W> w;
    public final Stream<B> b;
    public final Stream<Ax> ar;
    public final Stream<R> r;

    private final int addressWidth;
    private final int dataWidth;

    public AxiLite4(int addressWidth, int dataWidth) {
        if (dataWidth != 32 && dataWidth != 64) {
            throw new IllegalArgumentException("AXI4-Lite data width must be 32 or 64 bits, was " + dataWidth);
        }
        if (addressWidth < 1 || addressWidth > 64) {
            throw new IllegalArgumentException("AXI4-Lite address width must be 1..64 bits, was " + addressWidth);
        }
        this.addressWidth = addressWidth;
        this.dataWidth = dataWidth;
        aw = new Stream<>(new Ax(addressWidth));
        w = new Stream<>(new W(dataWidth));
        b = flipped(new Stream<>(new B()));
        ar = new Stream<>(new Ax(addressWidth));
        r = flipped(new Stream<>(new R(dataWidth)));
    }

    public int addressWidth() {
        return addressWidth;
    }

    public int dataWidth() {
        return dataWidth;
    }

    @Override
    protected String leafName(String defaultPath) {
        return AxiNames.channelField(defaultPath);
    }

    @Override
    public AxiLite4 cloneType() {
        AxiLite4 c = new AxiLite4(addressWidth, dataWidth);
        return isFlipped() ? flipped(c) : c;
    }
}
