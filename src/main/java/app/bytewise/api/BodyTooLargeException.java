package app.bytewise.api;

import java.io.IOException;

/** Thrown by a request body stream once more bytes arrive than the API accepts; answered with 413. */
class BodyTooLargeException extends IOException {

    private final long limit;

    BodyTooLargeException(long limit) {
        super("Request body larger than " + limit + " bytes");
        this.limit = limit;
    }

    long limit() {
        return limit;
    }
}
