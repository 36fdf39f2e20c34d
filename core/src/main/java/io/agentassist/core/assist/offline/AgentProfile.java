package io.agentassist.core.assist.offline;

/**
 * The agent a draft is written for: {@code name} signs an e-mail; {@code signature} (may be several lines,
 * may repeat the name) follows it. Both are the agent's own text and are quoted as they are.
 */
public record AgentProfile(String name, String signature) {
    public AgentProfile {
        name = name == null ? "" : name.strip();
        signature = signature == null ? "" : signature.strip();
    }
}
