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
 * The quantize endpoint with a small bucket: 10 tokens a minute, GPTQ costing 5. The app's test
 * profile sets the bucket out of reach, so this test builds the controller itself.
 */
class QuantizeRateLimitTest {

    private static final String RTN = """
            {"format": "int8", "tensor": {"rows": 4, "cols": 8, "seed": 1}}""";
    private static final String GPTQ = """
            {"format": "int4", "method": "gptq", "tensor": {"rows": 8, "cols": 16, "seed": 1},
             "inputs": {"kind": "activations", "rows": 32, "cols": 16, "seed": 2}}""";

    private final Clock clock = Clock.fixed(Instant.parse("2026-03-02T09:00:00Z"), ZoneOffset.UTC);
    private final MockMvc mvc = MockMvcBuilders
            .standaloneSetup(new QuantizeController(new QuantizeRateLimit(true, 10, Duration.ofMinutes(1), 5, clock)))
            .setControllerAdvice(new ApiExceptionHandler())
            .build();

    @Test
    void twoGptqRunsUseUpTheBucketAndTheNextRequestIs429WithRetryAfter() throws Exception {
        mvc.perform(quantize(GPTQ, "203.0.113.5")).andExpect(status().isOk());
        mvc.perform(quantize(GPTQ, "203.0.113.5")).andExpect(status().isOk());

        mvc.perform(quantize(RTN, "203.0.113.5"))
                .andExpect(status().isTooManyRequests())
                .andExpect(header().string("Retry-After", "6")) // one token back every 60 s / 10
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(429));
        // Another client has its own bucket.
        mvc.perform(quantize(RTN, "203.0.113.6")).andExpect(status().isOk());
    }

    @Test
    void cheapMethodsCostOneTokenEach() throws Exception {
        for (int i = 0; i < 10; i++) {
            mvc.perform(quantize(RTN, "198.51.100.1")).andExpect(status().isOk());
        }
        mvc.perform(quantize(RTN, "198.51.100.1")).andExpect(status().isTooManyRequests());
    }

    private static MockHttpServletRequestBuilder quantize(String body, String clientAddress) {
        return post("/api/v1/quantize").contentType(MediaType.APPLICATION_JSON).content(body)
                .with(request -> {
                    request.setRemoteAddr(clientAddress);
                    return request;
                });
    }
}
