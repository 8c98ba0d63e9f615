package org.edgemoe.hdl.core;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.function.Supplier;

/**
 * The {@link DesignProvider}s on a class path, found through {@link ServiceLoader}, in the order of their
 * class names (so the result never depends on the class path's order).
 */
public final class DesignProviders {
    /** The services file a project adds to register its provider. */
    public static final String SERVICES_FILE = "META-INF/services/" + DesignProvider.class.getName();

    private final List<DesignProvider> providers;

    private DesignProviders(List<DesignProvider> providers) {
        this.providers = providers;
    }

    /** Every provider {@code loader} (and its parents) can see. */
    public static DesignProviders on(ClassLoader loader) {
        List<DesignProvider> found = new ArrayList<>();
        try {
            for (DesignProvider p : ServiceLoader.load(DesignProvider.class, loader)) {
                found.add(p);
            }
        } catch (ServiceConfigurationError e) {
            throw new IllegalStateException("a design provider listed in " + SERVICES_FILE + " cannot be loaded: " + e.getMessage(), e);
        }
        found.sort(Comparator.comparing(p -> p.getClass().getName()));
        return new DesignProviders(List.copyOf(found));
    }

    public List<DesignProvider> all() {
        return providers;
    }

    /**
     * The union of every provider's {@link DesignProvider#defaults()}, providers in class-name order; a name
     * a provider earlier in that order already gave is skipped. Throws when no provider declares any.
     */
    public Map<String, Supplier<Module>> defaults() {
        Map<String, Supplier<Module>> out = new LinkedHashMap<>();
        for (DesignProvider p : providers) {
            p.defaults().forEach(out::putIfAbsent);
        }
        if (out.isEmpty()) {
            throw new IllegalStateException("no design provider on the class path declares default designs "
                    + (providers.isEmpty() ? "(none found)" : "(found " + names() + ", none with defaults)")
                    + ": implement " + DesignProvider.class.getName() + " with defaults() and list it in " + SERVICES_FILE);
        }
        return out;
    }

    /** The design registered under {@code name}, or null; two providers offering the name is an error. */
    public Supplier<Module> find(String name) {
        Supplier<Module> found = null;
        DesignProvider from = null;
        for (DesignProvider p : providers) {
            Supplier<Module> s = p.designs().get(name);
            if (s != null) {
                if (found != null) {
                    throw new IllegalStateException("the design name '" + name + "' is offered by two providers, "
                            + from.getClass().getName() + " and " + p.getClass().getName() + "; give the class name instead");
                }
                found = s;
                from = p;
            }
        }
        return found;
    }

    /** Every registered design name, providers in order. */
    public List<String> designNames() {
        List<String> out = new ArrayList<>();
        for (DesignProvider p : providers) {
            out.addAll(p.designs().keySet());
        }
        return out;
    }

    private List<String> names() {
        List<String> out = new ArrayList<>();
        providers.forEach(p -> out.add(p.getClass().getName()));
        return out;
    }
}
