package app.bytewise.engine.format;

import static app.bytewise.engine.model.TensorRole.OUTPUT;
import static app.bytewise.engine.model.TensorRole.ROUTER;

import app.bytewise.engine.model.Tensor;
import app.bytewise.engine.model.TensorGroup;
import java.util.ArrayList;
import java.util.List;

/**
 * bitsandbytes checkpoints ({@code quant_method: bitsandbytes}) as transformers' {@code save_pretrained}
 * writes them to safetensors, per quantized {@code nn.Linear} of weight {@code [o, i]}, N = o·i:
 * <ul>
 * <li>4-bit ({@code Linear4bit._save_to_state_dict} and {@code QuantState.as_dict(packed=True)},
 *     bitsandbytes {@code nn/modules.py}, {@code functional.py} @95f9af30): {@code weight} in the
 *     quant storage dtype, {@code [(N+1)/(2·itemsize), 1]}; {@code weight.absmax} one per 64 weights,
 *     F32, or U8 when double-quantized, which adds {@code weight.nested_absmax} F32 (one per 256
 *     absmax) and {@code weight.nested_quant_map} F32 [256]; {@code weight.quant_map} F32 [16]; and
 *     {@code weight.quant_state.bitsandbytes__<nf4|fp4>}, U8 bytes of {@code json.dumps} of the
 *     non-tensor state ({@code utils.pack_dict_to_tensor});
 * <li>8-bit ({@code Linear8bitLt}, LLM.int8): {@code weight} I8 {@code [o, i]}, {@code SCB} F32
 *     {@code [o]} and {@code weight_format} U8 {@code []} (bitsandbytes ≥ 0.44, PR #1164).
 * </ul>
 * Converted are the {@code nn.Linear}s: the blocks' linear layers, and the routers that are
 * {@code nn.Linear}s (not DeepSeek-V3's or gpt-oss's, plain parameters); not embeddings, norms or fused
 * 3-D experts. Without {@code llm_int8_skip_modules} transformers keeps the output head
 * ({@code get_keys_to_not_convert}); a list given replaces that default. Everything else is in the
 * config's torch_dtype.
 *
 * @param headQuantized {@code llm_int8_skip_modules} is given, so the head is converted unless listed
 * @param routerLinear the family's router is an {@code nn.Linear}
 * @param stateDtype the original dtype's name as the quant state prints it ({@code bfloat16})
 */
record BitsAndBytesCheckpoint(int bits, String quantType, boolean doubleQuant, StoredDtype storage, StoredDtype base,
        String stateDtype, boolean headQuantized, boolean routerLinear, ModuleMatcher notConverted)
        implements CheckpointScheme {

    static final int BLOCK = 64;
    static final int NESTED_BLOCK = 256;
    /**
     * Characters of Python's {@code repr} of the double-quantization offset, a float32 widened to a
     * double, in the quant-state JSON: 20 for offsets from 0.01 to 0.1 ("0.021299999207258224"), a
     * few fewer for others. The one length not fixed by the shape, so those bytes are exact to ±3
     * per tensor.
     */
    static final int OFFSET_CHARS = 20;

    @Override
    public String label() {
        return bits == 8 ? "bitsandbytes LLM.int8" : "bitsandbytes " + quantType.toUpperCase(java.util.Locale.ROOT)
                + (doubleQuant ? " (double quant)" : "");
    }

    @Override
    public String description() {
        if (bits == 8) {
            return "The checkpoint as published: linear layers in I8 with one F32 scale (SCB) per output row; "
                    + "everything else in " + base + ".";
        }
        return "The checkpoint as published: linear layers as packed 4-bit " + quantType + " codes in " + storage
                + " with one absmax per 64 weights (" + (doubleQuant ? "U8, itself quantized per 256 with F32 scales"
                : "F32") + "), a 16-entry code map and a JSON quant state per tensor; everything else in " + base + ".";
    }

    @Override
    public double nominalBits() {
        return bits;
    }

    @Override
    public boolean quantizes(Tensor t) {
        return t.stackedExperts() == 0 && (t.role().isBlockLinear() || (routerLinear && t.role() == ROUTER)
                || (headQuantized && t.role() == OUTPUT));
    }

    @Override
    public List<StoredTensor> quantized(TensorGroup g) {
        Tensor t = g.first();
        long o = t.rows();
        long i = t.rowLength();
        long n = Math.multiplyExact(o, i);
        String w = g.pattern();
        if (bits == 8) {
            String module = CheckpointScheme.module(w);
            return List.of(new StoredTensor(w, StoredDtype.I8, List.of(o, i)),
                    new StoredTensor(module + ".SCB", StoredDtype.F32, List.of(o)),
                    new StoredTensor(module + ".weight_format", StoredDtype.U8, List.of()));
        }
        long blocks = Math.ceilDiv(n, BLOCK);
        List<StoredTensor> stored = new ArrayList<>();
        stored.add(new StoredTensor(w, storage, List.of((n + 1) / (2L * storage.bytes()), 1L)));
        stored.add(new StoredTensor(w + ".absmax", doubleQuant ? StoredDtype.U8 : StoredDtype.F32, List.of(blocks)));
        stored.add(new StoredTensor(w + ".quant_map", StoredDtype.F32, List.of(16L)));
        if (doubleQuant) {
            stored.add(new StoredTensor(w + ".nested_absmax", StoredDtype.F32, List.of(Math.ceilDiv(blocks, NESTED_BLOCK))));
            stored.add(new StoredTensor(w + ".nested_quant_map", StoredDtype.F32, List.of(256L)));
        }
        stored.add(new StoredTensor(w + ".quant_state.bitsandbytes__" + quantType, StoredDtype.U8,
                List.of(stateJsonBytes(o, i))));
        return stored;
    }

    /**
     * {@code json.dumps} of {"quant_type": …, "blocksize": 64, "dtype": …, "shape": [o, i]} and, double
     * quantized, "nested_blocksize": 256, "nested_dtype": "float32", "nested_offset": …, with Python's
     * default separators: 66 characters plus the variable ones, 137 with the nested keys.
     */
    long stateJsonBytes(long o, long i) {
        long fixed = doubleQuant ? 137 + OFFSET_CHARS : 66;
        return fixed + stateDtype.length() + Long.toString(o).length() + Long.toString(i).length();
    }

    @Override
    public String quantizedType() {
        return bits == 8 ? "I8 + F32 row scales" : quantType.toUpperCase(java.util.Locale.ROOT) + " (" + storage
                + " codes + absmax)";
    }
}
