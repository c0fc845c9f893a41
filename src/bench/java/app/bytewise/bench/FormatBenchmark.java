package app.bytewise.bench;

import app.bytewise.quant.bnb.Nf4;
import app.bytewise.quant.gguf.GgufCodecs;
import app.bytewise.quant.lab.RowParallel;
import app.bytewise.quant.method.Granularity;
import app.bytewise.quant.method.IntQuantConfig;
import app.bytewise.quant.method.RoundToNearest;
import app.bytewise.quant.number.Fp8E4M3;
import app.bytewise.quant.tensor.FloatMatrix;
import app.bytewise.quant.tensor.TensorGenerator;
import app.bytewise.quant.tensor.TensorSpec;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Encode throughput on a 4096 × 4096 Gaussian tensor, in elements per second (the score is
 * operations/s with one operation per element). {@code single} runs the codec on one thread;
 * {@code cores} splits rows over all cores.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@OperationsPerInvocation(FormatBenchmark.ELEMENTS)
@Fork(1)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
public class FormatBenchmark {

    static final int SIZE = 4096;
    static final int ELEMENTS = SIZE * SIZE;

    @Param({"Q4_0", "Q8_0", "Q4_K", "Q6_K"})
    public String gguf;

    private FloatMatrix tensor;

    @Setup
    public void setUp() {
        tensor = TensorGenerator.generate(TensorSpec.gaussian(SIZE, SIZE, 1));
    }

    @Benchmark
    public byte[] ggufSingle() {
        return GgufCodecs.of(gguf).encode(tensor.data());
    }

    @Benchmark
    public byte[] ggufCores() {
        return RowParallel.encode(GgufCodecs.of(gguf), tensor);
    }

    @Benchmark
    public Object nf4Single() {
        return Nf4.quantize(tensor.data());
    }

    @Benchmark
    public Object rtnInt8Single() {
        return RoundToNearest.quantize(tensor, new IntQuantConfig(8, true, Granularity.CHANNEL, 0));
    }

    @Benchmark
    public Object rtnInt4Single() {
        return RoundToNearest.quantize(tensor, new IntQuantConfig(4, false, Granularity.GROUP, 128));
    }

    @Benchmark
    public byte[] fp8Single() {
        float[] data = tensor.data();
        byte[] out = new byte[data.length];
        for (int i = 0; i < data.length; i++) {
            out[i] = Fp8E4M3.encode(data[i]);
        }
        return out;
    }
}
