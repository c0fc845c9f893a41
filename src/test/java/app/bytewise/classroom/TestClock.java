package app.bytewise.classroom;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock tests set and advance; {@link #beforeEachRead} lets a test line threads up at a chosen moment. */
class TestClock extends Clock {

    private volatile Instant now;
    private volatile Runnable beforeEachRead = () -> { };

    TestClock(Instant now) {
        this.now = now;
    }

    void set(Instant instant) {
        now = instant;
    }

    void advance(Duration by) {
        now = now.plus(by);
    }

    void beforeEachRead(Runnable hook) {
        beforeEachRead = hook;
    }

    @Override
    public Instant instant() {
        beforeEachRead.run();
        return now;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
