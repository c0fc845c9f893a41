package app.bytewise.lesson;

import app.bytewise.engine.ByteCount;
import app.bytewise.engine.WeightMemory;
import app.bytewise.engine.catalog.GpuCatalog;
import app.bytewise.engine.catalog.ModelCatalog;
import app.bytewise.engine.format.Formats;
import app.bytewise.engine.gpu.Gpu;
import app.bytewise.engine.inference.InferenceEstimator;
import app.bytewise.engine.inference.InferenceRequest;
import app.bytewise.engine.inference.KvCache;
import app.bytewise.engine.inference.KvFormat;
import app.bytewise.engine.model.Architecture;
import app.bytewise.engine.model.Model;
import app.bytewise.engine.training.Optimizer;
import app.bytewise.engine.training.PipelineBubble;
import app.bytewise.engine.training.Recompute;
import app.bytewise.engine.training.TrainingActivations;
import app.bytewise.engine.training.TrainingEstimator;
import app.bytewise.engine.training.TrainingRequest;
import app.bytewise.engine.MemoryEstimate;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Evaluates the {@code {{name key=value}}} directives of lesson prose with the engine, so every
 * number in a lesson is computed (the directive table is in {@code content/lessons/README.md}).
 */
public final class Directives {

    public static final Pattern DIRECTIVE = Pattern.compile("\\{\\{\\s*([a-z-]+)((?:\\s+[a-zA-Z]+=[^\\s}]+)*)\\s*}}");
    private static final Pattern PAIR = Pattern.compile("([a-zA-Z]+)=([^\\s}]+)");
    private static final Map<String, Set<String>> KEYS = Map.ofEntries(
            Map.entry("params", Set.of("model")),
            Map.entry("active-params", Set.of("model")),
            Map.entry("weights", Set.of("model", "params", "format")),
            Map.entry("kv", Set.of("model", "context", "batch", "format")),
            Map.entry("kv-per-token", Set.of("model", "format")),
            Map.entry("inference", Set.of("model", "format", "context", "batch")),
            Map.entry("states", Set.of("model", "params", "optimizer", "zero", "gpus")),
            Map.entry("activations", Set.of("model", "seq", "batch", "recompute", "flash", "attention", "layers")),
            Map.entry("decode", Set.of("model", "format", "gpu", "context", "batch")),
            Map.entry("bubble", Set.of("p", "m", "kind")),
            Map.entry("bpw", Set.of("model", "format")),
            Map.entry("gpu", Set.of("id", "field")),
            Map.entry("llamacpp-kv", Set.of("model", "ctx", "seq", "unified", "swafull", "ctk", "ctv")));

    private final ModelCatalog models;
    private final GpuCatalog gpus;

    public Directives(ModelCatalog models, GpuCatalog gpus) {
        this.models = models;
        this.gpus = gpus;
    }

