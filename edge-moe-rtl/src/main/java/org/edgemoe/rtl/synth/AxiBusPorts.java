package org.edgemoe.rtl.synth;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.edgemoe.hdl.emit.ManifestReader.Port;
import org.edgemoe.hdl.emit.ManifestReader.Top;

/**
 * AXI4 and AXI4-Lite buses and interrupt outputs found in an emitted top's ports, by name alone (the library
 * knows no application). The bundles of {@code org.edgemoe.hdl.lib.axi} print the AMBA names under the bus name,
 * as SpinalHDL's {@code Axi4SpecRenamer}: {@code io_<bus>_awvalid}, {@code io_<bus>_awaddr}, {@code io_<bus>_wdata},
 * {@code io_<bus>_bresp}, {@code io_<bus>_arlen}, {@code io_<bus>_rlast} ... A bus is anchored on its
 * {@code _arvalid} or {@code _awvalid} port; its other ports are the prefix followed by a channel field of the
 * specification. It is AXI4 when it has a burst length ({@code arlen} / {@code awlen}), AXI4-Lite otherwise; a
 * master when its request valids are outputs. Every port's direction is checked against the role, and a bus with a
 * signal the protocol requires missing is an error naming it.
 */
public final class AxiBusPorts {
    private AxiBusPorts() { }

    public enum Protocol { AXI4, AXI4LITE }

    /**
     * One bus. {@code portMap}: the specification's signal name ({@code ARADDR}, the IP-XACT logical port of
     * Vivado's {@code aximm} interface) to the emitted port, in port order.
     */
    public record Bus(String name, Protocol protocol, boolean master, boolean reads, boolean writes, Map<String, String> portMap,
                      int dataWidth, int addressWidth, int idWidth) {
        /** {@code READ_ONLY}, {@code WRITE_ONLY} or {@code READ_WRITE} (Vivado's READ_WRITE_MODE). */
        public String readWriteMode() {
            return reads && writes ? "READ_WRITE" : reads ? "READ_ONLY" : "WRITE_ONLY";
        }
    }

    /** Fields per channel: AXI4 (AMBA IHI0022 A2), AXI4-Lite (B1). */
    private static final Map<String, List<String>> AXI4 = Map.of(
            "aw", List.of("valid", "ready", "addr", "id", "len", "size", "burst", "lock", "cache", "prot", "qos", "region", "user"),
            "w", List.of("valid", "ready", "data", "strb", "last", "user"),
            "b", List.of("valid", "ready", "id", "resp", "user"),
            "ar", List.of("valid", "ready", "addr", "id", "len", "size", "burst", "lock", "cache", "prot", "qos", "region", "user"),
            "r", List.of("valid", "ready", "data", "id", "resp", "last", "user"));
    private static final Map<String, List<String>> LITE = Map.of(
            "aw", List.of("valid", "ready", "addr", "prot"),
            "w", List.of("valid", "ready", "data", "strb"),
            "b", List.of("valid", "ready", "resp"),
            "ar", List.of("valid", "ready", "addr", "prot"),
            "r", List.of("valid", "ready", "data", "resp"));
    private static final Map<String, List<String>> REQUIRED_AXI4 = Map.of(
            "aw", List.of("valid", "ready", "addr", "len", "size", "burst"), "w", List.of("valid", "ready", "data", "strb", "last"),
            "b", List.of("valid", "ready", "resp"), "ar", List.of("valid", "ready", "addr", "len", "size", "burst"),
            "r", List.of("valid", "ready", "data", "resp", "last"));
    private static final Map<String, List<String>> REQUIRED_LITE = Map.of(
            "aw", List.of("valid", "ready", "addr"), "w", List.of("valid", "ready", "data", "strb"), "b", List.of("valid", "ready", "resp"),
            "ar", List.of("valid", "ready", "addr"), "r", List.of("valid", "ready", "data", "resp"));
    /** Channels the master drives (the others it receives). */
    private static final Set<String> FORWARD = Set.of("aw", "w", "ar");
    private static final List<String> CHANNEL_ORDER = List.of("aw", "w", "b", "ar", "r");

    /** The AXI4 / AXI4-Lite buses of {@code t}, in the order of their first port. */
    public static List<Bus> buses(Top t) {
        List<String> prefixes = new ArrayList<>();
        for (Port p : t.ports()) {
            for (String anchor : List.of("_arvalid", "_awvalid")) {
                if (p.name().endsWith(anchor) && p.name().length() > anchor.length()) {
                    String prefix = p.name().substring(0, p.name().length() - anchor.length());
                    if (!prefixes.contains(prefix)) {
                        prefixes.add(prefix);
                    }
                }
            }
        }
        List<Bus> out = new ArrayList<>();
        for (String prefix : prefixes) {
            out.add(bus(t, prefix));
        }
        return out;
    }

