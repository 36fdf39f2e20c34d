package io.agentassist.app.wiring;

import static org.assertj.core.api.Assertions.assertThat;

import io.agentassist.app.AppDirectories;
import io.agentassist.core.config.AssistConfig;
import io.agentassist.core.llm.ModelSettings;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DesktopWiringTest {
    @TempDir
    Path data;

    @Test
    void onAFreshMachineWithoutANameTheWorkstationLoginApprovesAndRepliesAreSignedByTheTeam() {
        try (var wiring = new DesktopWiring(new AppDirectories(data), AssistConfig.defaults(), Clock.systemUTC())) {
            var services = wiring.services(new AssistServices(AssistConfig.defaults(), Clock.systemUTC()),
                    AssistConfig.defaults());

            assertThat(services.approver()).isEqualTo(System.getProperty("user.name")).isNotBlank();
            assertThat(services.agent().name()).isEqualTo("Support team");
        }
    }

    @Test
    void aConfiguredNameApprovesAndSigns() {
        var named = new AssistConfig(ModelSettings.unconfigured(), "Sam Rivera", "Sam, Fernway support",
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), List.of());
        try (var wiring = new DesktopWiring(new AppDirectories(data), named, Clock.systemUTC())) {
            var services = wiring.services(new AssistServices(named, Clock.systemUTC()), named);

            assertThat(services.approver()).isEqualTo("Sam Rivera");
            assertThat(services.agent().name()).isEqualTo("Sam Rivera");
        }
    }
}
