package org.edgemoe.hdl.verilog;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The compiler directives the importer needs: {@code `define} of simple (argument-free) macros and their
 * use, {@code `undef}, {@code `ifdef / `ifndef / `elsif / `else / `endif}, {@code `include} (spliced in,
 * searched next to the including file and then in the include path); {@code `timescale},
 * {@code `default_nettype} and the other line directives are dropped. Comments and strings are copied
 * untouched, so a directive or a {@code module} inside them means nothing. Every output line remembers
 * its file and line for error messages.
 */
final class Preprocessor {
    /** Directives that take the rest of their line and mean nothing for an interface. */
    private static final Set<String> LINE_DIRECTIVES = Set.of("timescale", "default_nettype", "resetall",
            "celldefine", "endcelldefine", "unconnected_drive", "nounconnected_drive", "pragma", "line",
            "begin_keywords", "end_keywords", "default_decay_time", "default_trireg_strength",
            "delay_mode_distributed", "delay_mode_path", "delay_mode_unit", "delay_mode_zero");

    /** Where an output line came from. */
    record Origin(String file, int line) { }

    /** Preprocessed text and, per output line (0-based), its origin. */
    record Result(String text, List<Origin> lines) {
        Origin origin(int line1) {
            return line1 >= 1 && line1 <= lines.size() ? lines.get(line1 - 1) : lines.get(lines.size() - 1);
        }
    }

    private final Map<String, String> macros;
    private final List<Path> includePath;
    private final StringBuilder out = new StringBuilder();
    private final List<Origin> origins = new ArrayList<>();
    private int depth;

    Preprocessor(Map<String, String> macros, List<Path> includePath) {
        this.macros = macros;
        this.includePath = includePath;
    }

    Result run(String text, String fileName, Path dir) {
        process(text, fileName, dir);
        return new Result(out.toString(), origins);
    }

    /** One conditional level: is its current branch active, and has any branch been taken. */
    private static final class Cond {
        final boolean parentActive;
        boolean active;
        boolean taken;
        boolean sawElse;

        Cond(boolean parentActive, boolean condition) {
            this.parentActive = parentActive;
            this.active = parentActive && condition;
            this.taken = condition;
        }
    }

    private void process(String s, String file, Path dir) {
        if (++depth > 32) {
            throw new VerilogImportException(file, 1, 1, "`include nested too deeply (recursive include?)");
        }
        Deque<Cond> conds = new ArrayDeque<>();
        int line = 1;
        int lineStart = 0;
        int i = 0;
        int n = s.length();
        origins.add(new Origin(file, 1));
        while (i < n) {
            boolean active = conds.isEmpty() || conds.peek().active;
            char c = s.charAt(i);
            if (c == '\n') {
                out.append('\n');
                line++;
                lineStart = i + 1;
                origins.add(new Origin(file, line));
                i++;
            } else if (c == '/' && i + 1 < n && s.charAt(i + 1) == '/') {
                int e = s.indexOf('\n', i);
                e = e < 0 ? n : e;
                if (active) {
                    out.append(s, i, e);
                }
                i = e;
            } else if (c == '/' && i + 1 < n && s.charAt(i + 1) == '*') {
                int e = s.indexOf("*/", i + 2);
                if (e < 0) {
                    throw new VerilogImportException(file, line, i - lineStart + 1, "unterminated /* comment");
                }
                e += 2;
                // keep the newlines so lines still match
                for (int k = i; k < e; k++) {
                    char ck = s.charAt(k);
                    if (ck == '\n') {
                        out.append('\n');
                        line++;
                        lineStart = k + 1;
                        origins.add(new Origin(file, line));
                    } else if (active) {
                        out.append(ck);
                    }
                }
                i = e;
            } else if (c == '"') {
                int k = i + 1;
                while (k < n && s.charAt(k) != '"' && s.charAt(k) != '\n') {
                    k += s.charAt(k) == '\\' ? 2 : 1;
                }
                k = Math.min(n, k + 1);
                if (active) {
                    out.append(s, i, k);
                }
                i = k;
            } else if (c == '`') {
                int col = i - lineStart + 1;
                int k = i + 1;
                while (k < n && (Character.isLetterOrDigit(s.charAt(k)) || s.charAt(k) == '_' || s.charAt(k) == '$')) {
                    k++;
                }
                String name = s.substring(i + 1, k);
                if (name.isEmpty()) {
                    throw new VerilogImportException(file, line, col, "` without a directive or macro name");
                }
                int eol = s.indexOf('\n', k);
                eol = eol < 0 ? n : eol;
                switch (name) {
                    case "ifdef", "ifndef" -> {
                        String m = word(s, k, eol, file, line, col, name);
                        boolean def = macros.containsKey(m);
                        conds.push(new Cond(active, name.equals("ifdef") == def));
                        i = afterWord(s, k);
                    }
                    case "elsif" -> {
                        Cond cd = requireOpen(conds, file, line, col, name);
                        String m = word(s, k, eol, file, line, col, name);
                        boolean cond = !cd.taken && macros.containsKey(m);
                        cd.active = cd.parentActive && cond;
                        cd.taken |= cond;
                        i = afterWord(s, k);
                    }
                    case "else" -> {
                        Cond cd = requireOpen(conds, file, line, col, name);
                        if (cd.sawElse) {
                            throw new VerilogImportException(file, line, col, "second `else for one `ifdef");
                        }
                        cd.sawElse = true;
                        cd.active = cd.parentActive && !cd.taken;
                        cd.taken = true;
                        i = k;
                    }
                    case "endif" -> {
                        requireOpen(conds, file, line, col, name);
                        conds.pop();
                        i = k;
                    }
                    case "define" -> {
                        // the body runs to the end of the line; a trailing backslash continues it
                        StringBuilder body = new StringBuilder();
                        int p = k;
                        int extraLines = 0;
                        while (true) {
                            int e = s.indexOf('\n', p);
                            e = e < 0 ? n : e;
                            String part = s.substring(p, e);
                            if (part.endsWith("\r")) {
                                part = part.substring(0, part.length() - 1);
                            }
                            if (part.endsWith("\\") && e < n) {
                                body.append(part, 0, part.length() - 1).append(' ');
                                p = e + 1;
                                extraLines++;
                                continue;
                            }
                            body.append(part);
                            i = e;
                            break;
                        }
                        if (active) {
                            define(body.toString(), file, line, col);
                        }
                        for (int x = 0; x < extraLines; x++) {
                            out.append('\n');
                            line++;
                            origins.add(new Origin(file, line));
                        }
                        lineStart = i; // columns after a continued define are not used
                    }
                    case "undef" -> {
                        String m = word(s, k, eol, file, line, col, name);
                        if (active) {
                            macros.remove(m);
                        }
                        i = afterWord(s, k);
                    }
                    case "include" -> {
                        int q1 = s.indexOf('"', k);
                        int q2 = q1 < 0 ? -1 : s.indexOf('"', q1 + 1);
                        if (q1 < 0 || q2 < 0 || q2 > eol) {
                            throw new VerilogImportException(file, line, col, "`include needs a \"file name\"");
                        }
                        String inc = s.substring(q1 + 1, q2);
                        i = q2 + 1;
                        if (active) {
                            include(inc, dir, file, line, col);
                        }
                    }
                    default -> {
                        if (LINE_DIRECTIVES.contains(name)) {
                            i = eol;
                        } else if (!active) {
                            i = k;
                        } else if (macros.containsKey(name)) {
                            String body = macros.get(name);
                            if (body == null) {
                                throw new VerilogImportException(file, line, col,
                                        "macro `" + name + " takes arguments, which the importer does not expand");
                            }
                            out.append(expand(body, file, line, col, 0));
                            i = k;
                        } else {
                            throw new VerilogImportException(file, line, col, "undefined macro `" + name);
                        }
                    }
                }
            } else {
                if (active) {
                    out.append(c);
                }
                i++;
            }
        }
        if (!conds.isEmpty()) {
            throw new VerilogImportException(file, line, 1, "`ifdef without `endif");
        }
        depth--;
    }

