package org.edgemoe.hdl.lib.axi;

/**
 * The AMBA specification's signal names for a bus bundle's leaves, as SpinalHDL's {@code Axi4SpecRenamer}
 * gives them: the channel name then the field, no {@code payload} ({@code aw_valid} -> {@code awvalid},
 * {@code aw_payload_addr} -> {@code awaddr}). The bus keeps its own prefix ({@code io_<bus>_awvalid}).
 */
final class AxiNames {
    private AxiNames() { }

    static String channelField(String path) {
        int u = path.indexOf('_');
        if (u < 0) {
            return path;
        }
        String channel = path.substring(0, u);
        String rest = path.substring(u + 1);
        if (rest.startsWith("payload_")) {
            rest = rest.substring("payload_".length());
        }
        return channel + rest;
    }
}
