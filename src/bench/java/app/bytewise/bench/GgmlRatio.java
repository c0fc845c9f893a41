package app.bytewise.bench;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_FLOAT;

import app.bytewise.quant.BlockCodec;
import app.bytewise.quant.gguf.GgufCodecs;
import app.bytewise.quant.tensor.TensorGenerator;
import app.bytewise.quant.tensor.TensorSpec;
import java.lang.foreign.MemorySegment;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Side by side on one thread: each GGUF codec and the pinned ggml's {@code quantize_row_<type>_ref}
 * ({@code quantize_<type>} where ggml has none, see {@link GgmlRowQuantizer}) quantize the same 4096 × 4096 seeded Gaussian tensor, alternating Java and C for a number of
 * rounds after one untimed warm-up of each. Both are timed in the calling thread's CPU time
 * (ThreadMXBean, which covers the native downcall too), so other load on a shared machine counts
 * less than in wall-clock time; the medians are printed with their ratio (C over Java, above 1
 * when Java is faster) and whether the bytes are identical.
 *
 * <p>Arguments: a regular expression of type names (default all) and the number of rounds
 * (default 5); anything after is ignored (the bench profile passes JMH's options). The library
 * directory comes from {@code BYTEWISE_LLAMACPP_LIB}; without it the run fails.
 */
public final class GgmlRatio {

    static final String LIB_VARIABLE = "BYTEWISE_LLAMACPP_LIB";
    static final int SIZE = 4096;

    private GgmlRatio() {
    }

    public static void main(String[] args) {
        Pattern types = Pattern.compile(args.length > 0 ? args[0] : ".*", Pattern.CASE_INSENSITIVE);
        int rounds = args.length > 1 && args[1].matches("\\d+") ? Integer.parseInt(args[1]) : 5;
        Optional<Path> dir = libraryDirectory();
        if (dir.isEmpty()) {
            System.err.println("No ggml to compare with: set " + LIB_VARIABLE + " to the directory holding "
                    + GgmlRowQuantizer.BASE + " (scripts/llamacpp.sh prints it last)");
            System.exit(2);
        }
        float[] x = TensorGenerator.generate(TensorSpec.gaussian(SIZE, SIZE, 1)).data();
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        boolean allIdentical = true;
        try (GgmlRowQuantizer ggml = new GgmlRowQuantizer(dir.get())) {
            MemorySegment in = ggml.arena().allocateFrom(JAVA_FLOAT, x);
            System.out.printf(Locale.ROOT, "%-7s %10s %10s %7s  %s%n", "type", "Java ms", "C ms", "C/Java", "bytes");
            for (GgufCodecs type : GgufCodecs.values()) {
                Optional<GgmlRowQuantizer.Quantizer> c = types.matcher(type.name()).matches()
                        ? ggml.quantizer(type.name(), SIZE) : Optional.empty();
                if (c.isEmpty()) {
                    continue;
                }
                BlockCodec codec = type.codec();
                long size = (long) x.length / codec.blockSize() * codec.bytesPerBlock();
                MemorySegment out = ggml.arena().allocate(size, 64);
                byte[] ours = codec.encode(x);
                c.get().run(in, out, x.length);
                double[] java = new double[rounds];
                double[] native_ = new double[rounds];
                for (int r = 0; r < rounds; r++) {
                    long t0 = cpu.getCurrentThreadCpuTime();
                    ours = codec.encode(x);
                    long t1 = cpu.getCurrentThreadCpuTime();
                    c.get().run(in, out, x.length);
                    long t2 = cpu.getCurrentThreadCpuTime();
                    java[r] = (t1 - t0) / 1e6;
                    native_[r] = (t2 - t1) / 1e6;
                }
                boolean identical = Arrays.equals(ours, out.toArray(JAVA_BYTE));
                allIdentical &= identical;
                double j = median(java);
                double n = median(native_);
                System.out.printf(Locale.ROOT, "%-7s %10.1f %10.1f %6.2fx  %s%n", type.name(), j, n, n / j,
                        identical ? "identical" : "DIFFER");
            }
        }
        if (!allIdentical) {
            System.exit(1);
        }
    }

    private static Optional<Path> libraryDirectory() {
        String value = System.getenv(LIB_VARIABLE);
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        Path dir = Path.of(value);
        return Files.isRegularFile(dir.resolve(GgmlRowQuantizer.BASE)) ? Optional.of(dir) : Optional.empty();
    }

    static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        int m = s.length / 2;
        return s.length % 2 == 1 ? s[m] : (s[m - 1] + s[m]) / 2;
    }
}
