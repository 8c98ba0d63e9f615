package org.edgemoe.hdl.emit;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.edgemoe.hdl.check.Diagnostic;
import org.edgemoe.hdl.check.ElaborationException;
import org.edgemoe.hdl.ir.Instance;
import org.edgemoe.hdl.ir.ModuleIR;

/**
 * Emission pass 5: merges identical module instances into one Verilog module each and names the
 * variants. A class with one variant keeps its name; several variants of a class are told apart by
 * their generator parameters ({@code Fifo_WIDTH8_DEPTH16}), or by an index in order of first use.
 */
final class Definitions {
    private static final String REF = "\u0000";
    private static final Pattern REF_TOKEN = Pattern.compile(REF + "(\\d+)" + REF);

    /** One distinct module body. */
    static final class Definition {
        final ModuleIR representative;
        final String text; // with child references as tokens
        String name;

        Definition(ModuleIR representative, String text) {
            this.representative = representative;
            this.text = text;
        }
    }

    private final Map<ModuleIR, Integer> idOf = new IdentityHashMap<>();
    private final Map<String, Integer> idOfText = new LinkedHashMap<>();
    private final List<Definition> definitions = new ArrayList<>();
    private final Map<String, Definition> blackBoxes = new LinkedHashMap<>();

    /** Adds a design tree; returns the id of its top definition. */
    int add(ModuleIR top) {
        return visit(top);
    }

    private int visit(ModuleIR m) {
        Integer known = idOf.get(m);
        if (known != null) {
            return known;
        }
        for (Instance inst : m.instances()) {
            visit(inst.child());
        }
        String text;
        if (m.isBlackBox()) {
            text = "blackbox:" + m.definitionName() + ":" + m.parameters();
        } else {
            text = new ModuleEmission(m, REF + "self" + REF, child -> REF + idOf.get(child) + REF).print();
        }
        Integer id = idOfText.get(text);
        if (id == null) {
            id = definitions.size();
            idOfText.put(text, id);
            definitions.add(new Definition(m, text));
        }
        idOf.put(m, id);
        return id;
    }

    /** Gives every definition its final name; black boxes keep theirs. */
    void assignNames() {
        Map<String, List<Definition>> byBase = new LinkedHashMap<>();
        for (Definition d : definitions) {
            if (d.representative.isBlackBox()) {
                d.name = d.representative.definitionName();
                continue;
            }
            byBase.computeIfAbsent(d.representative.definitionName(), k -> new ArrayList<>()).add(d);
        }
        java.util.Set<String> taken = new java.util.HashSet<>();
        for (Definition d : definitions) {
            if (d.representative.isBlackBox()) {
                taken.add(d.name);
            }
        }
        List<Diagnostic> clashes = new ArrayList<>();
        for (Map.Entry<String, List<Definition>> e : byBase.entrySet()) {
            List<Definition> variants = e.getValue();
            if (variants.size() > 1 && variants.stream().anyMatch(v -> v.representative.hasExplicitDefinitionName())) {
                reportClash(e.getKey(), variants, clashes);
                continue;
            }
            if (variants.size() == 1 && variants.get(0).representative.hasExplicitDefinitionName() && taken.contains(e.getKey())) {
                clashes.add(new Diagnostic(variants.get(0).representative.definitionNameLoc(), "module name '" + e.getKey()
                        + "' is already the name of a black box; give this module another name"));
                continue;
            }
            if (variants.size() == 1) {
                variants.get(0).name = unique(e.getKey(), taken);
                continue;
            }
            boolean distinctParams = variants.stream().map(v -> v.representative.parameters()).distinct().count() == variants.size()
                    && variants.stream().noneMatch(v -> v.representative.parameters().isEmpty());
            for (int i = 0; i < variants.size(); i++) {
                Definition d = variants.get(i);
                String suffix = distinctParams ? paramSuffix(d.representative.parameters()) : String.valueOf(i);
                d.name = unique(e.getKey() + "_" + suffix, taken);
            }
        }
        if (!clashes.isEmpty()) {
            throw new ElaborationException(clashes);
        }
    }

    /**
     * An explicit module name must name one module: two different bodies under one name are an error at
     * each place that chose the name (a silent {@code _0}/{@code _1} would not be the name the user asked for).
     */
    private static void reportClash(String name, List<Definition> variants, List<Diagnostic> out) {
        List<String> places = new ArrayList<>();
        for (Definition v : variants) {
            places.add(v.representative.className() + " at " + v.representative.definitionNameLoc());
        }
        for (Definition v : variants) {
            if (v.representative.hasExplicitDefinitionName()) {
                out.add(new Diagnostic(v.representative.definitionNameLoc(), "module name '" + name + "' is given to "
                        + variants.size() + " different modules (" + String.join(", ", places)
                        + "); give each its own name, or make them identical"));
            }
        }
    }

    private static String unique(String base, java.util.Set<String> taken) {
        String n = base;
        int i = 1;
        while (!taken.add(n)) {
            n = base + "_" + i++;
        }
        return n;
    }

    private static String paramSuffix(Map<String, Object> params) {
        StringBuilder sb = new StringBuilder();
        params.forEach((k, v) -> {
            if (sb.length() > 0) {
                sb.append('_');
            }
            sb.append(k).append(String.valueOf(v).replaceAll("[^A-Za-z0-9]", ""));
        });
        return sb.toString();
    }

    List<Definition> all() {
        return definitions;
    }

    String nameOf(ModuleIR m) {
        return definitions.get(idOf.get(m)).name;
    }

    /** The final Verilog text of a definition, child references resolved. */
    String render(Definition d) {
        String t = d.text.replace(REF + "self" + REF, d.name);
        Matcher mt = REF_TOKEN.matcher(t);
        StringBuilder sb = new StringBuilder();
        while (mt.find()) {
            mt.appendReplacement(sb, Matcher.quoteReplacement(definitions.get(Integer.parseInt(mt.group(1))).name));
        }
        mt.appendTail(sb);
        return sb.toString();
    }
}
