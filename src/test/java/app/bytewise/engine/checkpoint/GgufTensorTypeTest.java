package app.bytewise.engine.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;

import app.bytewise.OracleVectors;
import app.bytewise.engine.format.GgmlType;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

class GgufTensorTypeTest {

    /** The block sizes in the reference vectors made with llama.cpp's own code (PROVENANCE.md there). */
    @Test
    void matchesTheGgmlOracleFiles() {
        for (JsonNode oracle : OracleVectors.all("ggml")) {
            GgufTensorType type = GgufTensorType.valueOf(oracle.get("type").stringValue());
            assertThat(type.blockSize()).as(type.name()).isEqualTo(oracle.get("block_size").intValue());
            assertThat(type.typeSize()).as(type.name()).isEqualTo(oracle.get("bytes_per_block").intValue());
        }
    }

    @Test
    void agreesWithTheEstimatorsOwnTypes() {
        for (GgmlType ggml : GgmlType.values()) {
            GgufTensorType type = GgufTensorType.valueOf(ggml.name());
            assertThat(type.blockSize()).as(ggml.name()).isEqualTo(ggml.blockSize());
            assertThat(type.typeSize()).as(ggml.name()).isEqualTo(ggml.bytesPerBlock());
        }
    }

    /**
     * ids from enum ggml_type (ggml.h); bytes from the static_asserts in ggml-common.h, e.g.
     * block_tq1_0 = 2 + QK_K/64 + (QK_K - 4·QK_K/64)/5 = 2 + 4 + 48 = 54, block_iq1_m = 32 + 16 + 8.
     */
    @ParameterizedTest
    @CsvSource({"F32,0,1,4", "F16,1,1,2", "Q4_0,2,32,18", "Q8_0,8,32,34", "Q8_1,9,32,36", "Q2_K,10,256,84",
        "Q4_K,12,256,144", "Q6_K,14,256,210", "Q8_K,15,256,292", "IQ2_XXS,16,256,66", "IQ2_XS,17,256,74",
        "IQ3_XXS,18,256,98", "IQ1_S,19,256,50", "IQ4_NL,20,32,18", "IQ3_S,21,256,110", "IQ2_S,22,256,82",
        "IQ4_XS,23,256,136", "I8,24,1,1", "I64,27,1,8", "F64,28,1,8", "IQ1_M,29,256,56", "BF16,30,1,2",
        "TQ1_0,34,256,54", "TQ2_0,35,256,66", "MXFP4,39,32,17", "NVFP4,40,64,36", "Q1_0,41,128,18",
        "Q2_0,42,64,18"})
    void hasGgmlsIdsAndSizes(String name, int id, int block, int bytes) {
        GgufTensorType type = GgufTensorType.valueOf(name);
        assertThat(type.id()).isEqualTo(id);
        assertThat(type.blockSize()).isEqualTo(block);
        assertThat(type.typeSize()).isEqualTo(bytes);
        assertThat(GgufTensorType.byId(id)).hasValue(type);
    }

    /** The "bpw" comments beside each block struct in ggml-common.h, a figure apart from the sizes. */
    @ParameterizedTest
    @CsvSource({"TQ1_0,1.6875", "TQ2_0,2.0625", "Q2_K,2.625", "Q3_K,3.4375", "Q4_K,4.5", "Q5_K,5.5",
        "Q6_K,6.5625", "IQ2_XXS,2.0625", "IQ2_XS,2.3125", "IQ2_S,2.5625", "IQ3_XXS,3.0625", "IQ3_S,3.4375",
        "IQ1_S,1.5625", "IQ1_M,1.75"})
    void bitsPerWeightMatchGgmlsComments(String name, double bpw) {
        assertThat(GgufTensorType.valueOf(name).bitsPerWeight()).isEqualTo(bpw);
    }

    /** 35 live types in 43 ids: 4, 5, 31-33 and 36-38 are removed. */
    @Test
    void coversEveryLiveIdOnce() {
        assertThat(GgufTensorType.values()).hasSize(35);
        assertThat(Arrays.stream(GgufTensorType.values()).map(GgufTensorType::id).distinct()).hasSize(35);
        for (int id : new int[] {4, 5, 31, 32, 33, 36, 37, 38}) {
            assertThat(GgufTensorType.byId(id)).as("id %d", id).isEmpty();
            assertThat(GgufTensorType.removed(id)).as("id %d", id).isPresent();
        }
        assertThat(GgufTensorType.byId(GgufTensorType.COUNT)).isEmpty();
        assertThat(GgufTensorType.byId(-1)).isEmpty();
    }
}
