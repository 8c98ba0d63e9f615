package org.edgemoe.hdl.core;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import org.edgemoe.hdl.ir.Signal;
import org.edgemoe.hdl.ir.SignalKind;

/**
 * A fixed-size sequence of same-typed Data. Static indexing is plain Java ({@link #get(int)}); a hardware
 * index reads through a {@code case} multiplexer ({@link #read(UInt)}) or writes one element ({@link #write}).
 */
public final class Vec<T extends Data> extends Data implements Iterable<T> {
    private final List<T> elements;

    Vec(List<T> elements) {
        if (elements.isEmpty()) {
            throw new IllegalArgumentException("a Vec needs at least one element");
        }
        this.elements = List.copyOf(elements);
    }

    @SuppressWarnings("unchecked")
    static <T extends Data> Vec<T> of(int size, T type) {
        List<T> list = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            list.add((T) type.cloneType());
        }
        return new Vec<>(list);
    }

    public T get(int i) {
        return elements.get(i);
    }

    public int size() {
        return elements.size();
    }

    public List<T> asList() {
        return Collections.unmodifiableList(elements);
    }

    @Override
    public Iterator<T> iterator() {
        return elements.iterator();
    }

    @Override
    @SuppressWarnings("unchecked")
    public Vec<T> cloneType() {
        List<T> list = new ArrayList<>(elements.size());
        for (T e : elements) {
            list.add((T) e.cloneType());
        }
        Vec<T> v = new Vec<>(list);
        v.markFlipped(isFlipped());
        return v;
    }

    @Override
    public List<Ground> leaves() {
        List<Ground> out = new ArrayList<>();
        for (T e : elements) {
            out.addAll(e.leaves());
        }
        return out;
    }

    @Override
    void bind(Module m, SignalKind kind, boolean flip) {
        for (T e : elements) {
            e.bind(m, kind, flip ^ isFlipped());
        }
    }

    @Override
    void nameLeaves(String path, Signal.NameSource source, boolean ioPrefix) {
        nameByPaths(this, path, source, ioPrefix);
    }

    @Override
    List<String> leafPaths() {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < elements.size(); i++) {
            for (String p : elements.get(i).leafPaths()) {
                out.add(p.isEmpty() ? Integer.toString(i) : i + "_" + p);
            }
        }
        return out;
    }

    @Override
    public void set(Data value) {
        if (!(value instanceof Vec<?> v) || v.size() != size()) {
            Builder.current().diagnostics.error(org.edgemoe.hdl.ir.SourceLoc.capture(),
                    "cannot assign " + value.getClass().getSimpleName() + " to Vec of " + size());
            return;
        }
        for (int i = 0; i < size(); i++) {
            elements.get(i).set(v.get(i));
        }
    }

    @Override
    public void connectFrom(Data producer) {
        if (!(producer instanceof Vec<?> v) || v.size() != size()) {
            Builder.current().diagnostics.error(org.edgemoe.hdl.ir.SourceLoc.capture(),
                    "cannot connect " + producer.getClass().getSimpleName() + " to Vec of " + size());
            return;
        }
        for (int i = 0; i < size(); i++) {
            elements.get(i).connectFrom(v.get(i));
        }
    }

    /** Element {@code index}, as a {@code case} multiplexer; an index past the end reads element 0. */
    @SuppressWarnings("unchecked")
    public T read(UInt index) {
        T out = Hdl.wire((T) elements.get(0).cloneType());
        Hdl.SwitchBuilder sw = Hdl.switchOn(index);
        int reachable = (int) Math.min(elements.size(), index.width() >= 31 ? Integer.MAX_VALUE : 1L << index.width());
        for (int i = 0; i < reachable; i++) {
            T e = elements.get(i);
            sw.is(i, () -> out.set(e));
        }
        if (!sw.isFull()) {
            sw.otherwise(() -> out.set(elements.get(0)));
        }
        return out;
    }

    /** Assigns {@code value} to element {@code index} (under the enclosing when conditions). */
    public void write(UInt index, T value) {
        Hdl.SwitchBuilder sw = Hdl.switchOn(index);
        int reachable = (int) Math.min(elements.size(), index.width() >= 31 ? Integer.MAX_VALUE : 1L << index.width());
        for (int i = 0; i < reachable; i++) {
            T e = elements.get(i);
            sw.is(i, () -> e.set(value));
        }
    }
}
