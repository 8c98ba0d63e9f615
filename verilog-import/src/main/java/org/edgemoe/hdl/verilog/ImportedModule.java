package org.edgemoe.hdl.verilog;

import static org.edgemoe.hdl.core.Hdl.*;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.edgemoe.hdl.core.BlackBox;
import org.edgemoe.hdl.core.Bool;
import org.edgemoe.hdl.core.Bundle;
import org.edgemoe.hdl.core.Data;
import org.edgemoe.hdl.core.Ground;
import org.edgemoe.hdl.lib.Stream;

/**
 * An imported Verilog module as an hdl-core black box, built from its parsed interface:
 * <pre>
 * VerilogModule fifo = new VerilogImporter().module(Path.of("StreamFifo.v"), "StreamFifo");
 * ImportedModule q = instance(new ImportedModule(fifo));
 * Stream&lt;Bits&gt; pop = q.stream("pop");          // io_pop_valid / _ready / _payload
 * UInt occupancy = q.port("io_occupancy");
 * </pre>
 * Ports become {@code Bool} (scalar), {@code UInt} or {@code SInt} (by {@code signed}). Each group
 * {@code x_valid} / {@code x_ready} / {@code x_payload[_field]} becomes a {@link Stream} whose payload is
 * {@code Bits} ({@code SInt} if signed), a {@code Vec} for fields {@code _0.._n-1} of one type, or a
 * {@link Fields} bundle for other field names. A 1-bit input {@code clk} or {@code clock} is mapped to the
 * parent's clock, {@code reset} / {@code rst} to its reset (or {@code reset_n}, {@code rst_n},
 * {@code resetn}, {@code rstn} when the parent's reset is active low). Overridden parameters become
 * generics ({@code #(.DEPTH(16))}); the rest keep the module's defaults.
 */
public class ImportedModule extends BlackBox {
    private static final Set<String> CLOCKS = Set.of("clk", "clock");
    private static final Set<String> RESETS_HIGH = Set.of("reset", "rst");
    private static final Set<String> RESETS_LOW = Set.of("reset_n", "rst_n", "resetn", "rstn", "aresetn");

    private final VerilogModule module;
    private final Map<String, Ground> portsByName = new LinkedHashMap<>();
    private final Map<String, Stream<?>> streamsByName = new LinkedHashMap<>();

    /** The module with its default parameter values. */
    public ImportedModule(VerilogModule module) {
        this(module, Map.of(), false);
    }

    /** The module with some parameters overridden. */
    public ImportedModule(VerilogModule module, Map<String, ?> parameters) {
        this(module, parameters, false);
    }

    /**
     * @param embedSource write the text of the module's source file next to the emitted design (as
     *     {@code <Module>.v}); only for a file that no other imported module is embedded from
     */
    public ImportedModule(VerilogModule module, Map<String, ?> parameters, boolean embedSource) {
        this.module = parameters.isEmpty() ? module : module.withParameters(parameters);
        setDefinitionName(this.module.name());
        this.module.overrides().forEach(this::generic);
        if (embedSource) {
            setInlineVerilog(this.module.source());
        }
        Set<String> inStreams = new java.util.HashSet<>();
        for (StreamGroup g : this.module.streams()) {
            inStreams.add(g.valid().name());
            inStreams.add(g.ready().name());
            g.payload().forEach(p -> inStreams.add(p.name()));
            Stream<Data> s = new Stream<>(payloadType(g));
            s = g.master() ? master(s) : slave(s);
            name(s.valid, g.valid().name());
            name(s.ready, g.ready().name());
            List<Ground> leaves = s.payload.leaves();
            for (int i = 0; i < leaves.size(); i++) {
                name(leaves.get(i), g.payload().get(i).name());
            }
            streamsByName.put(g.name(), s);
        }
        boolean activeLowParent = !ir().clockConfig().resetActiveHigh();
        boolean clockMapped = false;
        boolean resetMapped = false;
        for (VerilogPort p : this.module.ports()) {
            if (inStreams.contains(p.name())) {
                continue;
            }
            if (p.direction() == PortDirection.INOUT) {
                throw new IllegalArgumentException(this.module.file() + ": inout port " + p.name() + " of "
                        + this.module.name() + " cannot be imported (hdl-core has no inout ports)");
            }
            Ground type = groundType(p, true);
            Ground port = p.direction() == PortDirection.INPUT ? in(type) : out(type);
            name(port, p.name());
            if (p.direction() == PortDirection.INPUT && p.width() == 1 && port instanceof Bool b) {
                String lower = p.name().toLowerCase(java.util.Locale.ROOT);
                if (!clockMapped && CLOCKS.contains(lower)) {
                    mapClock(b);
                    clockMapped = true;
                } else if (!resetMapped && (activeLowParent ? RESETS_LOW : RESETS_HIGH).contains(lower)) {
                    mapReset(b);
                    resetMapped = true;
                }
            }
        }
    }

