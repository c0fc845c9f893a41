package app.bytewise.security;

import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.security.crypto.password.PasswordEncoder;

/** Counts password comparisons, so a test can see which sign-ins cost a bcrypt check. */
final class CountingEncoder implements PasswordEncoder {

    final AtomicInteger matches = new AtomicInteger();
    private final PasswordEncoder delegate;

    CountingEncoder(PasswordEncoder delegate) {
        this.delegate = delegate;
    }

    @Override
    public String encode(CharSequence raw) {
        return delegate.encode(raw);
    }

    @Override
    public boolean matches(CharSequence raw, String encoded) {
        matches.incrementAndGet();
        return delegate.matches(raw, encoded);
    }
}
