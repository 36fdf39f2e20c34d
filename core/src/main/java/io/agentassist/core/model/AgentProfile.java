package io.agentassist.core.model;

/** The agent a reply is written for: the name used in sign-offs and the signature block. */
public record AgentProfile(String name, String signature) {
    public AgentProfile {
        name = name == null || name.isBlank() ? "Support team" : name.strip();
        signature = signature == null || signature.isBlank() ? name : signature.strip();
    }
}
