package org.edgemoe.rtl.axi;

import static org.edgemoe.hdl.core.Hdl.*;

import org.edgemoe.hdl.core.Bool;
import org.edgemoe.hdl.core.Module;
import org.edgemoe.hdl.core.UInt;
import org.edgemoe.hdl.lib.Stream;
import org.edgemoe.hdl.lib.axi.Axi4;

/**
 * Cuts transfers at 4 KB boundaries into {@link StripePiece}s dealt round-robin to {@code ports} read ports: each
 * piece ends at the transfer's end or the page's end, whichever comes first, and goes to the port after the
 * previous piece's. The round-robin position carries over from one transfer to the next (a run of small
 * transfers spreads over every port instead of piling onto port 0). One piece per cycle while the output is
 * ready; a new transfer is taken the cycle after the last piece of the current one. {@code abort} abandons the
 * transfer in progress and drops new ones (transfers of 0 bytes are dropped too).
 */
public final class PieceCutter extends Module {
    public final Stream<TransferCmd> cmd;
    public final Stream<StripePiece> piece;
    public final Bool abort = in(Bool());
    /** A transfer is being cut. */
    public final Bool busy = out(Bool());

    public PieceCutter(int addressWidth, int lengthWidth, int ports) {
        if (ports < 1) {
            throw new IllegalArgumentException("a striped transfer needs at least one port, was " + ports);
        }
        if (addressWidth < 12) {
            throw new IllegalArgumentException("address width must be at least 12 bits (a 4 KB page), was " + addressWidth);
        }
        if (lengthWidth < 12 || lengthWidth > 40) {
            throw new IllegalArgumentException("transfer length width must be 12..40 bits, was " + lengthWidth);
        }
        int pw = Math.max(1, log2Up(ports));
        int bw = StripePiece.BYTES_WIDTH;
        int cw = Math.max(lengthWidth, bw);
        param("ADDR_WIDTH", addressWidth);
        param("LEN_WIDTH", lengthWidth);
        param("PORTS", ports);
        cmd = slave(new Stream<>(new TransferCmd(addressWidth, lengthWidth)));
        piece = master(new Stream<>(new StripePiece(addressWidth, pw)));

        Bool active = reg(Bool()).init(false);
        UInt addr = reg(UInt(addressWidth)).init(0);
        UInt left = reg(UInt(lengthWidth)).init(0);
        UInt port = reg(UInt(pw)).init(0);

        cmd.ready.set(active.not().or(abort));
        when(cmd.fire().and(abort.not()).and(cmd.payload.bytes.ne(0)), () -> {
            active.set(true);
            addr.set(cmd.payload.addr);
            left.set(cmd.payload.bytes);
        });

        // bytes to the end of the page: 4096 - (addr mod 4096), 1..4096
        UInt room = U(Axi4.BOUNDARY_BYTES, bw).minus(addr.slice(11, 0).resize(bw)).named("room");
        Bool fits = left.resize(cw).le(room.resize(cw)).named("fits");
        UInt n = mux(fits, left.resize(bw), room).named("pieceBytes");

        piece.valid.set(active.and(abort.not()));
        piece.payload.addr.set(addr);
        piece.payload.bytes.set(n);
        piece.payload.port.set(port);
        piece.payload.last.set(fits);
        when(piece.fire(), () -> {
            addr.set(addr.plus(n.resize(addressWidth)));
            left.set(left.resize(cw).minus(n.resize(cw)).resize(lengthWidth));
            if (ports > 1) {
                port.set(Integer.bitCount(ports) == 1 ? port.plus(1) : mux(port.eq(ports - 1), U(0, pw), port.plus(1)));
            }
            when(fits, () -> active.set(false));
        });
        when(abort, () -> active.set(false));
        busy.set(active);
    }
}
