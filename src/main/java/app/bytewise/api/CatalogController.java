package app.bytewise.api;

import app.bytewise.engine.catalog.CatalogModel;
import app.bytewise.engine.catalog.GpuCatalog;
import app.bytewise.engine.catalog.ModelCatalog;
import app.bytewise.engine.format.Formats;
import app.bytewise.engine.gpu.Gpu;
import app.bytewise.engine.inference.KvFormat;
import app.bytewise.engine.model.Architecture;
import app.bytewise.engine.model.Tensor;
import app.bytewise.engine.training.Optimizer;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Arrays;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** The catalogs: models with their tensor lists, GPUs with their datasheet values, and the format ids. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Catalog", description = "Models, GPUs and formats the estimator knows")
class CatalogController {

    private final ModelCatalog models;
    private final GpuCatalog gpus;

    CatalogController(ModelCatalog models, GpuCatalog gpus) {
        this.models = models;
        this.gpus = gpus;
    }

    record ModelSummary(String id, String name, String family, long parameters, long activeParameters,
            Long publishedParameters) {
    }

    record TensorView(String name, String role, int layer, List<Long> shape, long count) {
    }

    record ModelDetail(String id, String name, String huggingFace, ArchitectureView architecture, long parameters,
            long activeParameters, Long publishedParameters, String publishedSource, List<String> notes, JsonNode config,
            List<TensorView> tensors) {
    }

    record FormatView(String id, String label, double nominalBits, String description) {
    }

    record KvFormatView(String id, int bits, Integer group, Integer residualTokens, String description) {
    }

    record OptimizerView(String id, String label, int weightBytes, int gradientBytes, String optimizerState) {
    }

    record FormatCatalog(List<FormatView> weights, String weightPatterns, List<KvFormatView> kvCache,
            List<OptimizerView> optimizers) {
    }

    @Operation(summary = "List the catalog models")
    @GetMapping("/models")
    List<ModelSummary> models() {
        return models.all().stream().map(CatalogController::summary).toList();
    }

    @Operation(summary = "One model: its config.json, architecture, counts and full tensor list")
    @GetMapping("/models/{id}")
    ModelDetail model(@PathVariable String id) {
        CatalogModel m = models.require(id, "id");
        return new ModelDetail(m.id(), m.name(), m.huggingFace(), m.model().architecture().map(ArchitectureView::of).orElse(null),
                m.model().parameters(), m.model().activeParameters(), m.publishedParameters(), m.publishedSource(),
                m.model().notes(), m.config(), m.model().tensors().stream().map(CatalogController::tensor).toList());
    }

    @Operation(summary = "List the catalog GPUs with their datasheet sources")
    @GetMapping("/gpus")
    List<Gpu> gpus() {
        return gpus.all();
    }

    @Operation(summary = "Weight formats, KV-cache formats and optimizers")
    @GetMapping("/formats")
    FormatCatalog formats() {
        return new FormatCatalog(
                Formats.catalog().stream().map(f -> new FormatView(f.id(), f.label(), f.nominalBits(), f.description()))
                        .toList(),
                "gptq-<2|3|4|8>bit-g<group|-1>, awq-4bit-g<group>, gguf:<Q8_0|Q6_K|Q5_K_M|Q5_K_S|Q5_K|Q5_1|Q5_0|Q4_K_M|"
                        + "Q4_K_S|Q4_K|Q4_1|Q4_0|Q3_K_L|Q3_K_M|Q3_K|Q2_K|F16>",
                KvFormat.all().stream().map(k -> new KvFormatView(k.id(), k.bits(), k.isQuantized() ? k.group() : null,
                        k.isQuantized() ? k.residual() : null, k.describe())).toList(),
                Arrays.stream(Optimizer.values()).map(o -> new OptimizerView(o.id(), o.label(), o.weightBytes(),
                        o.gradientBytes(), o.kDescription())).toList());
    }

    private static ModelSummary summary(CatalogModel m) {
        return new ModelSummary(m.id(), m.name(), m.model().architecture().map(Architecture::family).orElse(null),
                m.model().parameters(), m.model().activeParameters(), m.publishedParameters());
    }

    private static TensorView tensor(Tensor t) {
        return new TensorView(t.name(), t.role().name(), t.layer(), t.shape(), t.elements());
    }
}
