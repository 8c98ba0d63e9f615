package org.edgemoe.hdl.lib.axi;

import static org.edgemoe.hdl.core.Hdl.*;

import org.edgemoe.hdl.core.Bits;
import org.edgemoe.hdl.core.Bool;
import org.edgemoe.hdl.core.Bundle;
import org.edgemoe.hdl.core.UInt;
import org.edgemoe.hdl.lib.Stream;

/**
 * An AXI4-Stream interface (SpinalHDL's {@code Axi4Stream}): a {@link Stream} whose payload is TDATA with the
 * optional TID, TSTRB, TKEEP, TDEST, TLAST and TUSER. Ports use the specification's names under the stream
 * name: {@code io_<name>_tvalid}, {@code io_<name>_tready}, {@code io_<name>_tdata}, {@code io_<name>_tlast}...
 */
public final class Axi4Stream extends Stream<Axi4Stream.Payload> {

    /** Widths and optional signals; {@code dataBytes} bytes of TDATA. A width of 0 leaves the signal out. */
    public record Config(int dataBytes, int idWidth, int destWidth, int userWidth, boolean useStrb, boolean useKeep, boolean useLast) {
        public Config {
            if (dataBytes < 1 || dataBytes > 512) {
                throw new IllegalArgumentException("AXI4-Stream TDATA must be 1..512 bytes, was " + dataBytes);
            }
            if (idWidth < 0 || destWidth < 0 || userWidth < 0) {
                throw new IllegalArgumentException("AXI4-Stream id/dest/user widths must be >= 0");
            }
        }

        /** TDATA of {@code dataBytes} bytes with TKEEP and TLAST. */
        public static Config of(int dataBytes) {
            return new Config(dataBytes, 0, 0, 0, false, true, true);
        }
    }

    /** The payload: data, id, strb, keep, dest, last, user (absent ones null). */
    public static final class Payload extends Bundle {
        public final Bits data;
        public final UInt id;
        public final Bits strb;
        public final Bits keep;
        public final UInt dest;
        public final Bool last;
        public final Bits user;
        private final Config config;

        public Payload(Config c) {
            this.config = c;
            data = Bits(8 * c.dataBytes());
            id = c.idWidth() > 0 ? UInt(c.idWidth()) : null;
            strb = c.useStrb() ? Bits(c.dataBytes()) : null;
            keep = c.useKeep() ? Bits(c.dataBytes()) : null;
            dest = c.destWidth() > 0 ? UInt(c.destWidth()) : null;
            last = c.useLast() ? Bool() : null;
            user = c.userWidth() > 0 ? Bits(c.userWidth()) : null;
        }

        @Override
        public Payload cloneType() {
            Payload p = new Payload(config);
            return isFlipped() ? flipped(p) : p;
        }
    }

    private final Config config;

    public Axi4Stream(Config c) {
        super(new Payload(c));
        this.config = c;
    }

    public Config config() {
        return config;
    }

    @Override
    protected String leafName(String defaultPath) {
        String p = defaultPath.startsWith("payload_") ? defaultPath.substring("payload_".length()) : defaultPath;
        return "t" + p;
    }

    @Override
    public Axi4Stream cloneType() {
        Axi4Stream s = new Axi4Stream(config);
        return isFlipped() ? flipped(s) : s;
    }
}
