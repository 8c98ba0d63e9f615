package org.edgemoe.hdl.ir;

import java.util.Set;

/**
 * A place in the user's Java source: the first stack frame outside the library itself.
 * Captured with StackWalker (cheap, no Throwable) only for signals, assignments and errors.
 */
public record SourceLoc(String file, int line) {

    public static final SourceLoc UNKNOWN = new SourceLoc("<unknown>", 0);

    /**
     * Packages whose frames are library internals, never the user's design. Component libraries built on
     * the core (org.edgemoe.hdl.lib) are designs like any other, so their own lines are reported.
     */
    private static final Set<String> LIBRARY_PACKAGES = Set.of(
            "org.edgemoe.hdl.core", "org.edgemoe.hdl.ir", "org.edgemoe.hdl.check",
            "org.edgemoe.hdl.emit", "org.edgemoe.hdl");

    private static final StackWalker WALKER = StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE);

    /**
     * A class is a library internal when it sits in one of those packages and was loaded from the library's
     * own jar or classes folder: a test class in the same package (tests mirror the main packages) is the
     * user's code, and its lines are reported.
     */
    private static final ClassValue<Boolean> LIBRARY = new ClassValue<>() {
        @Override
        protected Boolean computeValue(Class<?> c) {
            return LIBRARY_PACKAGES.contains(c.getPackageName()) && sameOrigin(c, SourceLoc.class);
        }
    };

    public static SourceLoc capture() {
        return WALKER.walk(frames -> frames
                .filter(f -> !isLibrary(f))
                .findFirst()
                .map(f -> new SourceLoc(f.getFileName() == null ? "<unknown>" : f.getFileName(), f.getLineNumber()))
                .orElse(UNKNOWN));
    }

    /** Whether a stack frame is a library internal (never reported as the user's line). */
    public static boolean isLibrary(StackWalker.StackFrame f) {
        String className = f.getClassName();
        if (className.startsWith("java.") || className.startsWith("jdk.") || className.startsWith("sun.")) {
            return true;
        }
        return LIBRARY.get(f.getDeclaringClass());
    }

    /** Whether {@code c} is a library class (not the user's, even when in a library package). */
    public static boolean isLibraryClass(Class<?> c) {
        return LIBRARY.get(c);
    }

    private static boolean sameOrigin(Class<?> a, Class<?> b) {
        java.security.CodeSource ca = a.getProtectionDomain().getCodeSource();
        java.security.CodeSource cb = b.getProtectionDomain().getCodeSource();
        if (ca == null || cb == null) {
            return ca == cb;
        }
        return java.util.Objects.equals(ca.getLocation(), cb.getLocation());
    }

    @Override
    public String toString() {
        return file + ":" + line;
    }
}
