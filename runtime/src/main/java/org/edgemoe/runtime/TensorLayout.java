package org.edgemoe.runtime;

/** How a tensor's elements are ordered in the weight image. */
public enum TensorLayout {
    /** Row-major in the tensor's shape (PyTorch order for [out][in] matrices). */
    ROW_MAJOR,
    /**
     * The compute unit's weight-stream order for an [out][in] matrix on an R x C array: for each output
     * tile of C columns, its bias row (C values, when the tensor has a bias), then for each input tile of R
     * rows and each row r of it, the C weights W[tile * C + c][k * R + r] (lane c = output column). One
     * contiguous read feeds the compute unit's weight stream unchanged.
     */
    CU_STREAM
}
