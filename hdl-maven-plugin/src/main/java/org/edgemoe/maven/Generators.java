package org.edgemoe.maven;

import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.edgemoe.hdl.check.ElaborationException;
import org.edgemoe.hdl.core.DesignProvider;
import org.edgemoe.hdl.core.DesignProviders;
import org.edgemoe.hdl.core.Elaboration;
import org.edgemoe.hdl.core.Module;
import org.edgemoe.hdl.emit.VerilogEmitter;

/**
 * Turns a generator name and its parameters (strings) into a {@link VerilogEmitter} holding the elaborated
 * design(s). Names, tried in this order:
 * <ul>
 *   <li>{@code default}: the default designs every {@link DesignProvider} on the project's class path declares
 *       ({@link DesignProviders#defaults()}; providers register in
 *       {@code META-INF/services/org.edgemoe.hdl.core.DesignProvider});</li>
 *   <li>{@code pkg.Class#method}: a public static factory returning a {@code Module}, a
 *       {@code Supplier<Module>} or a {@code VerilogEmitter}, called with the parameters;</li>
 *   <li>{@code pkg.Class}: a {@code Module} subclass, built with the public constructor matching the
 *       parameters; or a {@code Supplier<Module>} with a public no-argument constructor;</li>
 *   <li>a plain name such as {@code SystolicArray}: a design some provider offers by that name
 *       ({@link DesignProvider#designs()}; no parameters).</li>
 * </ul>
 * Parameters convert to int, long, short, byte, double, float, boolean, char, String and enum constants
 * (by name, case-insensitively). When several constructors accept the parameters, the one whose types
 * are most specific (integral before floating point before String) wins; a tie is an error.
 * Elaboration errors propagate as {@link ElaborationException}.
 */
public final class Generators {
    public static final String DEFAULT = "default";

    /** A generator that cannot be resolved or called (not an elaboration error). */
    public static final class GeneratorException extends Exception {
        GeneratorException(String message) {
            super(message);
        }

        GeneratorException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private Generators() { }

    /** Resolves {@code name} in {@code loader}, elaborates, and returns the emitter (nothing written yet). */
    public static VerilogEmitter resolve(String name, List<String> params, ClassLoader loader) throws GeneratorException {
        List<String> args = params == null ? List.of() : params;
        if (name == null || name.isBlank()) {
            throw new GeneratorException("no generator given (set <generator> or -Dhdl.generator=)");
        }
        name = name.trim();
        if (name.equals(DEFAULT)) {
            noParams(name, args);
            Map<String, Supplier<Module>> defaults;
            try {
                defaults = providers(loader).defaults();
            } catch (IllegalStateException e) {
                throw new GeneratorException("the generator 'default': " + e.getMessage(), e);
            }
            VerilogEmitter emitter = new VerilogEmitter();
            for (Supplier<Module> s : defaults.values()) {
                emitter.add(Elaboration.elaborate(s).topIR());
            }
            return emitter;
        }
        int hash = name.indexOf('#');
        if (hash >= 0) {
            Class<?> c = load(name.substring(0, hash), loader, null);
            String method = name.substring(hash + 1);
            Candidate m = best(name, staticMethods(c, method), args);
            if (Module.class.isAssignableFrom(((Method) m.exec()).getReturnType())) {
                return emitterOf(m::callUnchecked);   // the Module is built inside elaboration
            }
            return asEmitter(m.call(), name);
        }
        if (name.indexOf('.') < 0) {
            return registered(name, args, loader);
        }
        Class<?> c = load(name, loader, null);
        if (Module.class.isAssignableFrom(c)) {
            List<Executable> ctors = new ArrayList<>();
            for (Constructor<?> k : c.getConstructors()) {
                ctors.add(k);
            }
            if (Modifier.isAbstract(c.getModifiers()) || ctors.isEmpty()) {
                throw new GeneratorException(name + " has no public constructor (the class must be public and concrete)");
            }
            Candidate k = best(name, ctors, args);
            return emitterOf(k::callUnchecked);
        }
        if (Supplier.class.isAssignableFrom(c)) {
            noParams(name, args);
            Candidate k = best(name, List.of(noArgConstructor(c)), List.of());
            return asEmitter(k.call(), name);
        }
        throw new GeneratorException(name + " is neither a Module subclass nor a Supplier<Module>; use Class#factoryMethod for a static factory");
    }

