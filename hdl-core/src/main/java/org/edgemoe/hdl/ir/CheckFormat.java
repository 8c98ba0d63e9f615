package org.edgemoe.hdl.ir;

import java.util.ArrayList;
import java.util.List;

/**
 * The message format of a {@link Stmt.Check}: literal text and conversions, each taking the next argument.
 * {@code %d} decimal (signed for signed values), {@code %x} hexadecimal, {@code %b} binary, {@code %f} the
 * real value of a fixed-point argument, {@code %s} the natural form (real for fixed point, else decimal);
 * {@code %%} is a percent sign.
 */
public final class CheckFormat {
    /** Literal text, or a conversion ({@code conversion != 0}). */
    public record Part(String text, char conversion) {
        public boolean isConversion() {
            return conversion != 0;
        }
    }

    private CheckFormat() { }

    /** The parts of {@code format}; throws IllegalArgumentException naming a bad conversion. */
    public static List<Part> parse(String format) {
        List<Part> out = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < format.length(); i++) {
            char c = format.charAt(i);
            if (c != '%') {
                text.append(c);
                continue;
            }
            if (i + 1 >= format.length()) {
                throw new IllegalArgumentException("message \"" + format + "\" ends with a lone %; write %% for a percent sign");
            }
            char k = format.charAt(++i);
            if (k == '%') {
                text.append('%');
                continue;
            }
            if ("dxbfs".indexOf(k) < 0) {
                throw new IllegalArgumentException("message \"" + format + "\": unknown conversion %" + k
                        + " (use %d, %x, %b, %f, %s or %%)");
            }
            if (text.length() > 0) {
                out.add(new Part(text.toString(), (char) 0));
                text.setLength(0);
            }
            out.add(new Part("", k));
        }
        if (text.length() > 0) {
            out.add(new Part(text.toString(), (char) 0));
        }
        return out;
    }

    /** How many arguments {@code format} takes. */
    public static int conversions(String format) {
        int n = 0;
        for (Part p : parse(format)) {
            if (p.isConversion()) {
                n++;
            }
        }
        return n;
    }
}
