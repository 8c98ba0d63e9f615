package org.edgemoe.hdl.verilog;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.misc.Interval;
import org.edgemoe.hdl.verilog.parser.VerilogHeaderLexer;
import org.edgemoe.hdl.verilog.parser.VerilogHeaderParser;
import org.edgemoe.hdl.verilog.parser.VerilogHeaderParser.*;

/**
 * Reads the interfaces of the modules in Verilog-2005 files:
 * <pre>
 * List&lt;VerilogModule&gt; mods = new VerilogImporter().parseFile(Path.of("rtl/Fifo.v"));
 * VerilogModule fifo = new VerilogImporter().module(Path.of("rtl/Fifo.v"), "Fifo").withParameters(Map.of("DEPTH", 16));
 * </pre>
 * Module bodies are skipped; see the grammar {@code VerilogHeader.g4} for what is read. Errors are
 * {@link VerilogImportException}s with {@code file:line:column}.
 */
public final class VerilogImporter {
    private final Map<String, String> defines = new LinkedHashMap<>();
    private final List<Path> includePath = new ArrayList<>();

    /** Defines a macro for the files read afterwards ({@code +define+NAME=value}). */
    public VerilogImporter define(String name, String value) {
        defines.put(name, value);
        return this;
    }

    /** Adds a folder searched by {@code `include} after the including file's own folder. */
    public VerilogImporter includeDir(Path dir) {
        includePath.add(dir);
        return this;
    }

    /** Every module in {@code file}, in file order. */
    public List<VerilogModule> parseFile(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        return parse(text, file.toString(), file.toAbsolutePath().getParent());
    }

    /** Every module in every file, in order. */
    public List<VerilogModule> parseFiles(Collection<Path> files) {
        List<VerilogModule> out = new ArrayList<>();
        for (Path f : files) {
            out.addAll(parseFile(f));
        }
        return out;
    }

    /** The module called {@code name} in {@code file}. */
    public VerilogModule module(Path file, String name) {
        return find(parseFile(file), name, file.toString());
    }

    /** Every module in Verilog {@code text}; {@code fileName} is used in messages. */
    public List<VerilogModule> parse(String text, String fileName) {
        return parse(text, fileName, null);
    }

    static VerilogModule find(List<VerilogModule> modules, String name, String where) {
        return modules.stream().filter(m -> m.name().equals(name)).findFirst().orElseThrow(() ->
                new IllegalArgumentException("no module " + name + " in " + where + "; found "
                        + modules.stream().map(VerilogModule::name).toList()));
    }

    private List<VerilogModule> parse(String text, String fileName, Path dir) {
        Preprocessor.Result pre = new Preprocessor(new HashMap<>(defines), includePath).run(text, fileName, dir);
        Function<Token, VerilogImportException.Position> positions = t -> {
            Preprocessor.Origin o = pre.origin(t.getLine());
            return new VerilogImportException.Position(o.file(), o.line(), t.getCharPositionInLine() + 1);
        };
        BaseErrorListener errors = new BaseErrorListener() {
            @Override
            public void syntaxError(Recognizer<?, ?> r, Object offending, int line, int col, String msg, RecognitionException e) {
                Preprocessor.Origin o = pre.origin(line);
                throw new VerilogImportException(o.file(), o.line(), col + 1, "syntax error: " + msg);
            }
        };
        VerilogHeaderLexer lexer = new VerilogHeaderLexer(CharStreams.fromString(pre.text(), fileName));
        lexer.removeErrorListeners();
        lexer.addErrorListener(errors);
        VerilogHeaderParser parser = new VerilogHeaderParser(new CommonTokenStream(lexer));
        parser.removeErrorListeners();
        parser.addErrorListener(errors);
        SourceTextContext tree = parser.sourceText();
        List<VerilogModule> out = new ArrayList<>();
        for (ModuleDeclContext m : tree.moduleDecl()) {
            out.add(module(m, text, pre, positions));
        }
        return out;
    }

