package org.edgemoe.rtl.synth;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * {@code manifest.json} of an emitted folder, read back (a minimal JSON reader: the manifest is the only
 * input, so no JSON library). The synthesis report and the Vivado scripts are generated from this, so
 * they name exactly the tops, files and ports that were emitted.
 */
public record ManifestFile(Path dir, List<Top> tops, List<String> verilogFiles) {

    public record Port(String name, String direction, int width, boolean signed, String role) {
        public boolean isInput() {
            return direction.equals("input");
        }
    }

    public record Top(String name, String file, Map<String, Object> parameters, List<Port> ports) {
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

    public static ManifestFile read(Path dir) throws IOException {
        Object root = new Reader(Files.readString(dir.resolve("manifest.json"))).document();
        List<Top> tops = new ArrayList<>();
        for (Object t : list(map(root).get("tops"))) {
            Map<String, Object> m = map(t);
            List<Port> ports = new ArrayList<>();
            for (Object p : list(m.get("ports"))) {
                Map<String, Object> pm = map(p);
                ports.add(new Port((String) pm.get("name"), (String) pm.get("direction"), ((Number) pm.get("width")).intValue(),
                        Boolean.TRUE.equals(pm.get("signed")), (String) pm.get("role")));
            }
            Object params = m.get("parameters");
            tops.add(new Top((String) m.get("name"), (String) m.get("file"), params == null ? Map.of() : map(params), List.copyOf(ports)));
        }
        List<String> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".v") || n.endsWith(".sv")).sorted().toList();
        }
        return new ManifestFile(dir, List.copyOf(tops), files);
    }

    public Top top(String name) {
        return tops.stream().filter(t -> t.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no top " + name + " in " + dir.resolve("manifest.json") + "; tops: "
                        + tops.stream().map(Top::name).toList()));
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object o) {
        return (Map<String, Object>) o;
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Object o) {
        return o == null ? List.of() : (List<Object>) o;
    }

    /** Recursive-descent JSON: objects (insertion-ordered), arrays, strings, numbers, true/false/null. */
    static final class Reader {
        private final String s;
        private int i;

        Reader(String s) {
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
                    char e = s.charAt(i++);
                    switch (e) {
                        case 'n' -> sb.append('\n');
                        case 't' -> sb.append('\t');
                        case 'r' -> sb.append('\r');
                        case 'b' -> sb.append('\b');
                        case 'f' -> sb.append('\f');
                        case 'u' -> {
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
