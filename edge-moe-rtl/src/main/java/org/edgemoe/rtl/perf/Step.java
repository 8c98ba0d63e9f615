package org.edgemoe.rtl.perf;

/**
 * One unit of work of an image: what it computes (multiply-accumulates on its unit, or element steps for
 * LayerNorm and the router) and the bytes it reads from DDR (weights, the image) or writes (features).
 */
public record Step(String name, Unit unit, long work, long ddrBytes) {

    /** The unit doing the step, which fixes how its work turns into cycles. */
    public enum Unit {
        /** The compute unit: work = MACs, R x C per cycle at 100 % utilisation. */
        COMPUTE,
        /** The attention engine: work = MACs of Q.K^T and A.V, P x lanes per cycle. */
        ATTENTION,
        /** The LayerNorm unit: work = elements, its lanes per cycle. */
        LAYERNORM,
        /** The expert router: work = gate-input elements, one per cycle. */
        ROUTER,
        /** DDR only (the output features). */
        DDR
    }
}
