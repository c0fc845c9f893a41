package app.bytewise.engine.catalog;

import app.bytewise.engine.InvalidInputException;
import app.bytewise.engine.gpu.Gpu;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/** The GPUs shipped in {@code catalog/gpus.json}, each value with its datasheet source. */
public final class GpuCatalog {

    private final List<Gpu> gpus;

    private GpuCatalog(List<Gpu> gpus) {
        this.gpus = List.copyOf(gpus);
    }

    public static GpuCatalog load() {
        List<Gpu> gpus = new ArrayList<>();
        for (JsonNode n : CatalogJson.read("catalog/gpus.json")) {
            JsonNode tflops = n.get("dense16BitTflops");
            gpus.add(new Gpu(n.get("id").stringValue(), n.get("name").stringValue(), n.get("vendor").stringValue(),
                    n.get("segment").stringValue(), n.get("memoryGiB").longValue(), n.get("memoryType").stringValue(),
                    n.get("bandwidthGBps").doubleValue(), tflops == null || tflops.isNull() ? null : tflops.doubleValue(),
                    n.get("fp8").booleanValue(), n.get("interconnect").stringValue(), n.get("source").stringValue(),
                    n.path("notes").asString(""), n.path("driverTotalBytes").isIntegralNumber()
                            ? n.get("driverTotalBytes").longValue() : null, n.path("driverTotalSource").asString("")));
        }
        return new GpuCatalog(gpus);
    }

    public List<Gpu> all() {
        return gpus;
    }

    public Optional<Gpu> find(String id) {
        return gpus.stream().filter(g -> g.id().equalsIgnoreCase(id)).findFirst();
    }

    public Gpu require(String id, String field) {
        return find(id).orElseThrow(() -> new InvalidInputException(field, "Unknown GPU '" + id + "'. See GET /api/v1/gpus."));
    }
}
