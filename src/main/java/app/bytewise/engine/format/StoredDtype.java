package app.bytewise.engine.format;

/**
 * The dtypes checkpoints are stored in, named as safetensors names them in a file's header
 * ({@code Dtype} in huggingface/safetensors), with their bytes per element.
 */
public enum StoredDtype {
    F32(4), F16(2), BF16(2), F8_E4M3(1), U8(1), I8(1), I32(4), I64(8);

    private final int bytes;

    StoredDtype(int bytes) {
        this.bytes = bytes;
    }

    public int bytes() {
        return bytes;
    }
}
