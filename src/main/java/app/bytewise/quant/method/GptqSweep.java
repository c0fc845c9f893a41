package app.bytewise.quant.method;

import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * GPTQ's column sweep with lazy batch updates (Frantar et al. 2022, Algorithm 1; the reference
 * {@code fasterquant} with its {@code blocksize}): within a block of columns each column is
 * quantized and its error spread over the block's later columns at once; the rest of W takes the
 * block's errors in one product Err · U[block, after the block], U the upper Cholesky factor of H⁻¹.
 *
 * <p>Every operation touches one row of W only (a row's grid, error and updates are its own), so
 * each block runs as independent chunks of rows in parallel; per row the arithmetic and its order
 * are those of the sequential loop, so the result does not depend on the split. Matrices are
 * arrays of rows so that the JIT vectorises the inner loops (see {@link UpperRankUpdate}).
 */
final class GptqSweep {

    /** Columns per lazy-update tile: 128 rows of U × 512 floats = 256 KiB, an L2 cache's worth. */
    private static final int TILE = 512;
    /** Rows per parallel task: each tile of U, once loaded, serves this many rows of W. */
    private static final int ROW_CHUNK = 128;

    private final float[][] w;
    private final float[][] u;
    private final int rows;
    private final int n;
    private final IntQuantConfig quant;
    private final int group;
    private final int block;
    private final GroupQuantizer[] grid;
    private final float[][] q;
    /** This block's quantization errors scaled by 1 / U[c, c], one row of the block's width per row of W. */
    private final float[][] err;

    private GptqSweep(float[][] w, float[][] u, GptqConfig config) {
        this.w = w;
        this.u = u;
        this.rows = w.length;
        this.n = u.length;
        this.quant = config.quant();
        this.group = quant.groupLength(n);
        this.block = config.blockSize();
        this.grid = new GroupQuantizer[rows];
        this.q = new float[rows][n];
        this.err = new float[rows][block];
    }

    /**
     * Quantizes W (rows of n, columns in processing order, updated in place) against U; returns the
     * quantized weights. Reports progress from {@code start} to 1 and checks cancellation per block.
     */
    static float[][] run(float[][] w, float[][] u, GptqConfig config, ProgressMonitor monitor, double start) {
        return new GptqSweep(w, u, config).sweep(monitor, start);
    }

    private float[][] sweep(ProgressMonitor monitor, double start) {
        if (quant.granularity() == Granularity.TENSOR) {
            float min = 0;
            float max = 0;
            for (float[] row : w) {
                for (float v : row) {
                    min = Math.min(min, v);
                    max = Math.max(max, v);
                }
            }
            Arrays.fill(grid, GroupQuantizer.fit(min, max, quant.bits(), quant.symmetric()));
        } else if (quant.granularity() == Granularity.CHANNEL) {
            for (int r = 0; r < rows; r++) {
                grid[r] = GroupQuantizer.fit(w[r], 0, n, 1, quant.bits(), quant.symmetric());
            }
        }
        int chunks = Math.ceilDiv(rows, ROW_CHUNK);
        for (int i1 = 0; i1 < n; i1 += block) {
            monitor.checkCancelled();
            int first = i1;
            int count = Math.min(block, n - i1);
            IntStream.range(0, chunks).parallel().forEach(chunk -> {
                int r0 = chunk * ROW_CHUNK;
                int r1 = Math.min(rows, r0 + ROW_CHUNK);
                float[] w1 = new float[n];
                for (int r = r0; r < r1; r++) {
                    quantizeBlock(r, first, count, w1);
                }
                lazyUpdate(r0, r1, first, count);
            });
            monitor.report(start + (1 - start) * (i1 + count) / n);
        }
        return q;
    }

    /**
     * Row r over the block's columns: quantize each and spread its error over the block's later
     * columns, in w1 (indexed by column like W), so W keeps the block's starting values.
     */
    private void quantizeBlock(int r, int i1, int count, float[] w1) {
        float[] wr = w[r];
        int i2 = i1 + count;
        System.arraycopy(wr, i1, w1, i1, count);
        for (int col = i1; col < i2; col++) {
            if (quant.granularity() == Granularity.GROUP && col % group == 0) {
                // As the reference does, group parameters come from W as it stood at the start of
                // this block (updated by earlier blocks, not yet by this one).
                grid[r] = GroupQuantizer.fit(wr, col, Math.min(n, col + group), 1, quant.bits(), quant.symmetric());
            }
            float value = w1[col];
            float rounded = grid[r].roundTrip(value);
            q[r][col] = rounded;
            float[] uc = u[col];
            float e = (value - rounded) / uc[col];
            err[r][col - i1] = e;
            for (int j = col + 1; j < i2; j++) {
                w1[j] -= e * uc[j];
            }
        }
    }

    /**
     * W[r0:r1, after the block] −= Err · U[block, after the block], by tiles of columns so each
     * tile of U stays in cache while the chunk's rows pass over it.
     */
    private void lazyUpdate(int r0, int r1, int i1, int count) {
        for (int lo = i1 + count; lo < n; lo += TILE) {
            int hi = Math.min(n, lo + TILE);
            for (int r = r0; r < r1; r++) {
                updateRow(w[r], err[r], i1, count, lo, hi);
            }
        }
    }

    /**
     * W[r, lo:hi] −= Σ_k Err[r, k] · U[i1 + k, lo:hi], four k at a time so each pass over the row of
     * W does four multiply-adds per load and store.
     */
    private void updateRow(float[] wr, float[] er, int i1, int count, int lo, int hi) {
        int k = 0;
        for (; k + 4 <= count; k += 4) {
            float e0 = er[k];
            float e1 = er[k + 1];
            float e2 = er[k + 2];
            float e3 = er[k + 3];
            float[] u0 = u[i1 + k];
            float[] u1 = u[i1 + k + 1];
            float[] u2 = u[i1 + k + 2];
            float[] u3 = u[i1 + k + 3];
            for (int j = lo; j < hi; j++) {
                wr[j] -= e0 * u0[j] + e1 * u1[j] + e2 * u2[j] + e3 * u3[j];
            }
        }
        for (; k < count; k++) {
            float ek = er[k];
            float[] uk = u[i1 + k];
            for (int j = lo; j < hi; j++) {
                wr[j] -= ek * uk[j];
            }
        }
    }
}
