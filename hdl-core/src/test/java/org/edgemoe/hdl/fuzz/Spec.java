package org.edgemoe.hdl.fuzz;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * A random design as data: registers, conditionally assigned wires, child instances and outputs, in build
 * order, every value an expression tree ({@link Node}). {@link FuzzModule} turns it into hardware; the
 * minimiser edits it.
 */
record Spec(List<Item> items) {

    Spec {
        items = List.copyOf(items);
    }

    sealed interface Item { int id(); }

    /** Output port {@code out<id>}. */
    record Out(int id, Node value) implements Item { }

    /** A wire with a default value, then a when / elsewhen chain and an optional otherwise. */
    record WhenWire(int id, Ty ty, Node dflt, List<Node> conds, List<Node> values, Node otherwise) implements Item {
        WhenWire {
            conds = List.copyOf(conds);
            values = List.copyOf(values);
        }
    }

    /** A wire with a default value, then a switch on a UInt selector (cases[i] maps to values[i]). */
    record SwitchWire(int id, Ty ty, Node dflt, Node selector, long[] cases, List<Node> values, Node otherwise) implements Item {
        SwitchWire {
            values = List.copyOf(values);
        }
    }

    /** A register; init (a constant) or null; assigned {@code next} when {@code enable} (or always), or never. */
    record Reg(int id, Ty ty, Node init, Node enable, Node next) implements Item { }

    /** {@code copies} instances of a child design, whose input {@code in<k>} is driven by drivers[k's index]. */
    record Child(int id, Spec spec, List<Integer> inputIds, List<Node> drivers, int copies) implements Item {
        Child {
            inputIds = List.copyOf(inputIds);
            drivers = List.copyOf(drivers);
        }
    }

    /** The same design with every expression tree rewritten by {@code f} (children's specs untouched). */
    Spec mapTrees(UnaryOperator<Node> f) {
        List<Item> out = new ArrayList<>();
        for (Item it : items) {
            Item n;
            if (it instanceof Out o) {
                n = new Out(o.id(), f.apply(o.value()));
            } else if (it instanceof WhenWire w) {
                n = new WhenWire(w.id(), w.ty(), f.apply(w.dflt()), map(w.conds(), f), map(w.values(), f),
                        w.otherwise() == null ? null : f.apply(w.otherwise()));
            } else if (it instanceof SwitchWire s) {
                n = new SwitchWire(s.id(), s.ty(), f.apply(s.dflt()), f.apply(s.selector()), s.cases(),
                        map(s.values(), f), s.otherwise() == null ? null : f.apply(s.otherwise()));
            } else if (it instanceof Reg r) {
                n = new Reg(r.id(), r.ty(), r.init(), r.enable() == null ? null : f.apply(r.enable()),
                        r.next() == null ? null : f.apply(r.next()));
            } else {
                Child c = (Child) it;
                n = new Child(c.id(), c.spec(), c.inputIds(), map(c.drivers(), f), c.copies());
            }
            out.add(n);
        }
        return new Spec(out);
    }

    private static List<Node> map(List<Node> l, UnaryOperator<Node> f) {
        List<Node> out = new ArrayList<>();
        for (Node n : l) {
            out.add(f.apply(n));
        }
        return out;
    }

    /** Every expression tree root of this level (not of children). */
    List<Node> roots() {
        List<Node> out = new ArrayList<>();
        mapTrees(n -> {
            out.add(n);
            return n;
        });
        return out;
    }

    /** The design as Java-like text, for failing-case reports. */
    String describe(String indent) {
        StringBuilder sb = new StringBuilder();
        for (Item it : items) {
            sb.append(indent);
            if (it instanceof Out o) {
                sb.append("out").append(o.id()).append(" := ").append(o.value().java()).append("  // ")
                        .append(o.value().ty());
            } else if (it instanceof WhenWire w) {
                    sb.append(w.ty()).append(" wire").append(w.id()).append(" = ").append(w.dflt().java()).append(";");
                    for (int i = 0; i < w.conds().size(); i++) {
                        sb.append(i == 0 ? " when(" : " .elsewhen(").append(w.conds().get(i).java()).append(") { ")
                                .append(w.values().get(i).java()).append(" }");
                    }
                    if (w.otherwise() != null) {
                        sb.append(" .otherwise { ").append(w.otherwise().java()).append(" }");
                    }
            } else if (it instanceof SwitchWire s) {
                    sb.append(s.ty()).append(" wire").append(s.id()).append(" = ").append(s.dflt().java())
                            .append("; switchOn(").append(s.selector().java()).append(")");
                    for (int i = 0; i < s.cases().length; i++) {
                        sb.append(" .is(").append(s.cases()[i]).append(") { ").append(s.values().get(i).java()).append(" }");
                    }
                    if (s.otherwise() != null) {
                        sb.append(" .otherwise { ").append(s.otherwise().java()).append(" }");
                    }
            } else if (it instanceof Reg r) {
                    sb.append(r.ty()).append(" reg").append(r.id()).append(" = reg(").append(r.ty()).append(")");
                    if (r.init() != null) {
                        sb.append(".init(").append(r.init().java()).append(")");
                    }
                    if (r.next() != null) {
                        sb.append("; ").append(r.enable() != null ? "when(" + r.enable().java() + ") " : "")
                                .append("reg").append(r.id()).append(" := ").append(r.next().java());
                    }
            } else if (it instanceof Child c) {
                    sb.append(c.copies()).append(" x child").append(c.id()).append(" {\n")
                            .append(c.spec().describe(indent + "    ")).append(indent).append("  } inputs:");
                    for (int i = 0; i < c.drivers().size(); i++) {
                        sb.append(" in").append(c.inputIds().get(i)).append(" := ").append(c.drivers().get(i).java()).append(";");
                    }
            }
            sb.append('\n');
        }
        return sb.toString();
    }
}
