package org.edgemoe.hdl.fuzz;

import static org.edgemoe.hdl.core.Hdl.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.edgemoe.hdl.core.Ground;
import org.edgemoe.hdl.core.Module;
import org.edgemoe.hdl.core.UInt;

/** A {@link Spec} built through the library's API, like a user's design; ports are {@code in<id>} / {@code out<id>}. */
final class FuzzModule extends Module implements Node.Env {
    final Map<Integer, Ground> ins = new TreeMap<>();
    final Map<Integer, Ground> outs = new TreeMap<>();
    private final Map<Integer, Ground> regs = new TreeMap<>();
    private final Map<Integer, Ground> wires = new TreeMap<>();
    private final Map<Integer, List<FuzzModule>> children = new TreeMap<>();

    FuzzModule(Spec spec, String name) {
        setDefinitionName(name);
        for (Spec.Item it : spec.items()) {
            if (it instanceof Spec.Reg r) {
                Ground g = org.edgemoe.hdl.core.Hdl.reg(r.ty().type()).named("reg" + r.id());
                if (r.init() != null) {
                    g.init(r.init().build(this));
                }
                regs.put(r.id(), g);
            }
        }
        for (Spec.Item it : spec.items()) {
            if (it instanceof Spec.Out o) {
                Ground v = o.value().build(this);
                Ground port = out(v.cloneType()).named("out" + o.id());
                port.set(v);
                outs.put(o.id(), port);
            } else if (it instanceof Spec.WhenWire w) {
                Ground g = org.edgemoe.hdl.core.Hdl.wire(w.ty().type()).named("wire" + w.id());
                g.set(w.dflt().build(this));
                WhenBuilder wb = null;
                for (int i = 0; i < w.conds().size(); i++) {
                    Node value = w.values().get(i);
                    Runnable body = () -> g.set(value.build(this));
                    wb = wb == null ? when((org.edgemoe.hdl.core.Bool) w.conds().get(i).build(this), body)
                            : wb.elsewhen((org.edgemoe.hdl.core.Bool) w.conds().get(i).build(this), body);
                }
                if (wb != null && w.otherwise() != null) {
                    wb.otherwise(() -> g.set(w.otherwise().build(this)));
                }
                wires.put(w.id(), g);
            } else if (it instanceof Spec.SwitchWire s) {
                Ground g = org.edgemoe.hdl.core.Hdl.wire(s.ty().type()).named("wire" + s.id());
                g.set(s.dflt().build(this));
                SwitchBuilder sb = switchOn((UInt) s.selector().build(this));
                for (int i = 0; i < s.cases().length; i++) {
                    Node value = s.values().get(i);
                    sb.is(s.cases()[i], () -> g.set(value.build(this)));
                }
                if (s.otherwise() != null) {
                    sb.otherwise(() -> g.set(s.otherwise().build(this)));
                }
                wires.put(s.id(), g);
            } else if (it instanceof Spec.Child c) {
                List<FuzzModule> copies = new ArrayList<>();
                for (int k = 0; k < c.copies(); k++) {
                    FuzzModule child = instance(new FuzzModule(c.spec(), name + "_c" + c.id()));
                    for (int i = 0; i < c.inputIds().size(); i++) {
                        Ground port = child.ins.get(c.inputIds().get(i));
                        if (port != null) { // the child may no longer read it (after minimising)
                            port.set(c.drivers().get(i).build(this));
                        }
                    }
                    copies.add(child);
                }
                children.put(c.id(), copies);
            }
        }
        for (Spec.Item it : spec.items()) {
            if (it instanceof Spec.Reg r && r.next() != null) {
                Ground g = regs.get(r.id());
                if (r.enable() != null) {
                    when((org.edgemoe.hdl.core.Bool) r.enable().build(this), () -> g.set(r.next().build(this)));
                } else {
                    g.set(r.next().build(this));
                }
            }
        }
    }

    @Override
    public Ground input(int id, Ty ty) {
        return ins.computeIfAbsent(id, k -> in(ty.type()).named("in" + k));
    }

    @Override
    public Ground reg(int id) {
        return regs.get(id);
    }

    @Override
    public Ground wire(int id) {
        return wires.get(id);
    }

    @Override
    public Ground childOut(int child, int port) {
        return children.get(child).get(port >> 16).outs.get(port & 0xFFFF);
    }
}
