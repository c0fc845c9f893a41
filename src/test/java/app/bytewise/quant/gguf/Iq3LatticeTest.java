package app.bytewise.quant.gguf;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The IQ3 lattices as {@code iq3xs_init_impl} builds them: grid points checked against literal
 * entries of ggml-common.h's {@code iq3s_grid} (which is the lattice itself), the map, and neighbour
 * lists and totals computed independently from the kgrid tables.
 */
class Iq3LatticeTest {

    @Test
    void iq3sPointsAreGgmlsIq3sGrid() {
        Iq3Lattice lattice = Iq3Lattice.iq3s();
        assertThat(lattice.size()).isEqualTo(512);
        assertThat(lattice.point(0)).isEqualTo(0x01010101);
        assertThat(lattice.point(1)).isEqualTo(0x01010103);
        assertThat(lattice.point(13)).isEqualTo(0x01010707);
        assertThat(lattice.point(300)).isEqualTo(0x07030503);
        assertThat(lattice.point(511)).isEqualTo(0x0f0f0101);
    }

    @Test
    void everyGridPointMapsToItsIndex() {
        for (Iq3Lattice lattice : List.of(Iq3Lattice.iq3xxs(), Iq3Lattice.iq3s())) {
            for (int k = 0; k < lattice.size(); k++) {
                int p = lattice.point(k);
                int index = 0;
                for (int i = 0; i < 4; i++) {
                    index |= (Iq3Lattice.coordinate(p, i) - 1) / 2 << 3 * i;
                }
                assertThat(lattice.map(index)).isEqualTo(k);
            }
        }
    }

    @Test
    void neighbourListsAreByDistanceThenIndex() {
        Iq3Lattice xxs = Iq3Lattice.iq3xxs();
        assertThat(xxs.size()).isEqualTo(256);
        assertThat(xxs.neighbourEntries()).isEqualTo(22825);
        assertThat(neighbours(xxs, 1)).containsExactly(0, 1, 3, 12, 58, 14, 15, 60, 61, 69, 70, 71);
        assertThat(neighbours(xxs, 4095)).containsExactly(168, 190, 229, 163, 170, 171, 228, 231, 232);
        assertThat(neighbours(xxs, 1234)).containsExactly(121, 77, 78, 84, 118, 160, 161);
        assertThat(xxs.map(1)).isEqualTo(-1); // the first off-grid point's list starts at offset 0

        Iq3Lattice s = Iq3Lattice.iq3s();
        assertThat(s.neighbourEntries()).isEqualTo(28317);
        assertThat(neighbours(s, 3)).containsExactly(2, 7, 8, 27, 28, 111, 112, 115, 129, 1, 3, 132, 198);
        assertThat(neighbours(s, 4095)).containsExactly(437, 338, 431, 441);
    }

    private static List<Integer> neighbours(Iq3Lattice lattice, int index) {
        int m = lattice.map(index);
        assertThat(m).isNegative();
        int offset = -m - 1;
        List<Integer> list = new ArrayList<>();
        for (int j = 1; j <= lattice.neighbour(offset); j++) {
            list.add(lattice.neighbour(offset + j));
        }
        return list;
    }
}
