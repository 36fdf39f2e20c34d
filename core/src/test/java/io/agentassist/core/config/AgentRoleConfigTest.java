package io.agentassist.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code agent.role} and {@code ASSIST_AGENT_ROLE}: who gets the review modes in the window. */
class AgentRoleConfigTest {
    @TempDir
    Path home;
    private final Map<String, String> env = new HashMap<>();

    private Path config(String line) throws IOException {
        Path folder = Files.createDirectories(home.resolve(".config/agent-assist"));
        return Files.writeString(folder.resolve("config.properties"), line + "\n");
    }

    @Test
    void withoutARoleTheUserIsAnAgent() throws Exception {
        assertThat(new AssistConfigLoader(env, home).load().role()).isEqualTo(AgentRole.AGENT);
        assertThat(AssistConfig.defaults().role()).isEqualTo(AgentRole.AGENT);
    }

    @Test
    void theFileMakesALeadAndTheEnvironmentOverridesIt() throws Exception {
        config("agent.role = Lead");
        assertThat(new AssistConfigLoader(env, home).load().role()).isEqualTo(AgentRole.LEAD);

        env.put("ASSIST_AGENT_ROLE", "agent");
        assertThat(new AssistConfigLoader(env, home).load().role()).isEqualTo(AgentRole.AGENT);
    }

    @Test
    void anUnknownRoleIsAMistakeNamingTheKey() throws Exception {
        config("agent.role = boss");
        assertThatThrownBy(() -> new AssistConfigLoader(env, home).load())
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("agent.role").hasMessageContaining("agent or lead");
    }
}
