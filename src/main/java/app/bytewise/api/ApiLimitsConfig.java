package app.bytewise.api;

import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.jackson.autoconfigure.JsonFactoryBuilderCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import tools.jackson.core.StreamReadConstraints;

/**
 * Size limits for the REST API, each configurable under {@code bytewise.api.*}: body bytes, JSON
 * nesting and token sizes, and the quantize rate limit. Jackson's own defaults allow 500 levels
 * of nesting and 20 MB strings; no request here nests deeper than 4 or needs a string longer than a
 * model id, so the limits are far tighter (OWASP Denial of Service Cheat Sheet, "Input validation").
 */
@Configuration
class ApiLimitsConfig {

    @Bean
    FilterRegistrationBean<ApiRequestGuardFilter> apiRequestGuardFilter(
            @Value("${bytewise.api.max-body-bytes:8388608}") long maxBodyBytes) {
        var registration = new FilterRegistrationBean<>(new ApiRequestGuardFilter(maxBodyBytes));
        registration.addUrlPatterns("/api/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10); // before security and before anything reads the body
        return registration;
    }

    @Bean
    JsonFactoryBuilderCustomizer jsonReadLimits(@Value("${bytewise.api.max-json-depth:32}") int maxDepth) {
        return builder -> builder.streamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(maxDepth)
                .maxStringLength(1 << 20)
                .maxNumberLength(64)
                .build());
    }

    @Bean
    QuantizeRateLimit quantizeRateLimit(@Value("${bytewise.api.quantize-rate.enabled:true}") boolean enabled,
            @Value("${bytewise.api.quantize-rate.capacity:300}") int capacity,
            @Value("${bytewise.api.quantize-rate.refill-period:1m}") Duration refillPeriod,
            @Value("${bytewise.api.quantize-rate.token-cost:100ms}") Duration tokenCost, Clock clock) {
        return new QuantizeRateLimit(enabled, capacity, refillPeriod, tokenCost, clock);
    }
}