    private static Cond requireOpen(Deque<Cond> conds, String file, int line, int col, String name) {
        if (conds.isEmpty()) {
            throw new VerilogImportException(file, line, col, "`" + name + " without `ifdef");
        }
        return conds.peek();
    }

    private static String word(String s, int from, int eol, String file, int line, int col, String directive) {
        int a = from;
        while (a < eol && (s.charAt(a) == ' ' || s.charAt(a) == '\t')) {
            a++;
        }
        int b = afterWord(s, a);
        if (b == a) {
            throw new VerilogImportException(file, line, col, "`" + directive + " needs a macro name");
        }
        return s.substring(a, b);
    }

    private static int afterWord(String s, int from) {
        int a = from;
        while (a < s.length() && (s.charAt(a) == ' ' || s.charAt(a) == '\t')) {
            a++;
        }
        while (a < s.length() && (Character.isLetterOrDigit(s.charAt(a)) || s.charAt(a) == '_' || s.charAt(a) == '$')) {
            a++;
        }
        return a;
    }

    private void define(String text, String file, int line, int col) {
        String t = text.strip();
        int k = 0;
        while (k < t.length() && (Character.isLetterOrDigit(t.charAt(k)) || t.charAt(k) == '_' || t.charAt(k) == '$')) {
            k++;
        }
        if (k == 0) {
            throw new VerilogImportException(file, line, col, "`define needs a macro name");
        }
        String name = t.substring(0, k);
        if (k < t.length() && t.charAt(k) == '(') {
            macros.put(name, null); // a macro with arguments: known, but not expandable
            return;
        }
        String body = t.substring(k);
        int comment = body.indexOf("//");
        if (comment >= 0) {
            body = body.substring(0, comment);
        }
        macros.put(name, body.strip());
    }

    /** A macro body with the macros it uses expanded (one line; no directives inside). */
    private String expand(String body, String file, int line, int col, int level) {
        if (level > 32) {
            throw new VerilogImportException(file, line, col, "macro expansion too deep (recursive `define?)");
        }
        StringBuilder b = new StringBuilder();
        int i = 0;
        while (i < body.length()) {
            char c = body.charAt(i);
            if (c == '`') {
                int k = afterWord(body, i + 1);
                String name = body.substring(i + 1, k).strip();
                String inner = macros.get(name);
                if (inner == null) {
                    throw new VerilogImportException(file, line, col, "undefined macro `" + name + " (inside a macro)");
                }
                b.append(expand(inner, file, line, col, level + 1));
                i = k;
            } else {
                b.append(c);
                i++;
            }
        }
        return b.toString();
    }

    private void include(String name, Path dir, String file, int line, int col) {
        List<Path> candidates = new ArrayList<>();
        if (dir != null) {
            candidates.add(dir.resolve(name));
        }
        for (Path p : includePath) {
            candidates.add(p.resolve(name));
        }
        for (Path p : candidates) {
            if (Files.isRegularFile(p)) {
                String text;
                try {
                    text = Files.readString(p, StandardCharsets.UTF_8);
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot read " + p, e);
                }
                // the included text starts on a line of its own and the including line continues after it
                out.append('\n');
                process(text, p.toString(), p.toAbsolutePath().getParent());
                out.append('\n');
                origins.add(new Origin(file, line));
                return;
            }
        }
        throw new VerilogImportException(file, line, col, "`include file \"" + name + "\" not found (searched "
                + candidates + ")");
    }
}
