package app.bytewise.oracle.llamacpp;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A test class that asks the real llama.cpp ({@link LlamaCppOracle}); skipped without it, except in
 * CI, where that fails. See {@link LlamaCppAvailable}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(LlamaCppAvailable.class)
public @interface OnLlamaCpp {
}
