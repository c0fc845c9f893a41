package app.bytewise;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A UTC clock tests set and advance, safe to read from several threads; {@link #beforeEachRead} lets a test line threads up at a chosen moment. */
public final class TestClock extends Clock {

    private volatile Instant now;
    private volatile Runnable beforeEachRead = () -> { };

    public TestClock(Instant now) {
        this.now = now;
    }

    public void set(Instant instant) {
        now = instant;
    }

    public void advance(Duration by) {
        now = now.plus(by);
    }

    public void beforeEachRead(Runnable hook) {
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
