package org.edgemoe.maven.testdesigns;

import static org.edgemoe.hdl.core.Hdl.*;

import java.util.function.Supplier;
import org.edgemoe.hdl.core.Module;
import org.edgemoe.hdl.core.UInt;

/** Designs for GeneratorsTest (a package outside the library's, so errors point here). */
public final class Widgets {
    private Widgets() { }

    public enum Mode { WRAP, HOLD }

    public static class Adder extends Module {
        public final UInt a = in(UInt(8));
        public final UInt y = out(UInt(8));

        public Adder(int k, Mode mode) {
            param("K", k);
            param("HOLD", mode == Mode.HOLD ? 1 : 0);
            y.set(a.plus(k));
        }

        public Adder(double k, Mode mode) {
            this((int) Math.round(k * 2), mode);
        }

        public Adder(String label) {
            this(label.length(), Mode.WRAP);
        }
    }

    public static class Twin extends Module {
        public final UInt y = out(UInt(8));

        public Twin(int a) {
            param("A", a);
            y.set(U(a, 8));
        }

        public Twin(Integer a) {
            this(a.intValue() + 1);
        }
    }

    public static class Bad extends Module {
        public final UInt a = in(UInt(8));
        public final UInt y = out(UInt(4));

        public Bad() {
            y.set(a); // BAD-LINE
        }
    }

    public static Module adder(int k) {
        return new Adder(k, Mode.HOLD);
    }

    public static class AdderSupplier implements Supplier<Module> {
        @Override
        public Module get() {
            return new Adder(5, Mode.WRAP);
        }
    }
}