    private static VerilogEmitter registered(String name, List<String> args, ClassLoader loader) throws GeneratorException {
        noParams(name, args);
        DesignProviders providers = providers(loader);
        Supplier<Module> s;
        try {
            s = providers.find(name);
        } catch (IllegalStateException e) {
            throw new GeneratorException(e.getMessage(), e);
        }
        if (s == null) {
            throw new GeneratorException("unknown generator '" + name + "': give a class name (pkg.Class or pkg.Class#factory), 'default', or a name a design provider offers: "
                    + providers.designNames());
        }
        return emitterOf(s);
    }

    private static DesignProviders providers(ClassLoader loader) throws GeneratorException {
        try {
            return DesignProviders.on(loader);
        } catch (IllegalStateException e) {
            throw new GeneratorException(e.getMessage(), e);
        }
    }

    /** Wraps a factory result: a Module (elaborated here), a Supplier of one, or an emitter. */
    private static VerilogEmitter asEmitter(Object result, String name) throws GeneratorException {
        if (result instanceof VerilogEmitter e) {
            return e;
        }
        if (result instanceof Supplier<?> s) {
            return emitterOf(() -> {
                Object m = s.get();
                if (!(m instanceof Module mod)) {
                    throw new IllegalStateException(name + " supplied " + (m == null ? "null" : m.getClass().getName()) + ", not a Module");
                }
                return mod;
            });
        }
        if (result instanceof Module) {
            throw new GeneratorException(name + " returned a Module built outside elaboration; declare the factory's return type as Module (or a subclass) so it is called inside Elaboration.elaborate");
        }
        throw new GeneratorException(name + " returned " + (result == null ? "null" : result.getClass().getName()) + "; expected a Module, a Supplier<Module> or a VerilogEmitter");
    }

    private static VerilogEmitter emitterOf(Supplier<Module> s) {
        return new VerilogEmitter().add(Elaboration.elaborate(s).topIR());
    }

    private static void noParams(String name, List<String> args) throws GeneratorException {
        if (!args.isEmpty()) {
            throw new GeneratorException("the generator " + name + " takes no parameters, got " + args);
        }
    }

    private static Class<?> load(String cls, ClassLoader loader, String hint) throws GeneratorException {
        try {
            return Class.forName(cls, true, loader);
        } catch (ClassNotFoundException | NoClassDefFoundError e) {
            throw new GeneratorException(hint != null ? hint + " (" + cls + " not found)"
                    : "class " + cls + " not found on the project's classpath (compiled classes and dependencies); is the phase at least process-classes?", e);
        }
    }

    private static List<Executable> staticMethods(Class<?> c, String name) throws GeneratorException {
        List<Executable> out = new ArrayList<>();
        for (Method m : c.getMethods()) {
            if (m.getName().equals(name) && Modifier.isStatic(m.getModifiers())) {
                out.add(m);
            }
        }
        if (out.isEmpty()) {
            throw new GeneratorException(c.getName() + " has no public static method " + name);
        }
        return out;
    }

    private static Executable noArgConstructor(Class<?> c) throws GeneratorException {
        try {
            return c.getConstructor();
        } catch (NoSuchMethodException e) {
            throw new GeneratorException(c.getName() + " needs a public no-argument constructor", e);
        }
    }

    /** An executable with converted arguments and a specificity cost (lower is more specific). */
    private record Candidate(Executable exec, Object[] args, int cost) {
        Object call() throws GeneratorException {
            try {
                return callRaw();
            } catch (InvocationTargetException e) {
                throw rethrow(e.getCause());
            } catch (ReflectiveOperationException e) {
                throw new GeneratorException("cannot call " + exec + ": " + e, e);
            }
        }

        /** For calls inside Elaboration.elaborate: elaboration errors pass through unchanged. */
        Module callUnchecked() {
            try {
                return (Module) callRaw();
            } catch (InvocationTargetException e) {
                Throwable t = e.getCause();
                if (t instanceof RuntimeException r) {
                    throw r;
                }
                if (t instanceof Error err) {
                    throw err;
                }
                throw new IllegalStateException(t);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot call " + exec + ": " + e, e);
            }
        }

