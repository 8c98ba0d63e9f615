package org.edgemoe.runtime;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import org.edgemoe.model.ModelShape;
import org.edgemoe.model.hw.Formats;

/**
 * The hardware configuration a weight image is packed for: the number profile (every format, rounding and
 * overflow) and the compute array's rows and columns (which fix the weight-stream order). Its
 * {@link #hash()} is written into the image header, so an image packed for another configuration is
 * refused at load time instead of producing wrong features.
 */
public record ImageConfig(Formats formats, int cuRows, int cuCols) {

    public ImageConfig {
        if (cuRows < 1 || cuCols < 1) {
            throw new IllegalArgumentException("compute array must be at least 1 x 1: " + cuRows + " x " + cuCols);
        }
    }

    /** The default configuration: the dsp18 profile on the default accelerator's 32 x 32 compute unit. */
    public static ImageConfig defaults() {
        int n = org.edgemoe.rtl.top.AcceleratorConfig.DEFAULT_ARRAY;
        return new ImageConfig(Formats.dsp18(), n, n);
    }

    /** Every fact the image layout depends on, as one line (its hash is the configuration hash). */
    public String canonical() {
        Formats f = formats;
        return "edgemoe-weight-image v" + WeightImage.VERSION + "; profile " + f.name() + " act " + f.act() + " resid " + f.resid()
                + " acc " + f.acc() + " prob " + f.prob() + " wLinear " + f.weightLinear() + " wAttnBias " + f.weightAttnBias()
                + " wBias " + f.weightBias() + " wNorm " + f.weightNorm() + " wPatch " + f.weightPatch() + " pixel " + f.pixel()
                + " " + f.rounding() + " " + f.overflow() + "; cu " + cuRows + "x" + cuCols
                + "; model dim " + ModelShape.DIM + " layers " + ModelShape.LAYERS + " mlp " + ModelShape.MLP_HIDDEN
                + " experts " + ModelShape.EXPERTS + "x" + ModelShape.EXPERT_HIDDEN + " tasks " + ModelShape.TASKS
                + " tokens " + ModelShape.TOKENS + " patch " + ModelShape.PATCH_IN;
    }

    /** First 8 bytes of the SHA-256 of {@link #canonical()}, big-endian. */
    public long hash() {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(canonical().getBytes(StandardCharsets.US_ASCII));
            return ByteBuffer.wrap(d).getLong();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing from the JDK", e);
        }
    }

    @Override
    public String toString() {
        return formats.name() + " on a " + cuRows + "x" + cuCols + " compute unit (hash " + String.format("%016x", hash()) + ")";
    }
}
