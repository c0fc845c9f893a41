package app.bytewise.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class ByteCountTest {

    @Test
    void gigabytesAreDecimalAndGibibytesBinary() {
        // Llama-2-7B's 6,738,415,616 parameters at 2 bytes each (BF16).
        ByteCount weights = ByteCount.of(6_738_415_616L).times(2);
        assertThat(weights.bytes()).isEqualTo(13_476_831_232L);
        assertThat(weights.gigabytes()).isEqualByComparingTo("13.476831232");
        assertThat(weights.gibibytes()).isEqualByComparingTo(new BigDecimal("12.551277160644531250"));
        assertThat(weights.display()).isEqualTo("13.48 GB (12.55 GiB)");
    }

    /** Same value and same scale (so the same JSON) as the exact division by each unit, whatever the count. */
    @Test
    void bothReadingsEqualTheExactQuotientByTheUnitToTheScale() {
        java.util.SplittableRandom random = new java.util.SplittableRandom(7);
        java.util.List<Long> counts = new java.util.ArrayList<>(java.util.List.of(0L, 1L, 999_999_999L,
                1_000_000_000L, 20_000_000_000L, ByteCount.GIB, 80 * ByteCount.GIB, Long.MAX_VALUE));
        for (int i = 0; i < 10_000; i++) {
            counts.add(random.nextLong(0, Long.MAX_VALUE) >>> random.nextInt(63));
        }
        for (long bytes : counts) {
            ByteCount count = ByteCount.of(bytes);
            assertThat(count.gigabytes()).as("%d bytes in GB", bytes)
                    .isEqualTo(BigDecimal.valueOf(bytes).divide(BigDecimal.valueOf(ByteCount.GB)));
            assertThat(count.gibibytes()).as("%d bytes in GiB", bytes)
                    .isEqualTo(BigDecimal.valueOf(bytes).divide(BigDecimal.valueOf(ByteCount.GIB)));
        }
    }

    @Test
    void anEightyGigabyteCardHoldsEightyGibibytes() {
        ByteCount a100 = ByteCount.ofGiB(80);
        assertThat(a100.bytes()).isEqualTo(85_899_345_920L);
        assertThat(a100.display()).isEqualTo("85.90 GB (80.00 GiB)");
    }

    @Test
    void arithmeticIsExact() {
        assertThat(ByteCount.of(1).plus(ByteCount.of(2))).isEqualTo(ByteCount.of(3));
        assertThatThrownBy(() -> ByteCount.of(Long.MAX_VALUE).times(2)).isInstanceOf(ArithmeticException.class);
        assertThatThrownBy(() -> ByteCount.of(-1)).isInstanceOf(IllegalArgumentException.class);
    }
}
