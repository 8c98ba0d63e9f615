package org.edgemoe.hdl.emit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads back the {@code manifest.json} that {@link VerilogEmitter} writes: each top with its file, class,
 * parameters and typed ports. A minimal JSON reader (the manifest is its only input, so no JSON library).
 */
public final class ManifestReader {
    private ManifestReader() { }

    /** A port's fixed-point format ({@code fixed_point}), e.g. {@code SQ10.22}. */
    public record FixedPoint(boolean signed, int intBits, int fracBits, String q) { }

    /**
     * One port: direction {@code "input"} or {@code "output"}; role {@code "clock"}, {@code "reset"},
     * {@code "reset_n"} or null; fixedPoint null for a port without a fixed-point format.
     */
    public record Port(String name, String direction, int width, boolean signed, String role, FixedPoint fixedPoint) {
        public boolean isInput() {
            return direction.equals("input");
        }
    }

    /** One top module; parameter values are Long, Double, Boolean or String. */
    public record Top(String name, String file, String className, Map<String, Object> parameters, List<Port> ports) {
        public Port clockOrNull() {
            return ports.stream().filter(p -> "clock".equals(p.role())).findFirst().orElse(null);
        }

        public Port resetOrNull() {
            return ports.stream().filter(p -> p.role() != null && p.role().startsWith("reset")).findFirst().orElse(null);
        }

        public Port port(String name) {
            return ports.stream().filter(p -> p.name().equals(name)).findFirst().orElse(null);
        }
    }

    /** The tops of the manifest file {@code manifestJson}, in file order. */
    public static List<Top> read(Path manifestJson) throws IOException {
        return parse(Files.readString(manifestJson, StandardCharsets.UTF_8));
    }

    /** The tops of a manifest's JSON text, in order. */
    public static List<Top> parse(String json) {
        Object root = new Parser(json).document();
        List<Top> tops = new ArrayList<>();
        for (Object t : list(map(root).get("tops"))) {
            Map<String, Object> m = map(t);
            List<Port> ports = new ArrayList<>();
            for (Object p : list(m.get("ports"))) {
                Map<String, Object> pm = map(p);
                Object fx = pm.get("fixed_point");
                FixedPoint fp = null;
                if (fx != null) {
                    Map<String, Object> fm = map(fx);
                    fp = new FixedPoint(Boolean.TRUE.equals(fm.get("signed")), ((Number) fm.get("int_bits")).intValue(),
                            ((Number) fm.get("frac_bits")).intValue(), (String) fm.get("q"));
                }
                ports.add(new Port((String) pm.get("name"), (String) pm.get("direction"), ((Number) pm.get("width")).intValue(),
                        Boolean.TRUE.equals(pm.get("signed")), (String) pm.get("role"), fp));
            }
            Object params = m.get("parameters");
            tops.add(new Top((String) m.get("name"), (String) m.get("file"), (String) m.get("class"),
                    params == null ? Map.of() : map(params), List.copyOf(ports)));
        }
        return List.copyOf(tops);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object o) {
        return (Map<String, Object>) o;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object o) {
        return o == null ? List.of() : (List<Object>) o;
    }

    /** Recursive-descent JSON: objects (insertion-ordered), arrays, strings, numbers, true/false/null. */
    private static final class Parser {
        private final String s;
        private int i;

        Parser(String s) {
            this.s = s;
        }

        Object document() {
            Object v = value();
            ws();
            if (i != s.length()) {
                throw error("trailing text");
            }
            return v;
        }

        private Object value() {
            ws();
            if (i >= s.length()) {
                throw error("unexpected end");
            }
            char c = s.charAt(i);
            switch (c) {
                case '{': {
                    i++;
                    Map<String, Object> m = new LinkedHashMap<>();
                    ws();
                    if (peek('}')) {
                        return m;
                    }
                    do {
                        ws();
                        String k = string();
                        ws();
                        expect(':');
                        m.put(k, value());
                        ws();
                    } while (peek(','));
                    expect('}');
                    return m;
                }
                case '[': {
                    i++;
                    List<Object> l = new ArrayList<>();
                    ws();
                    if (peek(']')) {
                        return l;
                    }
                    do {
                        l.add(value());
                        ws();
                    } while (peek(','));
                    expect(']');
                    return l;
                }
                case '"':
                    return string();
                default:
                    if (s.startsWith("true", i)) {
                        i += 4;
                        return Boolean.TRUE;
                    }
                    if (s.startsWith("false", i)) {
                        i += 5;
                        return Boolean.FALSE;
                    }
                    if (s.startsWith("null", i)) {
                        i += 4;
                        return null;
                    }
                    int start = i;
                    while (i < s.length() && "+-0123456789.eE".indexOf(s.charAt(i)) >= 0) {
                        i++;
                    }
                    String num = s.substring(start, i);
                    if (num.isEmpty()) {
                        throw error("unexpected '" + c + "'");
                    }
                    if (num.contains(".") || num.contains("e") || num.contains("E")) {
                        return Double.parseDouble(num);
                    }
                    return Long.parseLong(num);
            }
        }

        private String string() {
            expect('"');
            StringBuilder sb = new StringBuilder();
            while (true) {
                if (i >= s.length()) {
                    throw error("unterminated string");
                }
                char c = s.charAt(i++);
                if (c == '"') {
                    return sb.toString();
                }
                if (c == '\\') {
                    if (i >= s.length()) {
                        throw error("unterminated string");
                    }
                    char e = s.charAt(i++);
                    switch (e) {
                        case 'n' -> sb.append('\n');
                        case 't' -> sb.append('\t');
                        case 'r' -> sb.append('\r');
                        case 'b' -> sb.append('\b');
                        case 'f' -> sb.append('\f');
                        case 'u' -> {
                            if (i + 4 > s.length()) {
                                throw error("truncated \\u escape");
                            }
                            sb.append((char) Integer.parseInt(s.substring(i, i + 4), 16));
                            i += 4;
                        }
                        default -> sb.append(e);
                    }
                } else {
                    sb.append(c);
                }
            }
        }

        private boolean peek(char c) {
            if (i < s.length() && s.charAt(i) == c) {
                i++;
                return true;
            }
            return false;
        }

        private void expect(char c) {
            if (!peek(c)) {
                throw error("expected '" + c + "'");
            }
        }

        private void ws() {
            while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
                i++;
            }
        }

        private IllegalArgumentException error(String what) {
            return new IllegalArgumentException("manifest.json: " + what + " at offset " + i);
        }
    }
}
