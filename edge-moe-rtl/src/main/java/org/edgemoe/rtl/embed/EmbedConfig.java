package org.edgemoe.rtl.embed;

import static org.edgemoe.hdl.core.Hdl.log2Up;

import org.edgemoe.hdl.fixed.FixFormat;
import org.edgemoe.model.ModelShape;
import org.edgemoe.model.hw.Formats;

/**
 * Parameters of the {@link PixelStreamer}: the profile, the image ({@code channels} x {@code height} x
 * {@code width} pixels of one byte, {@code patch} x {@code patch} patches), the buffer word ({@code lanes}
 * pixels, the compute unit's rows), the DDR beat ({@code beatBytes}) and the address widths. Two word shapes:
 * <ul>
 * <li>{@code lanes} divides the patch width P: a word is part of one patch row ({@link #wordsPerPatchRow()} of
 *     them a row); the beat and the word must divide each other;</li>
 * <li>{@code lanes} = k P with k dividing P ({@link #rowsPerWord()} k &gt; 1, e.g. 32 lanes with 16 x 16 patches):
 *     a word is k consecutive patch rows of one channel of one patch, assembled through a row buffer
 *     ({@link PatchRowStacker}); the beat and the patch row (P bytes) must divide each other.</li>
 * </ul>
 *
 * <p>Pixel encoding. The compute unit multiplies act x weightLinear and floors the product by
 * {@code s_cu = act.frac + weightLinear.frac - acc.frac}; the golden model's patch embedding multiplies
 * pixel x weightPatch and floors by {@code s_px = pixel.frac + weightPatch.frac - acc.frac}. Writing the raw
 * pixel p as the act raw {@code p << (s_cu - s_px)} and the patch weights unchanged as the weight raws makes
 * the unit's product {@code (p 2^(s_cu - s_px) w) >> s_cu = (p w) >> s_px}: the model's, bit for bit
 * ({@link #pixelShift()}: 12 in the published profile, 0 in dsp18).
 */
public record EmbedConfig(Formats formats, int channels, int height, int width, int patch, int lanes,
                          int beatBytes, int ddrAddrWidth, int bufAddrWidth) {

    public EmbedConfig {
        if (height % patch != 0 || width % patch != 0) {
            throw new IllegalArgumentException("image " + height + " x " + width + " is not a whole number of " + patch + "-pixel patches");
        }
        if (lanes < 1 || (patch % lanes != 0 && lanes % patch != 0)) {
            throw new IllegalArgumentException("a buffer word of " + lanes + " pixels must divide the patch width " + patch
                    + " or be a whole number of its rows");
        }
        if (lanes > patch && patch % (lanes / patch) != 0) {
            throw new IllegalArgumentException("a buffer word of " + lanes / patch + " patch rows must divide the patch's " + patch
                    + " rows (a word holds rows of one channel of one patch)");
        }
        if (beatBytes < 1) {
            throw new IllegalArgumentException("DDR beat of " + beatBytes + " bytes");
        }
        int seg = Math.min(lanes, patch);
        if (Math.max(beatBytes, seg) % Math.min(beatBytes, seg) != 0) {
            throw new IllegalArgumentException("DDR beat of " + beatBytes + " bytes and " + (lanes > patch ? "patch row" : "word")
                    + " of " + seg + " pixels must divide each other");
        }
        int bytes = channels * height * width;
        if (bytes % beatBytes != 0) {
            throw new IllegalArgumentException("image of " + bytes + " bytes is not a whole number of " + beatBytes + "-byte beats");
        }
        if (formats.pixel().width() != 8 || formats.pixel().signed()) {
            throw new IllegalArgumentException("pixels must be unsigned bytes, got " + formats.pixel());
        }
        int s = pixelShift(formats);
        if (s < 0 || 8 + s + 1 > formats.act().width()) {
            throw new IllegalArgumentException("pixel " + formats.pixel() + " x patch weight " + formats.weightPatch()
                    + " cannot be carried exactly by act " + formats.act() + " x weight " + formats.weightLinear()
                    + " (operand shift " + s + ")");
        }
        long words = (long) bytes / lanes;
        if (words > (1L << bufAddrWidth)) {
            throw new IllegalArgumentException(words + " words do not fit a " + bufAddrWidth + "-bit buffer address");
        }
    }

    /** Default: published profile, 3 x 128 x 256 image, 16 x 16 patches, 16-pixel words, 128-bit beats, 40-bit DDR and 16-bit buffer addresses. */
    public static EmbedConfig defaults() {
        return of(Formats.published());
    }

    public static EmbedConfig of(Formats f) {
        return new EmbedConfig(f, ModelShape.CHANNELS, ModelShape.IMAGE_H, ModelShape.IMAGE_W, ModelShape.PATCH, 16, 16, 40, 16);
    }

    public EmbedConfig withImage(int c, int h, int w, int p, int lanes, int beatBytes) {
        return new EmbedConfig(formats, c, h, w, p, lanes, beatBytes, ddrAddrWidth, bufAddrWidth);
    }

    public EmbedConfig withAddressWidths(int ddr, int buf) {
        return new EmbedConfig(formats, channels, height, width, patch, lanes, beatBytes, ddr, buf);
    }

    public int imageBytes() { return channels * height * width; }
    public int gridW() { return width / patch; }
    public int tokens() { return (height / patch) * gridW(); }
    /** Patch vector length, channels x patch x patch (the linear layer's input size). */
    public int patchInputs() { return channels * patch * patch; }
    public int wordsPerToken() { return patchInputs() / lanes; }
    /** Words a patch row, for words of at most a patch row ({@code lanes <= patch}); 1 otherwise. */
    public int wordsPerPatchRow() { return Math.max(1, patch / lanes); }
    /** Patch rows a word, k = lanes / patch for words of whole patch rows; 1 otherwise. */
    public int rowsPerWord() { return Math.max(1, lanes / patch); }
    /** Pixels the streamer takes from the beats at a time: a word, or a patch row when a word holds several. */
    public int segmentPixels() { return Math.min(lanes, patch); }
    public FixFormat act() { return formats.act(); }

    public int pixelShift() {
        return pixelShift(formats);
    }

    private static int pixelShift(Formats f) {
        int cu = f.act().fracBits() + f.weightLinear().fracBits() - f.acc().fracBits();
        int px = f.pixel().fracBits() + f.weightPatch().fracBits() - f.acc().fracBits();
        return cu - px;
    }

    public int lengthWidth() { return log2Up(imageBytes() + 1); }
}
