package org.edgemoe.sim;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the signal table out of the C++ headers Verilator generates: ports from
 * {@code <prefix>___024root.h} ({@code VL_IN8(&name,msb,lsb)} and friends) and signals marked
 * {@code verilator public} from the per-module classes the symbol table ({@code __Syms.h}) holds.
 */
final class ModelHeaderParser {
    private static final Pattern PORT = Pattern.compile(
        "^\\s*VL_(IN|OUT|INOUT)(8|16|64|W)?\\((\\w+),(\\d+),(\\d+)(?:,(\\d+))?\\);");
    private static final Pattern VARIABLE = Pattern.compile(
        "^\\s*(CData|SData|IData|QData|VlWide<(\\d+)>)/\\*(\\d+):(\\d+)\\*/\\s+(\\w+);");
    private static final String DOT = "__DOT__";

    private ModelHeaderParser() {
    }

    static List<SignalSpec> parse(Path objDir, String prefix, String top, boolean rootInternals) {
        List<SignalSpec> signals = new ArrayList<>();
        List<String> root = lines(objDir.resolve(prefix + "___024root.h"));
        for (String line : root) {
            Matcher port = PORT.matcher(line);
            if (port.find()) signals.add(port(port));
        }
        if (rootInternals) {
            // With --public-flat-rw internals are flattened into the root as top__DOT__sub__DOT__sig.
            for (String line : root) {
                Matcher var = VARIABLE.matcher(line);
                if (var.find() && var.group(5).startsWith(top + DOT)) {
                    signals.add(internal(var, "TOP", hierarchicalName(var.group(5), top)));
                }
            }
        }
        Pattern scopeMember = Pattern.compile("^\\s*(" + Pattern.quote(prefix) + "_\\w+)\\s+(TOP__\\w+);");
        for (String line : lines(objDir.resolve(prefix + "__Syms.h"))) {
            Matcher member = scopeMember.matcher(line);
            if (!member.find()) continue;
            String scope = hierarchicalName(member.group(2).substring("TOP__".length()), top);
            for (String classLine : lines(objDir.resolve(member.group(1) + ".h"))) {
                Matcher var = VARIABLE.matcher(classLine);
                if (var.find() && !var.group(5).startsWith("__")) {
                    String name = scope.isEmpty() ? var.group(5) : scope + "." + var.group(5);
                    signals.add(internal(var, member.group(2), name));
                }
            }
        }
        return signals;
    }

    private static SignalSpec port(Matcher m) {
        Direction direction = switch (m.group(1)) {
            case "IN" -> Direction.INPUT;
            case "OUT" -> Direction.OUTPUT;
            default -> Direction.INOUT;
        };
        int width = Integer.parseInt(m.group(4)) - Integer.parseInt(m.group(5)) + 1;
        int bytes = switch (m.group(2) == null ? "" : m.group(2)) {
            case "8" -> 1;
            case "16" -> 2;
            case "64" -> 8;
            case "W" -> 4 * Integer.parseInt(m.group(6));
            default -> 4;
        };
        return new SignalSpec(m.group(3), "TOP." + m.group(3), width, direction, bytes);
    }

    private static SignalSpec internal(Matcher m, String owner, String name) {
        int width = Integer.parseInt(m.group(3)) - Integer.parseInt(m.group(4)) + 1;
        int bytes = switch (m.group(1).charAt(0)) {
            case 'C' -> 1;
            case 'S' -> 2;
            case 'I' -> 4;
            case 'Q' -> 8;
            default -> 4 * Integer.parseInt(m.group(2));
        };
        return new SignalSpec(name, owner + "." + m.group(5), width, Direction.INTERNAL, bytes);
    }

    /**
     * Verilator's mangled scope names to dotted paths below the top: {@code Counter__u_sub}
     * (symbol table members) and {@code Counter__DOT__u_sub} (flattened variables) both become
     * {@code u_sub}; {@code g__BRA__0__KET__} becomes {@code g[0]}. User identifiers never hold
     * "__" here because Verilator escapes it.
     */
    static String hierarchicalName(String mangled, String top) {
        String dotted = mangled.replace("__BRA__", "[").replace("__KET__", "]").replace(DOT, ".").replace("__", ".");
        if (dotted.equals(top)) return "";
        return dotted.startsWith(top + ".") ? dotted.substring(top.length() + 1) : dotted;
    }

    private static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read Verilator output " + file, e);
        }
    }
}
