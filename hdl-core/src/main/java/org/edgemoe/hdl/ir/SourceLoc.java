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

    private static final StackWalker WALKER = StackWalker.getInstance();

    public static SourceLoc capture() {
        return WALKER.walk(frames -> frames
                .filter(f -> !isLibrary(f.getClassName()))
                .findFirst()
                .map(f -> new SourceLoc(f.getFileName() == null ? "<unknown>" : f.getFileName(), f.getLineNumber()))
                .orElse(UNKNOWN));
    }

    private static boolean isLibrary(String className) {
        if (className.startsWith("java.") || className.startsWith("jdk.") || className.startsWith("sun.")) {
            return true;
        }
        int dot = className.lastIndexOf('.');
        String pkg = dot < 0 ? "" : className.substring(0, dot);
        return LIBRARY_PACKAGES.contains(pkg);
    }

    @Override
    public String toString() {
        return file + ":" + line;
    }
}
