package org.edgemoe.hdl.verilog;

import java.util.List;

/**
 * Ports that form a valid / ready stream with SpinalHDL names: {@code <name>_valid}, {@code <name>_ready}
 * and {@code <name>_payload} or several {@code <name>_payload_<field>}. {@code master} when the module
 * produces the stream (valid and payload are outputs). {@code name} keeps any {@code io_} prefix.
 */
public record StreamGroup(String name, boolean master, VerilogPort valid, VerilogPort ready, List<VerilogPort> payload) {

    /** The field name of a payload port: "" for a single {@code _payload}, else the part after {@code _payload_}. */
    public String fieldName(VerilogPort p) {
        String base = name + "_payload";
        return p.name().equals(base) ? "" : p.name().substring(base.length() + 1);
    }

    /** True when the payload fields are named 0, 1, ... n-1 with one width and signedness (a Vec). */
    public boolean isVec() {
        if (payload.size() < 2) {
            return false;
        }
        for (int i = 0; i < payload.size(); i++) {
            VerilogPort p = payload.get(i);
            if (!fieldName(p).equals(String.valueOf(i)) || p.width() != payload.get(0).width()
                    || p.signed() != payload.get(0).signed()) {
                return false;
            }
        }
        return true;
    }

    /** Short name without the {@code io_} prefix. */
    public String shortName() {
        return name.startsWith("io_") ? name.substring(3) : name;
    }
}
