package org.edgemoe.hdl.testing;

import java.util.function.Supplier;
import org.edgemoe.hdl.core.Module;
import org.edgemoe.hdl.emit.EmittedDesign;
import org.edgemoe.hdl.emit.VerilogEmitter;

/** Elaborate and render in one step. */
public final class Emit {
    private Emit() { }

    public static EmittedDesign of(Supplier<? extends Module> top) {
        return new VerilogEmitter().add(Elab.build(top::get).topIR()).render();
    }

    public static EmittedDesign ofBody(String name, Runnable body) {
        return of(() -> new TestModule(name, body));
    }

    /** JSON without whitespace, for substring assertions independent of indentation. */
    public static String compactJson(String json) {
        StringBuilder sb = new StringBuilder();
        boolean inString = false;
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            if (c == '"' && (i == 0 || json.charAt(i - 1) != '\\')) {
                inString = !inString;
            }
            if (inString || !Character.isWhitespace(c)) {
                sb.append(c);
            }
        }
        return sb.toString();
    }
}
