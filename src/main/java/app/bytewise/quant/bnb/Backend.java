package app.bytewise.quant.bnb;

/**
 * Which bitsandbytes implementation to reproduce. They agree on almost every value but not on
 * ties, on the sign of FP4 zeros, or on all-zero blocks, so byte-exactness needs a choice.
 */
public enum Backend {

    /**
     * The CUDA kernels: {@code s = x * (1/absmax)}, then a tree of strict {@code >} comparisons
     * against the kernel's threshold literals. A zero block scales by {@code 1/0}, so every value
     * becomes NaN and takes code 0.
     */
    CUDA,

    /**
     * {@code bitsandbytes/backends/default/ops.py} (torch, used on CPU): absmax clamped to
     * {@code >= 1e-38}, a trailing partial block divided by absmax instead of multiplied by the
     * reciprocal, and {@code torch.bucketize} against the float32 midpoints of the sorted codebook.
     */
    TORCH_DEFAULT
}
