package app.bytewise.api;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

/**
 * The quantize endpoint with small buckets: a run costs one token per millisecond (or per 100 ms) of
 * its estimated CPU time. The app's test profile sets the bucket out of reach, so this test builds
 * the controller itself.
 */
class QuantizeRateLimitTest {

    private static final String RTN = """
            {"format": "int8", "tensor": {"rows": 4, "cols": 8, "seed": 1}}""";
    private static final String SMALL_GPTQ = """
            {"format": "int4", "method": "gptq", "tensor": {"rows": 8, "cols": 16, "seed": 1},
             "inputs": {"kind": "activations", "rows": 32, "cols": 16, "seed": 2}}""";
    /** Estimated at about 32 ms: 24 ms of it the two products X·Wᵀ of the output error. */
    private static final String GPTQ = """
            {"format": "int4", "method": "gptq", "tensor": {"rows": 256, "cols": 256, "seed": 1},
             "inputs": {"kind": "activations", "rows": 256, "cols": 256, "seed": 2}}""";

    private final Clock clock = Clock.fixed(Instant.parse("2026-03-02T09:00:00Z"), ZoneOffset.UTC);
    private final MockMvc mvc = mvc(new QuantizeRateLimit(true, 100, Duration.ofMinutes(1), Duration.ofMillis(1), clock));
    /** The defaults: 300 tokens of 100 ms a minute, 30 s of CPU. */
    private final MockMvc defaults = mvc(new QuantizeRateLimit(true, 300, Duration.ofMinutes(1), Duration.ofMillis(100),
            clock));

    private static MockMvc mvc(QuantizeRateLimit limit) {
        return MockMvcBuilders.standaloneSetup(new QuantizeController(limit))
                .setControllerAdvice(new ApiExceptionHandler())
                .build();
    }

    /** Three 256 × 256 GPTQ runs take 96 of 100 tokens; the fourth is refused, and a cheap run still fits. */
    @Test
    void gptqIsPricedByItsWorkAndTheBucketRunsDry() throws Exception {
        for (int i = 0; i < 3; i++) {
            mvc.perform(quantize(GPTQ, "203.0.113.5")).andExpect(status().isOk());
        }
        mvc.perform(quantize(GPTQ, "203.0.113.5"))
                .andExpect(status().isTooManyRequests())
                .andExpect(header().string("Retry-After", "17")) // 28 tokens short, one back every 0.6 s
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(429));
        mvc.perform(quantize(RTN, "203.0.113.5")).andExpect(status().isOk());
        // Another client has its own bucket.
        mvc.perform(quantize(GPTQ, "203.0.113.6")).andExpect(status().isOk());
    }

    @Test
    void cheapRunsCostOneTokenEachWhateverTheMethod() throws Exception {
        for (int i = 0; i < 50; i++) {
            mvc.perform(quantize(RTN, "198.51.100.1")).andExpect(status().isOk());
            mvc.perform(quantize(SMALL_GPTQ, "198.51.100.1")).andExpect(status().isOk());
        }
        mvc.perform(quantize(RTN, "198.51.100.1")).andExpect(status().isTooManyRequests());
    }

    /** More than a whole bucket (30 s of CPU) is refused at once, naming the limit, and costs nothing. */
    @Test
    void aRunCostingMoreThanTheBucketIsRefusedBeforeAnyWork() throws Exception {
        String awq = """
                {"format": "int4", "method": "awq", "tensor": {"rows": 2048, "cols": 2048, "seed": 1},
                 "inputs": {"kind": "activations", "rows": 512, "cols": 2048, "seed": 2}}""";
        defaults.perform(quantize(awq, "192.0.2.7"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.field").value("tensor"))
                .andExpect(jsonPath("$.detail").value("This run (awq on 2048 × 2048 with 512 input rows) is estimated at "
                        + "68.1 s of CPU time; one request may use at most 30.0 s. Use a smaller tensor, fewer input "
                        + "rows or a cheaper method."));
        String gptq = """
                {"format": "int4", "method": "gptq", "tensor": {"rows": 4096, "cols": 4096, "seed": 1},
                 "inputs": {"kind": "activations", "rows": 4096, "cols": 4096, "seed": 2}}""";
        defaults.perform(quantize(gptq, "192.0.2.7")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("tensor"));
        for (int i = 0; i < 300; i++) {
            defaults.perform(quantize(RTN, "192.0.2.7")).andExpect(status().isOk());
        }
    }

    private static MockHttpServletRequestBuilder quantize(String body, String clientAddress) {
        return post("/api/v1/quantize").contentType(MediaType.APPLICATION_JSON).content(body)
                .with(request -> {
                    request.setRemoteAddr(clientAddress);
                    return request;
                });
    }
}