    private static Bus bus(Top t, String prefix) {
        boolean axi4 = t.port(prefix + "_arlen") != null || t.port(prefix + "_awlen") != null;
        Map<String, List<String>> fields = axi4 ? AXI4 : LITE;
        boolean reads = t.port(prefix + "_arvalid") != null;
        boolean writes = t.port(prefix + "_awvalid") != null;
        Port anchor = t.port(prefix + (reads ? "_arvalid" : "_awvalid"));
        boolean master = !anchor.isInput();
        String name = prefix.startsWith("io_") ? prefix.substring(3) : prefix;
        String what = (axi4 ? "AXI4" : "AXI4-Lite") + (master ? " master " : " slave ") + name + " of " + t.name();
        Map<String, String> map = new LinkedHashMap<>();
        for (Port p : t.ports()) {
            if (!p.name().startsWith(prefix + "_")) {
                continue;
            }
            String field = p.name().substring(prefix.length() + 1);
            String channel = channelOf(field, fields);
            if (channel == null) {
                continue;
            }
            boolean used = channel.equals("ar") || channel.equals("r") ? reads : writes;
            if (!used) {
                throw new IllegalArgumentException(what + ": port " + p.name() + " belongs to the " + (reads ? "write" : "read")
                        + " half, which has no " + prefix + (reads ? "_awvalid" : "_arvalid"));
            }
            boolean drivenByMaster = FORWARD.contains(channel) != field.equals(channel + "ready");
            boolean output = drivenByMaster == master;
            if (p.isInput() == output) {
                throw new IllegalArgumentException(what + ": port " + p.name() + " is an " + (p.isInput() ? "input" : "output") + ", the "
                        + (master ? "master" : "slave") + "'s " + field.toUpperCase() + " is an " + (output ? "output" : "input"));
            }
            map.put(field.toUpperCase(), p.name());
        }
        Map<String, List<String>> required = axi4 ? REQUIRED_AXI4 : REQUIRED_LITE;
        List<String> missing = new ArrayList<>();
        for (String ch : CHANNEL_ORDER) {
            boolean used = ch.equals("aw") || ch.equals("w") || ch.equals("b") ? writes : reads;
            if (!used) {
                continue;
            }
            for (String f : required.get(ch)) {
                if (!map.containsKey((ch + f).toUpperCase())) {
                    missing.add(prefix + "_" + ch + f);
                }
            }
        }
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException(what + " lacks " + String.join(", ", missing) + " (found " + map.values() + ")");
        }
        int data = t.port(map.getOrDefault("RDATA", map.get("WDATA"))).width();
        int addr = t.port(map.getOrDefault("ARADDR", map.get("AWADDR"))).width();
        String id = map.getOrDefault("ARID", map.get("AWID"));
        if (reads && writes && t.port(map.get("WDATA")).width() != t.port(map.get("RDATA")).width()) {
            throw new IllegalArgumentException(what + ": read and write data differ in width (" + t.port(map.get("RDATA")).width() + " / "
                    + t.port(map.get("WDATA")).width() + " bits)");
        }
        return new Bus(name, axi4 ? Protocol.AXI4 : Protocol.AXI4LITE, master, reads, writes, java.util.Collections.unmodifiableMap(map),
                data, addr, id == null ? 0 : t.port(id).width());
    }

    /** The channel of a field name ({@code arlen} -> {@code ar}), null when it is none of the protocol's. */
    private static String channelOf(String field, Map<String, List<String>> fields) {
        for (String ch : List.of("aw", "ar", "w", "b", "r")) {
            if (field.startsWith(ch) && fields.get(ch).contains(field.substring(ch.length()))) {
                return ch;
            }
        }
        return null;
    }

    /** Every port of a bus of {@code t}. */
    public static Set<String> busPortNames(List<Bus> buses) {
        Set<String> s = new java.util.HashSet<>();
        buses.forEach(b -> s.addAll(b.portMap().values()));
        return s;
    }

    /**
     * One-bit outputs named as interrupts: {@code interrupt} or {@code irq} (after {@code io_}), or ending in
     * {@code _interrupt}, {@code _irq}, {@code Interrupt}, {@code Irq}; in port order.
     */
    public static List<Port> interrupts(Top t) {
        List<Port> out = new ArrayList<>();
        for (Port p : t.ports()) {
            String n = p.name().startsWith("io_") ? p.name().substring(3) : p.name();
            boolean named = n.equals("interrupt") || n.equals("irq") || n.endsWith("_interrupt") || n.endsWith("_irq") || n.endsWith("Interrupt")
                    || n.endsWith("Irq");
            if (!p.isInput() && p.width() == 1 && p.role() == null && named) {
                out.add(p);
            }
        }
        return out;
    }
}
