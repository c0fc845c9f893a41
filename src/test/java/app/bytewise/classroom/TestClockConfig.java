package app.bytewise.classroom;

import app.bytewise.TestClock;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/** Replaces the system clock with one the classroom tests set. */
@TestConfiguration
class TestClockConfig {

    @Bean
    @Primary
    TestClock testClock() {
        return new TestClock(ClassroomTestBase.START);
    }
}