        private Object callRaw() throws ReflectiveOperationException {
            if (exec instanceof Constructor<?> k) {
                return k.newInstance(args);
            }
            return ((Method) exec).invoke(null, args);
        }

        private static GeneratorException rethrow(Throwable t) throws GeneratorException {
            if (t instanceof ElaborationException e) {
                throw e;
            }
            return new GeneratorException("the generator threw " + t, t);
        }
    }

    private static Candidate best(String name, List<Executable> options, List<String> args) throws GeneratorException {
        List<Candidate> fits = new ArrayList<>();
        for (Executable e : options) {
            if (e.getParameterCount() != args.size()) {
                continue;
            }
            Object[] converted = new Object[args.size()];
            int cost = 0;
            boolean ok = true;
            Class<?>[] types = e.getParameterTypes();
            for (int i = 0; i < types.length && ok; i++) {
                try {
                    converted[i] = convert(args.get(i), types[i]);
                    cost += cost(types[i]);
                } catch (IllegalArgumentException ex) {
                    ok = false;
                }
            }
            if (ok) {
                fits.add(new Candidate(e, converted, cost));
            }
        }
        if (fits.isEmpty()) {
            StringBuilder sb = new StringBuilder("no public constructor or factory of " + name + " accepts the parameters " + args + "; candidates:");
            for (Executable e : options) {
                sb.append("\n  ").append(e.toGenericString());
            }
            throw new GeneratorException(sb.toString());
        }
        fits.sort((a, b) -> Integer.compare(a.cost, b.cost));
        if (fits.size() > 1 && fits.get(0).cost == fits.get(1).cost) {
            throw new GeneratorException("the parameters " + args + " fit several signatures of " + name + " equally: "
                    + fits.get(0).exec.toGenericString() + " and " + fits.get(1).exec.toGenericString());
        }
        return fits.get(0);
    }

    private static int cost(Class<?> t) {
        if (t == int.class || t == Integer.class || t == boolean.class || t == Boolean.class || t.isEnum()) {
            return 0;
        }
        if (t == long.class || t == Long.class || t == char.class || t == Character.class) {
            return 1;
        }
        if (t == short.class || t == Short.class || t == byte.class || t == Byte.class) {
            return 1;
        }
        if (t == double.class || t == Double.class || t == float.class || t == Float.class) {
            return 2;
        }
        return 3;
    }

    /** Converts one parameter; IllegalArgumentException when it does not fit the type. */
    static Object convert(String s, Class<?> t) {
        String v = s.trim();
        if (t == String.class || t == CharSequence.class || t == Object.class) {
            return s;
        }
        if (t == int.class || t == Integer.class) {
            long l = parseLong(v);
            if (l != (int) l) {
                throw new IllegalArgumentException(v + " does not fit an int");
            }
            return (int) l;
        }
        if (t == long.class || t == Long.class) {
            return parseLong(v);
        }
        if (t == short.class || t == Short.class) {
            return Short.parseShort(v);
        }
        if (t == byte.class || t == Byte.class) {
            return Byte.parseByte(v);
        }
        if (t == double.class || t == Double.class) {
            return Double.parseDouble(v);
        }
        if (t == float.class || t == Float.class) {
            return Float.parseFloat(v);
        }
        if (t == boolean.class || t == Boolean.class) {
            if (v.equalsIgnoreCase("true") || v.equalsIgnoreCase("false")) {
                return Boolean.parseBoolean(v);
            }
            throw new IllegalArgumentException(v);
        }
        if (t == char.class || t == Character.class) {
            if (s.length() == 1) {
                return s.charAt(0);
            }
            throw new IllegalArgumentException(s);
        }
        if (t.isEnum()) {
            for (Object c : t.getEnumConstants()) {
                if (((Enum<?>) c).name().equalsIgnoreCase(v)) {
                    return c;
                }
            }
            throw new IllegalArgumentException(v);
        }
        throw new IllegalArgumentException("unsupported parameter type " + t.getName());
    }

    private static long parseLong(String v) {
        try {
            String x = v.replace("_", "");
            if (x.toLowerCase(Locale.ROOT).startsWith("0x")) {
                return Long.parseLong(x.substring(2), 16);
            }
            return Long.parseLong(x);
        } catch (NumberFormatException | ArithmeticException e) {
            throw new IllegalArgumentException(v, e);
        }
    }
}
