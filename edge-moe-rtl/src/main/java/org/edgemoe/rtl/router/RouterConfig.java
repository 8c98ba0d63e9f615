package org.edgemoe.rtl.router;

import static org.edgemoe.hdl.core.Hdl.log2Up;

import org.edgemoe.model.hw.Formats;

/**
 * Parameters of the {@link MoeRouter}: number formats (act inputs and logits, weightLinear gate weights, acc
 * sums, prob scores), {@code experts} E, gate input size {@code dim} K, {@code tasks}, {@code topK} k, the
 * per-expert queue depth (the most tokens a layer has) and {@code inputLanes} L, the gate-input elements an input
 * beat carries (a power of two dividing K; the gate product takes L elements a cycle, E x L multipliers). The field
 * widths of the router's payloads follow from them (the methods below).
 */
public record RouterConfig(Formats formats, int experts, int dim, int tasks, int topK, int queueDepth, int inputLanes) {

    /** One gate-input element a beat. */
    public RouterConfig(Formats formats, int experts, int dim, int tasks, int topK, int queueDepth) {
        this(formats, experts, dim, tasks, topK, queueDepth, 1);
    }

    public RouterConfig {
        if (experts < 2 || experts > 256 || topK < 1 || topK > experts || dim < 1 || tasks < 1 || queueDepth < 1) {
            throw new IllegalArgumentException("bad router parameters: " + experts + " experts, dim " + dim + ", "
                    + tasks + " tasks, top-" + topK + ", queues of " + queueDepth
                    + " (need 2 <= experts <= 256, 1 <= topK <= experts, dim, tasks, queueDepth >= 1)");
        }
        if (inputLanes < 1 || Integer.bitCount(inputLanes) != 1 || dim % inputLanes != 0) {
            throw new IllegalArgumentException("router input lanes must be a power of two dividing the gate input size "
                    + dim + ", was " + inputLanes);
        }
        if (formats.prob().width() < formats.prob().fracBits() + 2) {
            throw new IllegalArgumentException("prob format " + formats.prob() + " must hold 1.0");
        }
    }

    /** Default: dsp18 formats, 16 experts, 192 inputs, 2 tasks, top-2, queues of 256 (197 tokens). */
    public static RouterConfig defaults() {
        return new RouterConfig(Formats.dsp18(), 16, 192, 2, 2, 256);
    }

    /** Bits of an expert number. */
    public int expertBits() { return log2Up(experts); }
    /** Bits of a gate input index k = 0..dim-1. */
    public int indexBits() { return log2Up(dim); }
    /** Input beats per token, K / L. */
    public int beatsPerToken() { return dim / inputLanes; }
    /** Bits of an input beat index 0..K/L-1. */
    public int beatBits() { return Math.max(1, log2Up(beatsPerToken())); }
    /** The same router with {@code lanes} gate-input elements a beat. */
    public RouterConfig withInputLanes(int lanes) {
        return new RouterConfig(formats, experts, dim, tasks, topK, queueDepth, lanes);
    }
    /** Bits of a task number. */
    public int taskBits() { return log2Up(tasks); }
    /** Bits of a token number within the layer (a queue position). */
    public int tokenBits() { return log2Up(queueDepth); }
    /** Bits of a queue's length, 0..queueDepth. */
    public int countBits() { return log2Up(queueDepth + 1); }
    /** Bits of a rank count 0..topK. */
    int rankCountBits() { return log2Up(topK + 1); }
    /** Bits of a rank 0..topK-1. */
    int rankBits() { return Math.max(1, log2Up(topK)); }
    /** Fraction bits P of a score; scores and exp values are P+1 bits unsigned (1.0 = 2^P). */
    int p() { return formats.prob().fracBits(); }
}
