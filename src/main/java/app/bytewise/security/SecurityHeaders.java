package app.bytewise.security;

import org.springframework.security.config.Customizer;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.web.header.HeaderWriterFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.header.writers.StaticHeadersWriter;

/**
 * Response headers for both filter chains, after the OWASP HTTP Headers Cheat Sheet. Spring Security
 * already sends {@code X-Content-Type-Options: nosniff} and no-store caching for authenticated pages;
 * this adds the rest. HSTS (RFC 6797) is written only on requests that arrived over HTTPS, as the
 * RFC requires; behind a TLS-terminating proxy set {@code server.forward-headers-strategy=native}
 * so the request counts as secure.
 */
final class SecurityHeaders {

    /**
     * Vaadin Flow needs {@code 'unsafe-inline'} for the styles it sets on elements and the bootstrap
     * script in its index page, and {@code 'unsafe-eval'} because the client runs server-sent
     * JavaScript ({@code executeJs}) through {@code new Function}; everything else is same-origin only.
     */
    static final String DEFAULT_CSP = "default-src 'self'; script-src 'self' 'unsafe-inline' 'unsafe-eval'; "
            + "style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; "
            + "connect-src 'self'; worker-src 'self' blob:; object-src 'none'; base-uri 'self'; "
            + "form-action 'self'; frame-ancestors 'none'";

    private SecurityHeaders() {
    }

    static Customizer<HeadersConfigurer<HttpSecurity>> standard(String contentSecurityPolicy) {
        return headers -> headers
                .withObjectPostProcessor(new WriteEagerly())
                .contentTypeOptions(Customizer.withDefaults())
                .frameOptions(frame -> frame.deny())
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
                .contentSecurityPolicy(csp -> csp.policyDirectives(contentSecurityPolicy))
                .httpStrictTransportSecurity(hsts -> hsts.includeSubDomains(true).maxAgeInSeconds(31_536_000))
                .addHeaderWriter(new StaticHeadersWriter("Permissions-Policy",
                        "camera=(), microphone=(), geolocation=(), payment=()"));
    }

    /**
     * Headers are normally added when the response commits; Vaadin writes its index page in a way
     * that commit detection misses, so the page went out without them. Writing them before the
     * request is handled covers every response.
     */
    private static final class WriteEagerly implements ObjectPostProcessor<HeaderWriterFilter> {
        @Override
        public <O extends HeaderWriterFilter> O postProcess(O filter) {
            filter.setShouldWriteHeadersEagerly(true);
            return filter;
        }
    }
}
