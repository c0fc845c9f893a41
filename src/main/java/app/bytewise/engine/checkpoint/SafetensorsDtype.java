package app.bytewise.engine.checkpoint;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The dtypes a safetensors header may name, with their width in bits, as the reference reader
 * lists them: huggingface/safetensors {@code safetensors/src/tensor.rs}, {@code enum Dtype} and
 * {@code Dtype::bitsize} (commit 24b0b2857fef49be734b9ab72ce97c09bb25f5b9). F4 and F6 are
 * narrower than a byte, so sizes are computed in bits.
 */
public enum SafetensorsDtype {
    BOOL(8),
    F4(4),
    F6_E2M3(6),
    F6_E3M2(6),
    U8(8),
    I8(8),
    F8_E5M2(8),
    F8_E4M3(8),
    F8_E8M0(8),
    F8_E4M3FNUZ(8),
    F8_E5M2FNUZ(8),
    I16(16),
    U16(16),
    F16(16),
    BF16(16),
    I32(32),
    U32(32),
    F32(32),
    C64(64),
    F64(64),
    I64(64),
    U64(64);

    private final int bits;

    SafetensorsDtype(int bits) {
        this.bits = bits;
    }

    public int bits() {
        return bits;
    }

    private static final Map<String, SafetensorsDtype> BY_NAME = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(SafetensorsDtype::name, d -> d));

    /** Case-sensitive, as serde matches the variant names. */
    public static Optional<SafetensorsDtype> named(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }
}
