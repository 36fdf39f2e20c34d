package io.agentassist.core.llm;

/** The role of one message of a chat prompt. */
public enum PromptRole {
    SYSTEM,
    USER,
    ASSISTANT
}