    private void name(Ground g, String verilogName) {
        g.named(verilogName);
        portsByName.put(verilogName, g);
    }

    private static Ground groundType(VerilogPort p, boolean scalarAsBool) {
        if (scalarAsBool && !p.hasRange()) {
            return Bool();
        }
        return p.signed() ? SInt(p.width()) : UInt(p.width());
    }

    private static Data payloadType(StreamGroup g) {
        if (g.payload().size() == 1) {
            VerilogPort p = g.payload().get(0);
            return p.signed() ? SInt(p.width()) : Bits(p.width());
        }
        if (g.isVec()) {
            VerilogPort p = g.payload().get(0);
            return Vec(g.payload().size(), p.signed() ? SInt(p.width()) : Bits(p.width()));
        }
        List<String> names = new ArrayList<>();
        List<Data> types = new ArrayList<>();
        for (VerilogPort p : g.payload()) {
            names.add(g.fieldName(p));
            types.add(p.signed() ? SInt(p.width()) : p.hasRange() ? UInt(p.width()) : Bool());
        }
        return new Fields(names, types);
    }

    /** The parsed interface, with the parameter values this instance uses. */
    public VerilogModule module() {
        return module;
    }

    /** A port by its Verilog name (stream ports included). */
    @SuppressWarnings("unchecked")
    public <T extends Ground> T port(String verilogName) {
        Ground g = portsByName.get(verilogName);
        if (g == null) {
            throw new IllegalArgumentException("module " + module.name() + " has no port " + verilogName + "; ports: "
                    + portsByName.keySet());
        }
        return (T) g;
    }

    /** Every port, by Verilog name, in the module's order (streams first). */
    public Map<String, Ground> ports() {
        return Collections.unmodifiableMap(portsByName);
    }

    /** A stream by its name, with or without the {@code io_} prefix ({@code "pop"} or {@code "io_pop"}). */
    @SuppressWarnings("unchecked")
    public <T extends Data> Stream<T> stream(String name) {
        Stream<?> s = streamsByName.get(name);
        if (s == null) {
            s = streamsByName.get("io_" + name);
        }
        if (s == null) {
            throw new IllegalArgumentException("module " + module.name() + " has no stream " + name + "; streams: "
                    + streamsByName.keySet());
        }
        return (Stream<T>) s;
    }

    /** The streams, by name (with the prefix the Verilog has). */
    public Map<String, Stream<?>> streams() {
        return Collections.unmodifiableMap(streamsByName);
    }

    /**
     * A payload of named fields of any types, made at run time (hdl-core bundles read their fields by
     * reflection, so this one has 16 nullable slots). Read a field with {@link #field(String)}.
     */
    public static final class Fields extends Bundle {
        public static final int MAX = 16;
        // Bundle reads Data fields in declaration order and skips null ones.
        private final Data f0, f1, f2, f3, f4, f5, f6, f7, f8, f9, f10, f11, f12, f13, f14, f15;
        private final List<String> names;
        private final Map<String, Data> byName = new LinkedHashMap<>();

        public Fields(List<String> names, List<Data> types) {
            if (names.size() > MAX || names.size() != types.size()) {
                throw new IllegalArgumentException("a stream payload of " + names.size() + " fields (at most " + MAX + ")");
            }
            this.names = List.copyOf(names);
            Data[] f = new Data[MAX];
            for (int i = 0; i < types.size(); i++) {
                f[i] = types.get(i);
                byName.put(names.get(i), f[i]);
            }
            f0 = f[0]; f1 = f[1]; f2 = f[2]; f3 = f[3]; f4 = f[4]; f5 = f[5]; f6 = f[6]; f7 = f[7];
            f8 = f[8]; f9 = f[9]; f10 = f[10]; f11 = f[11]; f12 = f[12]; f13 = f[13]; f14 = f[14]; f15 = f[15];
        }

        /** The field called {@code name} (the Verilog port is {@code <stream>_payload_<name>}). */
        @SuppressWarnings("unchecked")
        public <T extends Data> T field(String name) {
            Data d = byName.get(name);
            if (d == null) {
                throw new IllegalArgumentException("no payload field " + name + "; fields: " + names);
            }
            return (T) d;
        }

        public List<String> names() {
            return names;
        }

        @Override
        public Fields cloneType() {
            List<Data> types = new ArrayList<>();
            for (String n : names) {
                types.add(byName.get(n).cloneType());
            }
            Fields c = new Fields(names, types);
            return isFlipped() ? flipped(c) : c;
        }
    }
}
