package app.bytewise.bench;

import app.bytewise.quant.method.Gptq;
import app.bytewise.quant.method.GptqConfig;
import app.bytewise.quant.method.IntQuantConfig;
import app.bytewise.quant.method.ProgressMonitor;
import app.bytewise.quant.method.RoundToNearest;
import app.bytewise.quant.tensor.FloatMatrix;
import app.bytewise.quant.tensor.TensorGenerator;
import app.bytewise.quant.tensor.TensorSpec;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** GPTQ wall time on square layers with 2048 calibration tokens (seconds per run). */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
public class MethodBenchmark {

    @Param({"1024", "4096"})
    public int size;

    private FloatMatrix weights;
    private FloatMatrix calibration;

    @Setup
    public void setUp() {
        weights = TensorGenerator.generate(TensorSpec.gaussian(size, size, 1));
        calibration = TensorGenerator.generate(TensorSpec.activations(2048, size, 2, 8));
    }

    @Benchmark
    public Object gptqInt4Group128() {
        return Gptq.quantize(weights, calibration, GptqConfig.of(IntQuantConfig.int4Group(128)), ProgressMonitor.NONE);
    }

    @Benchmark
    public Object rtnInt4Group128() {
        return RoundToNearest.quantize(weights, IntQuantConfig.int4Group(128));
    }
}
