package org.edgemoe.hdl.verilog;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.antlr.v4.runtime.Token;
import org.edgemoe.hdl.verilog.parser.VerilogHeaderParser.ExprContext;
import org.edgemoe.hdl.verilog.parser.VerilogHeaderParser.RangeContext;

/**
 * The interface of one Verilog module: name, parameters and ports, evaluated for a set of parameter
 * values (the defaults, or those given to {@link #withParameters}). Immutable.
 */
public final class VerilogModule {
    /** A parameter as declared: its default expression is evaluated again for every override. */
    record ParamDecl(String name, ExprContext expr, String text, boolean local, Token at) { }

    /** A port as declared; {@code range} null for a scalar. */
    record PortDecl(String name, PortDirection direction, boolean signed, RangeContext range, Token at) { }

    private final String name;
    private final String file;
    private final int line;
    private final String source;
    private final List<ParamDecl> paramDecls;
    private final List<PortDecl> portDecls;
    private final Map<String, Object> overrides;
    private final List<VerilogParameter> parameters;
    private final List<VerilogPort> ports;

    VerilogModule(String name, String file, int line, String source, List<ParamDecl> paramDecls,
            List<PortDecl> portDecls, Map<String, Object> overrides,
            java.util.function.Function<Token, VerilogImportException.Position> positions) {
        this.name = name;
        this.file = file;
        this.line = line;
        this.source = source;
        this.paramDecls = paramDecls;
        this.portDecls = portDecls;
        this.overrides = overrides;
        this.positions = positions;
        Map<String, Object> env = new LinkedHashMap<>();
        List<VerilogParameter> ps = new ArrayList<>();
        ConstEval eval = new ConstEval(env);
        for (ParamDecl p : paramDecls) {
            Object v;
            if (overrides.containsKey(p.name())) {
                v = overrides.get(p.name());
            } else {
                try {
                    v = eval.eval(p.expr());
                } catch (ConstEval.NotConstant e) {
                    v = null;
                }
            }
            env.put(p.name(), v);
            ps.add(new VerilogParameter(p.name(), v, p.text(), p.local()));
        }
        List<VerilogPort> out = new ArrayList<>();
        for (PortDecl d : portDecls) {
            if (d.range() == null) {
                out.add(new VerilogPort(d.name(), d.direction(), 1, d.signed(), 0, 0, false));
                continue;
            }
            try {
                long msb = integer(eval.eval(d.range().msb), d);
                long lsb = integer(eval.eval(d.range().lsb), d);
                long width = Math.abs(msb - lsb) + 1;
                if (width > Integer.MAX_VALUE || Math.abs(msb) > Integer.MAX_VALUE || Math.abs(lsb) > Integer.MAX_VALUE) {
                    throw error(d.range().start, "range of port " + d.name() + " is too wide");
                }
                out.add(new VerilogPort(d.name(), d.direction(), (int) width, d.signed(), (int) msb, (int) lsb, true));
            } catch (ConstEval.NotConstant e) {
                throw error(e.at, "cannot evaluate the range of port " + d.name() + ": " + e.getMessage());
            }
        }
        this.parameters = Collections.unmodifiableList(ps);
        this.ports = Collections.unmodifiableList(out);
    }

    private final java.util.function.Function<Token, VerilogImportException.Position> positions;

    private VerilogImportException error(Token at, String message) {
        VerilogImportException.Position p = positions.apply(at);
        return new VerilogImportException(p.file(), p.line(), p.column(), message);
    }

    private long integer(Object v, PortDecl d) {
        if (v instanceof Long l) {
            return l;
        }
        throw error(d.range().start, "the range of port " + d.name() + " is not an integer: " + v);
    }

    public String name() { return name; }
    /** The file it was read from (as given to the importer). */
    public String file() { return file; }
    /** Line of the {@code module} keyword. */
    public int line() { return line; }
    /** The whole text of the file it came from (every module in it), for {@link ImportedModule} to embed. */
    public String source() { return source; }
    public List<VerilogParameter> parameters() { return parameters; }
    public List<VerilogPort> ports() { return ports; }
    /** The values given to {@link #withParameters} (the rest are defaults). */
    public Map<String, Object> overrides() { return Collections.unmodifiableMap(overrides); }

