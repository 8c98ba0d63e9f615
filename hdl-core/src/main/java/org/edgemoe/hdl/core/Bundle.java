package org.edgemoe.hdl.core;

import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.edgemoe.hdl.ir.Signal;
import org.edgemoe.hdl.ir.SignalKind;

/**
 * A record of named fields, each any Data. Fields are the subclass's Data fields in declaration order;
 * a field made with {@code flipped(...)} runs against the bundle's direction (like a stream's ready).
 * A bundle with constructor parameters overrides {@link #cloneType()}.
 */
public abstract class Bundle extends Data {
    private Map<String, Data> elements;

    /** Field name to value, in declaration order (superclass fields first). */
    public final Map<String, Data> elements() {
        if (elements == null) {
            elements = readFields();
        }
        return elements;
    }

    private Map<String, Data> readFields() {
        List<Class<?>> chain = new ArrayList<>();
        for (Class<?> c = getClass(); c != Bundle.class; c = c.getSuperclass()) {
            chain.add(0, c);
        }
        Map<String, Data> out = new LinkedHashMap<>();
        for (Class<?> c : chain) {
            for (Field f : c.getDeclaredFields()) {
                if (Modifier.isStatic(f.getModifiers()) || !Data.class.isAssignableFrom(f.getType())) {
                    continue;
                }
                try {
                    f.setAccessible(true);
                    Data d = (Data) f.get(this);
                    if (d != null) {
                        out.put(f.getName(), d);
                    }
                } catch (ReflectiveOperationException | RuntimeException e) {
                    throw new IllegalStateException("cannot read field " + f.getName() + " of bundle " + c.getName()
                            + " (open its package to org.edgemoe.hdl.core, or make the field public)", e);
                }
            }
        }
        return out;
    }

    @Override
    public List<Ground> leaves() {
        List<Ground> out = new ArrayList<>();
        for (Data d : elements().values()) {
            out.addAll(d.leaves());
        }
        return out;
    }

    /** Default: calls the no-argument constructor. Bundles with parameters override this. */
    @Override
    public Bundle cloneType() {
        try {
            Constructor<? extends Bundle> c = getClass().getDeclaredConstructor();
            c.setAccessible(true);
            Bundle b = c.newInstance();
            b.markFlipped(isFlipped());
            return b;
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException("bundle " + getClass().getName()
                    + " has no no-argument constructor: override cloneType() to build a fresh copy", e);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot clone bundle " + getClass().getName() + ": " + e, e);
        }
    }

    @Override
    void bind(Module m, SignalKind kind, boolean flip) {
        for (Data d : elements().values()) {
            d.bind(m, kind, flip ^ isFlipped());
        }
    }

    @Override
    void nameLeaves(String path, Signal.NameSource source, boolean ioPrefix) {
        nameByPaths(this, path, source, ioPrefix);
    }

    @Override
    final List<String> leafPaths() {
        List<String> out = new ArrayList<>();
        for (Map.Entry<String, Data> e : elements().entrySet()) {
            for (String p : e.getValue().leafPaths()) {
                out.add(leafName(p.isEmpty() ? e.getKey() : e.getKey() + "_" + p));
            }
        }
        return out;
    }

    /**
     * The name of one of this bundle's leaves below the bundle's own name, given its default
     * {@code <field>_<subfield>...} path ({@code aw_valid}, {@code aw_payload_addr}). The default keeps it;
     * a bus bundle overrides it to follow its specification's names, as SpinalHDL's renamers do
     * ({@code Axi4SpecRenamer}: {@code awvalid}, {@code awaddr}). Applied from the innermost bundle out.
     */
    protected String leafName(String defaultPath) {
        return defaultPath;
    }

    @Override
    public void connectFrom(Data producer) {
        if (producer.getClass() != getClass()) {
            Builder.current().diagnostics.error(org.edgemoe.hdl.ir.SourceLoc.capture(),
                    "cannot connect " + producer.getClass().getSimpleName() + " to " + getClass().getSimpleName());
            return;
        }
        Map<String, Data> other = ((Bundle) producer).elements();
        for (Map.Entry<String, Data> e : elements().entrySet()) {
            Data mine = e.getValue();
            Data theirs = other.get(e.getKey());
            if (mine.isFlipped()) {
                theirs.connectFrom(mine);
            } else {
                mine.connectFrom(theirs);
            }
        }
    }

    @Override
    public void set(Data value) {
        if (value.getClass() != getClass()) {
            Builder.current().diagnostics.error(org.edgemoe.hdl.ir.SourceLoc.capture(),
                    "cannot assign " + value.getClass().getSimpleName() + " to " + getClass().getSimpleName());
            return;
        }
        Map<String, Data> other = ((Bundle) value).elements();
        for (Map.Entry<String, Data> e : elements().entrySet()) {
            e.getValue().set(other.get(e.getKey()));
        }
    }
}
