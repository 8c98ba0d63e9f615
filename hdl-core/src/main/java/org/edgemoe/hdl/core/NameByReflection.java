package org.edgemoe.hdl.core;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import org.edgemoe.hdl.ir.Instance;
import org.edgemoe.hdl.ir.Signal;

/**
 * Gives a finished module's hardware the names of the Java fields that hold it: Data, child modules,
 * memories, and lists or arrays of them ({@code name_0}, {@code name_1}...). Explicit names win.
 */
final class NameByReflection {
    private NameByReflection() { }

    static void nameFields(Module m) {
        forEachField(m, Module.class, (field, value) -> name(m, field, value));
    }

    /** Calls {@code visit} for every instance field of {@code obj}, superclass fields first, below {@code stop}. */
    private static void forEachField(Object obj, Class<?> stop, java.util.function.BiConsumer<String, Object> visit) {
        List<Class<?>> chain = new ArrayList<>();
        for (Class<?> c = obj.getClass(); c != stop && c != null; c = c.getSuperclass()) {
            chain.add(0, c);
        }
        for (Class<?> c : chain) {
            for (Field f : c.getDeclaredFields()) {
                if (Modifier.isStatic(f.getModifiers()) || f.isSynthetic()) {
                    continue;
                }
                Object value;
                try {
                    f.setAccessible(true);
                    value = f.get(obj);
                } catch (ReflectiveOperationException | RuntimeException e) {
                    continue; // inaccessible fields keep their generated names
                }
                visit.accept(f.getName(), value);
            }
        }
    }

    private static void name(Module owner, String name, Object value) {
        name(owner, name, value, 0);
    }

    private static void name(Module owner, String name, Object value, int depth) {
        if (value instanceof Area area) {
            if (depth < 8) {
                nameArea(owner, name, area, depth + 1);
            }
        } else if (value instanceof Data d) {
            if (d.isBound() && ownedBy(d, owner)) {
                d.nameLeaves(name, Signal.NameSource.FIELD, owner.ioPrefix());
            }
        } else if (value instanceof Module child) {
            for (Instance inst : owner.ir().instances()) {
                if (inst.child() == child.ir() && inst.name() == null) {
                    inst.setName(name);
                }
            }
        } else if (value instanceof Mem<?> mem) {
            if (mem.ir().owner() == owner.ir() && mem.ir().name() == null) {
                mem.ir().setName(name);
            }
        } else if (value instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                name(owner, name + "_" + i, list.get(i), depth);
            }
        } else if (value instanceof Object[] array) {
            for (int i = 0; i < array.length; i++) {
                name(owner, name + "_" + i, array[i], depth);
            }
        }
    }

    private static void nameArea(Module owner, String prefix, Area area, int depth) {
        forEachField(area, Area.class, (field, value) -> name(owner, prefix + "_" + field, value, depth));
    }

    private static boolean ownedBy(Data d, Module owner) {
        for (Ground g : d.leaves()) {
            if (g.signal().owner() != owner.ir()) {
                return false;
            }
        }
        return true;
    }
}
