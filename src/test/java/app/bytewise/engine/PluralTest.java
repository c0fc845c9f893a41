package app.bytewise.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PluralTest {

    @Test
    void aLoneOneTakesTheSingularAndOtherCountsKeepThePlural() {
        assertThat(Plural.singularAfterOne("1 sequences of 4,096 tokens on 1 GPUs, 1 KV heads"))
                .isEqualTo("1 sequence of 4,096 tokens on 1 GPU, 1 KV head");
        assertThat(Plural.singularAfterOne("11 sequences, 0.1 bytes, 2,001 tokens, 1.1 bytes"))
                .isEqualTo("11 sequences, 0.1 bytes, 2,001 tokens, 1.1 bytes");
        assertThat(Plural.unitFor(1, "bytes per GPU")).isEqualTo("byte per GPU");
        assertThat(Plural.unitFor(2, "bytes per GPU")).isEqualTo("bytes per GPU");
        assertThat(Plural.count(1, "byte")).isEqualTo("1 byte");
        assertThat(Plural.count(4096, "token")).isEqualTo("4,096 tokens");
    }

    @Test
    void stepInputsAndByteResultsOfOneReadInTheSingular() {
        assertThat(Step.Input.of("b", 1, "sequences").unit()).isEqualTo("sequence");
        assertThat(Step.Input.of("n_kv", 1, "KV heads").unit()).isEqualTo("KV head");
        assertThat(Step.Input.of("n_kv", 8, "KV heads").unit()).isEqualTo("KV heads");
        assertThat(Step.bytes("x", "x", "x", java.util.List.of(), 1, "").shownResult()).startsWith("1 byte = ");
    }
}