    public Optional<VerilogPort> port(String portName) {
        return ports.stream().filter(p -> p.name().equals(portName)).findFirst();
    }

    public Optional<VerilogParameter> parameter(String paramName) {
        return parameters.stream().filter(p -> p.name().equals(paramName)).findFirst();
    }

    /**
     * This module with some parameters overridden (values: Integer, Long, Double or String); ranges are
     * evaluated again. Unknown names and {@code localparam}s are errors.
     */
    public VerilogModule withParameters(Map<String, ?> values) {
        Map<String, Object> o = new LinkedHashMap<>(overrides);
        for (Map.Entry<String, ?> e : values.entrySet()) {
            ParamDecl d = paramDecls.stream().filter(p -> p.name().equals(e.getKey())).findFirst().orElseThrow(() ->
                    new IllegalArgumentException("module " + name + " has no parameter " + e.getKey() + "; it has "
                            + paramDecls.stream().filter(p -> !p.local()).map(ParamDecl::name).toList()));
            if (d.local()) {
                throw new IllegalArgumentException("parameter " + e.getKey() + " of module " + name
                        + " is a localparam and cannot be overridden");
            }
            Object v = e.getValue();
            if (v instanceof Integer i) {
                v = i.longValue();
            } else if (v instanceof Boolean b) {
                v = b ? 1L : 0L;
            } else if (!(v instanceof Long || v instanceof Double || v instanceof String)) {
                throw new IllegalArgumentException("parameter " + e.getKey() + ": unsupported value " + v);
            }
            o.put(e.getKey(), v);
        }
        // declaration order, whatever the order of the caller's map (generics are emitted in this order)
        Map<String, Object> ordered = new LinkedHashMap<>();
        for (ParamDecl d : paramDecls) {
            if (o.containsKey(d.name())) {
                ordered.put(d.name(), o.get(d.name()));
            }
        }
        return new VerilogModule(name, file, line, source, paramDecls, portDecls, ordered, positions);
    }

    /**
     * The ports that form streams ({@code x_valid}, {@code x_ready}, {@code x_payload} or
     * {@code x_payload_*}, consistent directions), in port order of their valid.
     */
    public List<StreamGroup> streams() {
        List<StreamGroup> out = new ArrayList<>();
        for (VerilogPort v : ports) {
            if (!v.name().endsWith("_valid") || v.width() != 1 || v.direction() == PortDirection.INOUT) {
                continue;
            }
            String base = v.name().substring(0, v.name().length() - "_valid".length());
            Optional<VerilogPort> ready = port(base + "_ready");
            if (ready.isEmpty() || ready.get().width() != 1 || ready.get().direction() == v.direction()
                    || ready.get().direction() == PortDirection.INOUT) {
                continue;
            }
            List<VerilogPort> payload = new ArrayList<>();
            boolean consistent = true;
            for (VerilogPort p : ports) {
                if (p.name().equals(base + "_payload") || p.name().startsWith(base + "_payload_")) {
                    payload.add(p);
                    consistent &= p.direction() == v.direction();
                }
            }
            if (payload.isEmpty() || !consistent) {
                continue;
            }
            if (payload.size() > 1 && payload.stream().anyMatch(p -> p.name().equals(base + "_payload"))) {
                continue; // x_payload and x_payload_a together: not a SpinalHDL stream
            }
            out.add(new StreamGroup(base, v.direction() == PortDirection.OUTPUT, v, ready.get(), List.copyOf(payload)));
        }
        return out;
    }

    /** {@code module Name #(parameter ...) (ports...)} in one line per port, for messages and tests. */
    public String describe() {
        StringBuilder b = new StringBuilder("module " + name);
        for (VerilogParameter p : parameters) {
            b.append("\n  ").append(p.local() ? "localparam " : "parameter ").append(p.name()).append(" = ").append(p.value());
        }
        for (VerilogPort p : ports) {
            b.append("\n  ").append(p.describe());
        }
        return b.toString();
    }

    @Override
    public String toString() {
        return "VerilogModule " + name + " (" + file + ":" + line + ")";
    }
}
