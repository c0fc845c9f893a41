package app.bytewise.oracle.llamacpp;

import java.lang.foreign.MemorySegment;
import java.util.function.Consumer;

/**
 * The target of llama.cpp's log callback ({@code ggml_log_callback} in ggml.h: level, text, user
 * data). Messages arrive in pieces, a continuation having level {@code GGML_LOG_LEVEL_CONT}, so
 * pieces are joined and handed on a whole line at a time.
 */
final class LogLines {

    /** {@code enum ggml_log_level}: 1 debug, 2 info, 3 warn, 4 error. */
    record Line(int level, String text) {
    }

    private static final int CONT = 5;

    private final Consumer<Line> sink;
    private final StringBuilder pending = new StringBuilder();
    private int level = 2;

    LogLines(Consumer<Line> sink) {
        this.sink = sink;
    }

    /** Called from native code, maybe on a llama.cpp thread; an exception here would crash the JVM. */
    synchronized void accept(int level, MemorySegment text, MemorySegment userData) {
        try {
            if (level != CONT) {
                this.level = level;
            }
            pending.append(text.reinterpret(Long.MAX_VALUE).getString(0));
            int newline;
            while ((newline = pending.indexOf("\n")) >= 0) {
                sink.accept(new Line(this.level, pending.substring(0, newline)));
                pending.delete(0, newline + 1);
            }
        } catch (Throwable t) {
            pending.setLength(0);
        }
    }

    synchronized void flush() {
        if (!pending.isEmpty()) {
            sink.accept(new Line(level, pending.toString()));
            pending.setLength(0);
        }
    }
}
