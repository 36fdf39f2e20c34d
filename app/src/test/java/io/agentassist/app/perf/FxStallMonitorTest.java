package io.agentassist.app.perf;

import static org.assertj.core.api.Assertions.assertThat;

import io.agentassist.app.FxToolkit;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Runs on the headless glass platform that surefire configures for the app's tests. */
class FxStallMonitorTest {

    @Test
    void aBlockedFxThreadIsReportedWithWhatItWasDoing() throws Exception {
        FxToolkit.start();
        FxToolkit.onFxThread(() -> null); // whatever the toolkit's start queued (the theme) has run
        List<FxStallMonitor.Stall> stalls = new CopyOnWriteArrayList<>();
        var culpritSeen = new CountDownLatch(1);
        try (FxStallMonitor monitor = FxStallMonitor.start(Duration.ofMillis(10), Duration.ofMillis(50), stall -> {
            stalls.add(stall);
            if (blamesTheBlock(stall)) {
                culpritSeen.countDown();
            }
        })) {
            awaitHeartbeats(monitor, 3);
            FxToolkit.onFxThread(() -> {
                blockTheFxThreadFor(Duration.ofMillis(120));
                return null;
            });

            assertThat(culpritSeen.await(5, TimeUnit.SECONDS))
                    .as("a stall sampled inside the block; reported: %s", stalls).isTrue();
            FxStallMonitor.Stall stall = stalls.stream().filter(FxStallMonitorTest::blamesTheBlock).findFirst().orElseThrow();
            assertThat(stall.millis()).isGreaterThan(50);
            assertThat(stall.describe()).startsWith("The FX thread stalled").contains("blockTheFxThreadFor");
            FxStallMonitor.Snapshot seen = monitor.snapshot();
            assertThat(seen.stalls()).isGreaterThanOrEqualTo(1);
            assertThat(seen.maxMillis()).isGreaterThanOrEqualTo(stall.millis());
            assertThat(seen.heartbeats()).isGreaterThan(seen.stalls());
        }
    }

    private static void awaitHeartbeats(FxStallMonitor monitor, long count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (monitor.snapshot().heartbeats() < count) {
            assertThat(System.nanoTime()).as("%d heartbeats within 5 s", count).isLessThan(deadline);
            Thread.sleep(5);
        }
    }

    private static boolean blamesTheBlock(FxStallMonitor.Stall stall) {
        return stall.fxStack().stream().anyMatch(frame -> frame.getMethodName().equals("blockTheFxThreadFor"));
    }

    @Test
    void itIsOffUnlessAskedFor() {
        assertThat(FxStallMonitor.requested(Map.of(), null)).isFalse();
        assertThat(FxStallMonitor.requested(Map.of(FxStallMonitor.ENVIRONMENT_VARIABLE, "0"), null)).isFalse();
        assertThat(FxStallMonitor.requested(Map.of(FxStallMonitor.ENVIRONMENT_VARIABLE, "1"), null)).isTrue();
        assertThat(FxStallMonitor.requested(Map.of(), "true")).isTrue();
        assertThat(FxStallMonitor.requested(Map.of(FxStallMonitor.ENVIRONMENT_VARIABLE, "1"), "false"))
                .as("the system property wins").isFalse();
    }

    private static void blockTheFxThreadFor(Duration duration) throws InterruptedException {
        long until = System.nanoTime() + duration.toNanos();
        while (System.nanoTime() < until) {
            Thread.sleep(5);
        }
    }
}
