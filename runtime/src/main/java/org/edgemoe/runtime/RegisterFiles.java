package org.edgemoe.runtime;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.edgemoe.hdl.lib.regs.RegisterDocs;
import org.edgemoe.rtl.top.ControlRegisters;

/**
 * The host's copies of the accelerator's register map, generated from the one description the RTL is built
 * from ({@link ControlRegisters#MAP}): the C header {@code runtime/src/main/c/edgemoe_regs.h} and the Java
 * constants {@code org.edgemoe.runtime.EdgeMoeRegs}. Both are checked in (a C user needs no Java build);
 * {@code RegisterFilesTest} fails when either drifts from the map. Regenerate with
 * {@code java -cp runtime/target/classes:... org.edgemoe.runtime.RegisterFiles <repository root>}.
 */
public final class RegisterFiles {
    public static final String C_HEADER = "runtime/src/main/c/edgemoe_regs.h";
    public static final String JAVA_CONSTANTS = "runtime/src/main/java/org/edgemoe/runtime/EdgeMoeRegs.java";

    private RegisterFiles() { }

    public static String cHeader() {
        return RegisterDocs.cHeader(ControlRegisters.MAP, "EDGEMOE");
    }

    public static String javaConstants() {
        return RegisterDocs.javaConstants(ControlRegisters.MAP, "org.edgemoe.runtime", "EdgeMoeRegs");
    }

    public static void main(String[] args) throws IOException {
        Path root = Path.of(args.length > 0 ? args[0] : ".");
        Files.writeString(root.resolve(C_HEADER), cHeader());
        Files.writeString(root.resolve(JAVA_CONSTANTS), javaConstants());
        System.out.println("wrote " + C_HEADER + " and " + JAVA_CONSTANTS);
    }
}
