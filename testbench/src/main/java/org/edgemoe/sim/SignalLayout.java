package org.edgemoe.sim;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Where each signal lives inside a model instance's state: the table the shim reports. */
final class SignalLayout {
    record Entry(String name, int width, Direction direction, int bytes, int offset) {
    }

    private final Map<String, Entry> byName = new LinkedHashMap<>();

    /** Parses the bridge's table: one tab-separated line per signal (name width direction bytes offset). */
    static SignalLayout parse(String table) {
        SignalLayout layout = new SignalLayout();
        for (String line : table.split("\n")) {
            if (line.isEmpty()) continue;
            String[] f = line.split("\t");
            Entry e = new Entry(f[0], Integer.parseInt(f[1]), Direction.fromCode(Integer.parseInt(f[2])),
                Integer.parseInt(f[3]), Integer.parseInt(f[4]));
            layout.byName.putIfAbsent(e.name(), e);
        }
        return layout;
    }

    Entry find(String name) {
        return byName.get(name);
    }

    List<String> names() {
        return Collections.unmodifiableList(new ArrayList<>(byName.keySet()));
    }

    List<Entry> entries() {
        return List.copyOf(byName.values());
    }
}
