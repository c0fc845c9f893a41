package app.bytewise.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.core.userdetails.User;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * {@code Authorization: Bearer <token>} on the API chain (RFC 6750 §2.1): a valid personal token
 * signs the request in as its owner for that request only; an unknown or revoked one is a 401 with
 * {@code error="invalid_token"} (§3.1), never a fall-back to anonymous. Requests without a bearer
 * header pass on to HTTP Basic. Built by {@link SecurityConfig}, not a bean, so it runs only in that chain.
 */
final class BearerTokenFilter extends OncePerRequestFilter {

    private static final String SCHEME = "Bearer";

    private final ApiTokenService tokens;
    /**
     * The application context's strategy, the one Spring Security's own filters in this chain use
     * (Vaadin registers one as a bean and sets it globally whenever a context starts): with two
     * contexts in one JVM, as tests have, the global one may be another context's.
     */
    private final SecurityContextHolderStrategy holder;

    BearerTokenFilter(ApiTokenService tokens, SecurityContextHolderStrategy holder) {
        this.tokens = tokens;
        this.holder = holder;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        // The scheme is case-insensitive (RFC 9110 §11.1); "Bearer" with no token is a bad token, not Basic.
        if (header == null || !header.regionMatches(true, 0, SCHEME, 0, SCHEME.length())
                || header.length() > SCHEME.length() && header.charAt(SCHEME.length()) != ' ') {
            chain.doFilter(request, response);
            return;
        }
        Optional<UserAccount> owner = tokens.authenticate(header.substring(SCHEME.length()).strip());
        if (owner.isEmpty()) {
            holder.clearContext();
            ApiChallenge.unauthorized(response, ApiChallenge.BEARER_INVALID);
            return;
        }
        UserAccount account = owner.get();
        var authorities = List.of(new SimpleGrantedAuthority(account.getRole().authority()));
        var principal = User.withUsername(account.getUsername()).password("").authorities(authorities).build();
        SecurityContext context = holder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(principal, null, authorities));
        holder.setContext(context);
        chain.doFilter(request, response);
    }
}
