package org.edgemoe.runtime;

import static org.edgemoe.model.ModelShape.*;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.edgemoe.hdl.fixed.FixFormat;
import org.edgemoe.hdl.fixed.FixedRaw;
import org.edgemoe.model.TensorFile;
import org.edgemoe.model.hw.Formats;

/**
 * The input image as the accelerator reads it from DDR: 3 x 128 x 256 pixels, channel-major
 * ([channel][row][column], R, G, B), one byte each, raw in the pixel format UQ0.8 (a byte p stands for
 * p / 256, in [0, 1) like the model's input).
 *
 * <p>From a PNG or JPEG: the picture is scaled to 256 x 128 (bilinear, aspect ratio not kept, as the
 * model was trained on 256 x 128 crops), and each 8-bit channel value p becomes raw p. From the model's
 * float32 file ({@code image.float32.bin}, values in [0, 1)): each value is converted to UQ0.8 with the
 * profile's rounding and overflow, exactly as {@code QuantizedWeights} does, so the features match the
 * golden model bit for bit.
 */
public final class InputImage {
    public static final int BYTES = CHANNELS * IMAGE_H * IMAGE_W;

    private InputImage() { }

    /** Pixels of a PNG / JPEG file, or of a float32 {@code .bin} tensor, as raw bytes (length {@link #BYTES}). */
    public static byte[] load(Path file, Formats formats) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".bin")) {
            return fromFloats(TensorFile.readFile(file, CHANNELS, IMAGE_H, IMAGE_W), formats);
        }
        BufferedImage img;
        try {
            if (!Files.exists(file)) {
                throw new WeightImageException(file, "no such file");
            }
            img = ImageIO.read(file.toFile());
        } catch (IOException e) {
            throw new WeightImageException(file, "cannot read the picture: " + e.getMessage());
        }
        if (img == null) {
            throw new WeightImageException(file, "not a picture this Java can read: expected PNG, JPEG, GIF or BMP, or a float32 .bin tensor");
        }
        return fromPicture(img);
    }

    /** A picture scaled to 256 x 128 (bilinear), R, G, B planes of raw UQ0.8 bytes. */
    public static byte[] fromPicture(BufferedImage src) {
        BufferedImage scaled = new BufferedImage(IMAGE_W, IMAGE_H, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = scaled.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(src, 0, 0, IMAGE_W, IMAGE_H, null);
        g.dispose();
        byte[] out = new byte[BYTES];
        for (int y = 0; y < IMAGE_H; y++) {
            for (int x = 0; x < IMAGE_W; x++) {
                int rgb = scaled.getRGB(x, y);
                for (int c = 0; c < CHANNELS; c++) {
                    out[(c * IMAGE_H + y) * IMAGE_W + x] = (byte) (rgb >> (16 - 8 * c));
                }
            }
        }
        return out;
    }

    /** Float pixels in [0, 1) to raw UQ0.8 with the profile's rounding and overflow. */
    public static byte[] fromFloats(double[] pixels, Formats formats) {
        if (pixels.length != BYTES) {
            throw new IllegalArgumentException("image of " + pixels.length + " values, expected " + BYTES);
        }
        FixFormat f = formats.pixel();
        byte[] out = new byte[BYTES];
        for (int i = 0; i < BYTES; i++) {
            out[i] = (byte) FixedRaw.fromDouble(pixels[i], f, formats.rounding(), formats.overflow());
        }
        return out;
    }

    /** Raw bytes back to pixel values (p / 256), as the golden model's input. */
    public static double[] toFloats(byte[] raw) {
        double[] v = new double[raw.length];
        for (int i = 0; i < raw.length; i++) {
            v[i] = (raw[i] & 0xff) / 256.0;
        }
        return v;
    }
}
