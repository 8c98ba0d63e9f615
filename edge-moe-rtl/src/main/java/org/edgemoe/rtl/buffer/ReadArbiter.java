package org.edgemoe.rtl.buffer;

import static org.edgemoe.hdl.core.Hdl.*;

import org.edgemoe.hdl.core.Bool;
import org.edgemoe.hdl.core.Module;
import org.edgemoe.hdl.core.UInt;
import org.edgemoe.hdl.fixed.FixFormat;
import org.edgemoe.hdl.lib.Stream;

/**
 * Shares one {@link ActBuffer} read port between two requesters, requester 0 first when both ask. The buffer
 * has at most one word in flight (its output register) and takes an address only as that word drains, so
 * one owner register routes each word back to the requester whose address the buffer took.
 */
public final class ReadArbiter extends Module {
    public final Stream<BufferAddr> read0;
    public final Stream<ActBuffer.Word> data0;
    public final Stream<BufferAddr> read1;
    public final Stream<ActBuffer.Word> data1;
    public final Stream<BufferAddr> read;
    public final Stream<ActBuffer.Word> data;

    public ReadArbiter(int addrWidth, int lanes, FixFormat format) {
        param("LANES", lanes);
        read0 = slave(new Stream<>(new BufferAddr(addrWidth)));
        data0 = master(new Stream<>(new ActBuffer.Word(lanes, format)));
        read1 = slave(new Stream<>(new BufferAddr(addrWidth)));
        data1 = master(new Stream<>(new ActBuffer.Word(lanes, format)));
        read = master(new Stream<>(new BufferAddr(addrWidth)));
        data = slave(new Stream<>(new ActBuffer.Word(lanes, format)));

        Bool pick1 = read0.valid.not().named("pick1");
        read.valid.set(read0.valid.or(read1.valid));
        read.payload.set(mux(pick1, read1.payload, read0.payload));
        read0.ready.set(read.ready);
        read1.ready.set(read.ready.and(pick1));
        UInt owner = reg(UInt(1)).init(0).named("owner");
        when(read.fire(), () -> owner.set(pick1.asUInt()));
        Bool to1 = owner.eq(1);
        data0.valid.set(data.valid.and(to1.not()));
        data1.valid.set(data.valid.and(to1));
        data0.payload.set(data.payload);
        data1.payload.set(data.payload);
        data.ready.set(mux(to1, data1.ready, data0.ready));
    }
}
