package app.bytewise.ui.lab;

import app.bytewise.quant.lab.LabMethod;
import app.bytewise.quant.lab.LabRequest;
import app.bytewise.quant.method.Granularity;
import app.bytewise.quant.tensor.FloatMatrix;

/**
 * The formats and methods the lab page offers side by side, each with the settings people use in
 * practice: bitsandbytes' 64-value blocks for NF4/FP4, 128-column groups for GPTQ/AWQ INT4,
 * HQQ's BaseQuantizeConfig(nbits=4, group_size=64), LLM.int8()'s threshold of 6 and SmoothQuant's
 * α = 0.5 (the defaults of their papers and libraries); OCP MX (32 per E8M0 scale) and NVIDIA NVFP4
 * (16 per E4M3 scale plus a per-tensor FP32) as torchao stores them, and DeepSeek-V3's FP8 with an
 * FP32 scale per 128 × 128 block.
 */
public enum LabChoice {
    FP16("FP16", "fp16", LabMethod.RTN, Granularity.CHANNEL, 128, false),
    BF16("BF16", "bf16", LabMethod.RTN, Granularity.CHANNEL, 128, false),
    FP8_E4M3("FP8 E4M3", "fp8-e4m3", LabMethod.RTN, Granularity.CHANNEL, 128, false),
    INT8_CHANNEL("INT8 per channel (RTN)", "int8", LabMethod.RTN, Granularity.CHANNEL, 128, false),
    INT4_G128("INT4 group 128 (RTN)", "int4", LabMethod.RTN, Granularity.GROUP, 128, false),
    NF4("NF4 (bitsandbytes)", "nf4", LabMethod.RTN, Granularity.GROUP, 64, false),
    NF4_DQ("NF4 + double quant", "nf4", LabMethod.RTN, Granularity.GROUP, 64, true),
    FP4("FP4 (bitsandbytes)", "fp4", LabMethod.RTN, Granularity.GROUP, 64, false),
    Q8_0("GGUF Q8_0", "gguf:Q8_0", LabMethod.RTN, Granularity.GROUP, 32, false),
    Q6_K("GGUF Q6_K", "gguf:Q6_K", LabMethod.RTN, Granularity.GROUP, 256, false),
    Q5_K("GGUF Q5_K", "gguf:Q5_K", LabMethod.RTN, Granularity.GROUP, 256, false),
    Q4_K("GGUF Q4_K", "gguf:Q4_K", LabMethod.RTN, Granularity.GROUP, 256, false),
    Q4_0("GGUF Q4_0", "gguf:Q4_0", LabMethod.RTN, Granularity.GROUP, 32, false),
    IQ4_NL("GGUF IQ4_NL", "gguf:IQ4_NL", LabMethod.RTN, Granularity.GROUP, 32, false),
    IQ4_XS("GGUF IQ4_XS", "gguf:IQ4_XS", LabMethod.RTN, Granularity.GROUP, 256, false),
    MXFP4("GGUF MXFP4 (gpt-oss experts)", "gguf:MXFP4", LabMethod.RTN, Granularity.GROUP, 32, false),
    NVFP4("GGUF NVFP4", "gguf:NVFP4", LabMethod.RTN, Granularity.GROUP, 64, false),
    MX_FP4("MXFP4 (OCP MX)", "mx:fp4", LabMethod.RTN, Granularity.GROUP, 32, false),
    MX_FP6_E2M3("MXFP6 E2M3 (OCP MX)", "mx:fp6-e2m3", LabMethod.RTN, Granularity.GROUP, 32, false),
    MX_FP6_E3M2("MXFP6 E3M2 (OCP MX)", "mx:fp6-e3m2", LabMethod.RTN, Granularity.GROUP, 32, false),
    MX_FP8_E4M3("MXFP8 E4M3 (OCP MX)", "mx:fp8-e4m3", LabMethod.RTN, Granularity.GROUP, 32, false),
    MX_FP8_E5M2("MXFP8 E5M2 (OCP MX)", "mx:fp8-e5m2", LabMethod.RTN, Granularity.GROUP, 32, false),
    NVFP4_TENSOR("NVFP4 (NVIDIA, per-tensor + block 16)", "nvfp4", LabMethod.RTN, Granularity.GROUP, 16, false),
    FP8_BLOCK128("FP8 128×128 blocks (DeepSeek-V3)", "fp8-block128", LabMethod.RTN, Granularity.GROUP, 128, false),
    Q3_K("GGUF Q3_K", "gguf:Q3_K", LabMethod.RTN, Granularity.GROUP, 256, false),
    Q2_K("GGUF Q2_K", "gguf:Q2_K", LabMethod.RTN, Granularity.GROUP, 256, false),
    Q2_0("GGUF Q2_0", "gguf:Q2_0", LabMethod.RTN, Granularity.GROUP, 64, false),
    TQ2_0("GGUF TQ2_0 (ternary)", "gguf:TQ2_0", LabMethod.RTN, Granularity.GROUP, 256, false),
    TQ1_0("GGUF TQ1_0 (ternary)", "gguf:TQ1_0", LabMethod.RTN, Granularity.GROUP, 256, false),
    Q1_0("GGUF Q1_0 (signs)", "gguf:Q1_0", LabMethod.RTN, Granularity.GROUP, 128, false),
    IQ3_S("GGUF IQ3_S", "gguf:IQ3_S", LabMethod.RTN, Granularity.GROUP, 256, false),
    IQ3_XXS("GGUF IQ3_XXS", "gguf:IQ3_XXS", LabMethod.RTN, Granularity.GROUP, 256, false),
    IQ2_S("GGUF IQ2_S", "gguf:IQ2_S", LabMethod.RTN, Granularity.GROUP, 256, false),
    IQ2_XS("GGUF IQ2_XS", "gguf:IQ2_XS", LabMethod.RTN, Granularity.GROUP, 256, false),
    IQ2_XXS("GGUF IQ2_XXS", "gguf:IQ2_XXS", LabMethod.RTN, Granularity.GROUP, 256, false),
    IQ1_M("GGUF IQ1_M", "gguf:IQ1_M", LabMethod.RTN, Granularity.GROUP, 256, false),
    IQ1_S("GGUF IQ1_S", "gguf:IQ1_S", LabMethod.RTN, Granularity.GROUP, 256, false),
    GPTQ_INT4("GPTQ INT4 group 128", "int4", LabMethod.GPTQ, Granularity.GROUP, 128, false),
    AWQ_INT4("AWQ INT4 group 128", "int4", LabMethod.AWQ, Granularity.GROUP, 128, false),
    HQQ_4BIT("HQQ 4-bit group 64", "int4", LabMethod.HQQ, Granularity.GROUP, 64, false),
    LLM_INT8("LLM.int8() (threshold 6)", "int8", LabMethod.LLM_INT8, Granularity.CHANNEL, 128, false),
    SMOOTHQUANT("SmoothQuant W8A8 (α 0.5)", "int8", LabMethod.SMOOTHQUANT, Granularity.CHANNEL, 128, false),
    KIVI_KEYS("KIVI 2-bit keys", "int2", LabMethod.KIVI, Granularity.GROUP, 32, false);

    private final String label;
    private final String format;
    private final LabMethod method;
    private final Granularity granularity;
    private final int groupSize;
    private final boolean doubleQuant;

    LabChoice(String label, String format, LabMethod method, Granularity granularity, int groupSize, boolean doubleQuant) {
        this.label = label;
        this.format = format;
        this.method = method;
        this.granularity = granularity;
        this.groupSize = groupSize;
        this.doubleQuant = doubleQuant;
    }

    public String label() {
        return label;
    }

    public LabMethod method() {
        return method;
    }

    /** Estimated CPU time of this choice on a rows × cols tensor with that many rows of layer inputs. */
    java.time.Duration cost(int rows, int cols, int inputRows) {
        return app.bytewise.quant.lab.LabCost.of(format, method, rows, cols, inputRows);
    }

    /** The lab request for this choice on {@code tensor}, with layer inputs for the output error. */
    LabRequest request(FloatMatrix tensor, FloatMatrix inputs, int bins) {
        return new LabRequest(tensor, format, method, granularity, groupSize, true, doubleQuant,
                java.util.Optional.of(inputs), 6.0f, 0.5, false, 0.01, "keys", 128, bins);
    }
}