    /** Replaces every directive in {@code text} by its value; throws {@link DirectiveException} on a bad one. */
    public String expand(String text) {
        Matcher m = DIRECTIVE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(evaluate(m.group(1), pairs(m.group(2)), m.group())));
        }
        m.appendTail(out);
        if (out.indexOf("{{") >= 0) {
            int at = out.indexOf("{{");
            throw new DirectiveException("Malformed directive near: " + out.substring(at, Math.min(out.length(), at + 60)));
        }
        return out.toString();
    }

    public String evaluate(String name, Map<String, String> args, String source) {
        Set<String> allowed = KEYS.get(name);
        if (allowed == null) {
            throw new DirectiveException("Unknown directive " + source);
        }
        for (String key : args.keySet()) {
            if (!allowed.contains(key)) {
                throw new DirectiveException("Directive " + source + " has no key '" + key + "'");
            }
        }
        try {
            return switch (name) {
                case "params" -> String.format(Locale.ROOT, "%,d", model(args).parameters());
                case "active-params" -> String.format(Locale.ROOT, "%,d", model(args).activeParameters());
                case "weights" -> ByteCount.of(WeightMemory.bytes(model(args), Formats.parse(args.get("format")))).display();
                case "kv" -> ByteCount.of(KvCache.bytes(arch(args), kv(args), num(args, "context", 4096),
                        (int) num(args, "batch", 1), 0)).display();
                case "kv-per-token" -> kib(KvCache.bytes(arch(args), kv(args), 1, 1, 0));
                case "inference" -> ByteCount.of(InferenceEstimator.memory(InferenceRequest.of(model(args),
                        Formats.parse(args.get("format"))).withContext(num(args, "context", 4096),
                        (int) num(args, "batch", 1))).totalBytes()).display();
                case "states" -> ByteCount.of(states(args)).display();
                case "activations" -> ByteCount.of(activations(args)).display();
                case "decode" -> String.format(Locale.ROOT, "%.1f tokens/s", decode(args));
                case "bubble" -> bubble(args);
                case "bpw" -> String.format(Locale.ROOT, "%.2f", Formats.parse(args.get("format")).layout(model(args))
                        .bitsPerWeight());
                case "gpu" -> gpuField(args);
                case "llamacpp-kv" -> ByteCount.of(llamaCpp(args).totalBytes()).display();
                default -> throw new DirectiveException("Unknown directive " + source);
            };
        } catch (DirectiveException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new DirectiveException("Directive " + source + " failed: " + e.getMessage());
        }
    }

    /** What llama.cpp allocates for its caches with llama-server's defaults, the named settings changed. */
    private app.bytewise.engine.serving.EngineAllocation llamaCpp(Map<String, String> args) {
        var s = app.bytewise.engine.serving.llamacpp.LlamaCppSettings.defaults(num(args, "ctx", 4096), (int) num(args, "seq", 1))
                .withUnified("1".equals(args.get("unified"))).withSwaFull("1".equals(args.get("swafull")))
                .withCacheTypes(app.bytewise.engine.serving.llamacpp.LlamaCppCacheType.parse(args.getOrDefault("ctk", "f16"), "ctk"),
                        app.bytewise.engine.serving.llamacpp.LlamaCppCacheType.parse(args.getOrDefault("ctv", "f16"), "ctv"));
        return app.bytewise.engine.serving.llamacpp.LlamaCppProfile.allocate(model(args), s);
    }

    private Model model(Map<String, String> args) {
        if (args.containsKey("model")) {
            return models.require(args.get("model"), "model").model();
        }
        if (args.containsKey("params")) {
            return Model.ofParameterCount(new BigDecimal(args.get("params")).longValueExact());
        }
        throw new DirectiveException("needs model= or params=");
    }

    private Architecture arch(Map<String, String> args) {
        return model(args).requireArchitecture("This directive");
    }

    private static KvFormat kv(Map<String, String> args) {
        return KvFormat.parse(args.getOrDefault("format", "fp16"));
    }

    private long states(Map<String, String> args) {
        TrainingRequest r = TrainingRequest.of(model(args), Optimizer.parse(args.getOrDefault("optimizer", "adamw-mixed")))
                .withZero((int) num(args, "zero", 0), (int) num(args, "gpus", 1)).withOverhead(0);
        MemoryEstimate e = TrainingEstimator.estimate(r);
        return e.component("weights") + e.component("gradients") + e.component("optimizer");
    }

    private long activations(Map<String, String> args) {
        Architecture a = arch(args);
        long perLayer = TrainingActivations.perLayer(a, num(args, "seq", 2048), (int) num(args, "batch", 1), 1, false,
                Recompute.parse(args.getOrDefault("recompute", "none")), args.containsKey("attention")
                        ? app.bytewise.engine.training.AttentionKernel.parse(args.get("attention"))
                        : Boolean.parseBoolean(args.getOrDefault("flash", "false"))
                        ? app.bytewise.engine.training.AttentionKernel.FLASH
                        : app.bytewise.engine.training.AttentionKernel.EAGER_DROPOUT);
        String layers = args.getOrDefault("layers", "all");
        return perLayer * (layers.equals("all") ? a.layers() : Long.parseLong(layers));
    }

    private double decode(Map<String, String> args) {
        Gpu gpu = gpus.require(args.get("gpu"), "gpu");
        return InferenceEstimator.estimate(InferenceRequest.of(model(args), Formats.parse(args.get("format")))
                .withContext(num(args, "context", 1), (int) num(args, "batch", 1)).onGpus(gpu, 1))
                .decodeTokensPerSecond().orElseThrow();
    }

    private static String bubble(Map<String, String> args) {
        int p = (int) num(args, "p", 0);
        int m = (int) num(args, "m", 0);
        BigDecimal f = "megatron".equals(args.getOrDefault("kind", "gpipe")) ? PipelineBubble.megatron(p, m)
                : PipelineBubble.gpipe(p, m);
        return f.movePointRight(2).setScale(1, java.math.RoundingMode.HALF_UP).toPlainString() + "%";
    }

    private String gpuField(Map<String, String> args) {
        Gpu g = gpus.require(args.get("id"), "id");
        return switch (args.getOrDefault("field", "memory")) {
            case "memory" -> g.memoryGiB() + " GiB (" + ByteCount.of(g.memoryBytes()).gigabytes()
                    .setScale(2, java.math.RoundingMode.HALF_UP).toPlainString() + " GB)";
            case "bandwidth" -> String.format(Locale.ROOT, "%,.0f GB/s", g.bandwidthGBps());
            case "tflops" -> g.dense16BitTflops() == null ? "not published"
                    : String.format(Locale.ROOT, "%.1f TFLOPS", g.dense16BitTflops());
            default -> throw new DirectiveException("gpu field must be memory, bandwidth or tflops");
        };
    }

    private static String kib(long bytes) {
        return BigDecimal.valueOf(bytes).divide(BigDecimal.valueOf(1024)).stripTrailingZeros().toPlainString() + " KiB";
    }

    private static long num(Map<String, String> args, String key, long fallback) {
        String v = args.get(key);
        return v == null ? fallback : new BigDecimal(v).longValueExact();
    }

    static Map<String, String> pairs(String text) {
        Map<String, String> map = new LinkedHashMap<>();
        Matcher m = PAIR.matcher(text == null ? "" : text);
        while (m.find()) {
            map.put(m.group(1), m.group(2));
        }
        return map;
    }
}
