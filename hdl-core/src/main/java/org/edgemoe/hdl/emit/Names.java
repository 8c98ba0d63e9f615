package org.edgemoe.hdl.emit;

import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.edgemoe.hdl.ir.Identifiers;
import org.edgemoe.hdl.ir.Instance;
import org.edgemoe.hdl.ir.Memory;
import org.edgemoe.hdl.ir.Signal;
import org.edgemoe.hdl.ir.SignalKind;

/**
 * Emission pass 2: the final Verilog name of every signal, instance and memory of one module.
 * Ports keep their names; user names come next; clashes get {@code _1}, {@code _2}...; temporaries are
 * {@code _zz_<n>} in declaration order; a child's port seen from the parent is {@code <instance>_<port>} unless the
 * parent named it.
 */
final class Names {
    private final Map<Signal, String> signals = new IdentityHashMap<>();
    private final Map<Instance, String> instances = new IdentityHashMap<>();
    private final Map<Memory, String> memories = new IdentityHashMap<>();
    private final Set<String> taken = new HashSet<>();
    private int temps;

    static Names allocate(LegalModule lm, List<Signal> orderedPorts) {
        Names n = new Names();
        for (Signal p : orderedPorts) {
            n.signals.put(p, n.unique(p.name()));
        }
        int k = 0;
        for (Instance inst : lm.ir.instances()) {
            String base = inst.name() != null ? inst.name() : scoped(inst.scope(), lowerFirst(inst.child().className()) + "_" + k);
            n.instances.put(inst, n.unique(base));
            k++;
        }
        for (Memory mem : lm.ir.memories()) {
            n.memories.put(mem, n.unique(mem.name() != null ? mem.name() : scoped(mem.scope(), "mem")));
        }
        for (Instance inst : lm.ir.instances()) {
            String instName = n.instances.get(inst);
            inst.bindings().forEach((port, side) -> {
                if (side.kind() == SignalKind.INSTANCE_PORT) {
                    // named(...) from the parent names this wire; by default it is <instance>_<port>
                    n.signals.put(side, n.unique(side.name() != null ? side.name() : instName + "_" + port.name()));
                }
            });
        }
        for (Signal s : lm.ir.signals()) {
            if (!s.isPort() && s.kind() != SignalKind.INSTANCE_PORT && lm.live.contains(s) && isDeclared(lm, s)) {
                n.signals.put(s, s.name() != null ? n.unique(s.name()) : n.temp(s.scope()));
            }
        }
        for (Signal s : lm.nodeWires.keySet()) {
            if (!n.signals.containsKey(s)) {
                n.signals.put(s, s.name() != null ? n.unique(s.name()) : n.temp(s.scope()));
            }
        }
        return n;
    }

    private static boolean isDeclared(LegalModule lm, Signal s) {
        return s.kind() != SignalKind.NODE || lm.nodeWires.containsKey(s);
    }

    /** {@code _zz_<n>}, or {@code <scope>_zz_<n>} inside a {@code withPrefix} scope. */
    private String temp(String scope) {
        String name;
        do {
            name = scoped(scope, "_zz_" + temps++);
        } while (taken.contains(name));
        taken.add(name);
        return name;
    }

    private static String scoped(String scope, String name) {
        if (scope.isEmpty()) {
            return name;
        }
        return scope + (name.startsWith("_") ? name : "_" + name);
    }

    /** A new identifier that clashes with nothing named so far (for wires later passes add, such as check wires). */
    String fresh(String base) {
        return unique(base);
    }

    private String unique(String base) {
        String name = base;
        int i = 1;
        while (taken.contains(name) || Identifiers.isKeyword(name)) {
            name = base + "_" + i++;
        }
        taken.add(name);
        return name;
    }

    private static String lowerFirst(String s) {
        return s.isEmpty() ? s : Character.toLowerCase(s.charAt(0)) + s.substring(1);
    }

    String of(Signal s) {
        String n = signals.get(s);
        if (n == null) {
            throw new IllegalStateException("no name allocated for " + s + " (" + s.kind() + ")");
        }
        return n;
    }

    String of(Instance i) {
        return instances.get(i);
    }

    String of(Memory m) {
        return memories.get(m);
    }
}