    private static VerilogModule module(ModuleDeclContext m, String source, Preprocessor.Result pre,
            Function<Token, VerilogImportException.Position> positions) {
        String name = identifier(m.name);
        List<VerilogModule.ParamDecl> params = new ArrayList<>();
        boolean headerParams = m.paramPortList() != null && !m.paramPortList().paramPortItem().isEmpty();
        if (m.paramPortList() != null) {
            boolean local = false;
            for (ParamPortItemContext p : m.paramPortList().paramPortItem()) {
                if (p.PARAMETER() != null || p.LOCALPARAM() != null) {
                    local = p.LOCALPARAM() != null;
                }
                params.add(param(p.paramAssign(), local));
            }
        }
        // ports in header order; a non-ANSI port gets its direction and range from the body
        List<String> order = new ArrayList<>();
        Map<String, VerilogModule.PortDecl> decls = new HashMap<>();
        Map<String, Token> bare = new LinkedHashMap<>();
        if (m.portList() != null) {
            VerilogModule.PortDecl previous = null;
            for (PortContext p : m.portList().port()) {
                if (p instanceof AnsiPortContext a) {
                    previous = new VerilogModule.PortDecl(identifier(a.identifier()), direction(a.direction()),
                            a.SIGNED() != null, a.range(), a.start);
                    add(order, decls, previous, positions);
                } else {
                    BarePortContext b = (BarePortContext) p;
                    String n = identifier(b.identifier());
                    if (previous != null) { // ANSI continuation: same direction and type
                        previous = new VerilogModule.PortDecl(n, previous.direction(), previous.signed(), previous.range(), b.start);
                        add(order, decls, previous, positions);
                    } else {
                        order.add(n);
                        bare.put(n, b.start);
                    }
                }
            }
        }
        Map<String, NetDeclContext> nets = new HashMap<>();
        for (ModuleItemContext item : m.moduleItem()) {
            if (item instanceof PortItemContext pi) {
                PortDeclContext d = pi.portDecl();
                for (IdentifierContext id : d.identifier()) {
                    String n = identifier(id);
                    if (!bare.containsKey(n)) {
                        throw error(positions, id.start, "port " + n + " is declared in the body but is not in the port list of " + name);
                    }
                    decls.put(n, new VerilogModule.PortDecl(n, direction(d.direction()), d.SIGNED() != null, d.range(), id.start));
                }
            } else if (item instanceof ParamItemContext pi) {
                boolean local = pi.paramDecl().kind.getType() == VerilogHeaderParser.LOCALPARAM;
                for (ParamAssignContext a : pi.paramDecl().paramAssign()) {
                    // with a #( ) list, body parameters are local (IEEE 1364-2005 12.2)
                    params.add(param(a, local || headerParams));
                }
            } else if (item instanceof NetItemContext ni) {
                for (IdentifierContext id : ni.netDecl().identifier()) {
                    nets.put(identifier(id), ni.netDecl());
                }
            }
        }
        List<VerilogModule.PortDecl> ports = new ArrayList<>();
        for (String n : order) {
            VerilogModule.PortDecl d = decls.get(n);
            if (d == null) {
                throw error(positions, bare.get(n), "port " + n + " of " + name + " has no direction declaration");
            }
            NetDeclContext net = nets.get(n);
            if (net != null && bare.containsKey(n)) {
                // output q; reg [7:0] q;  -> the range and signedness may come from the net declaration
                boolean signed = d.signed() || net.SIGNED() != null;
                RangeContext range = d.range() != null ? d.range() : net.range();
                d = new VerilogModule.PortDecl(n, d.direction(), signed, range, d.at());
            }
            ports.add(d);
        }
        Token start = m.MODULE().getSymbol();
        return new VerilogModule(name, positions.apply(start).file(), positions.apply(start).line(), source,
                params, ports, new LinkedHashMap<>(), positions);
    }

    private static void add(List<String> order, Map<String, VerilogModule.PortDecl> decls, VerilogModule.PortDecl d,
            Function<Token, VerilogImportException.Position> positions) {
        if (decls.containsKey(d.name())) {
            throw error(positions, d.at(), "port " + d.name() + " declared twice");
        }
        order.add(d.name());
        decls.put(d.name(), d);
    }

    private static VerilogModule.ParamDecl param(ParamAssignContext a, boolean local) {
        ExprContext e = a.expr();
        String text = e.start.getInputStream().getText(Interval.of(e.start.getStartIndex(), e.stop.getStopIndex()));
        return new VerilogModule.ParamDecl(identifier(a.identifier()), e, text, local, a.start);
    }

    private static PortDirection direction(DirectionContext d) {
        return d.INPUT() != null ? PortDirection.INPUT : d.OUTPUT() != null ? PortDirection.OUTPUT : PortDirection.INOUT;
    }

    static String identifier(IdentifierContext id) {
        String t = id.getText();
        return t.startsWith("\\") ? t.substring(1) : t;
    }

    private static VerilogImportException error(Function<Token, VerilogImportException.Position> positions, Token at, String msg) {
        VerilogImportException.Position p = positions.apply(at);
        return new VerilogImportException(p.file(), p.line(), p.column(), msg);
    }
}
