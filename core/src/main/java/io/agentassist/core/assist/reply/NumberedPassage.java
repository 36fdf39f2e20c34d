package io.agentassist.core.assist.reply;

import io.agentassist.core.knowledge.KnowledgeHit;

/** A retrieved passage as the prompt numbers it: marker {@code [n]} in a draft refers to it. */
public record NumberedPassage(int marker, KnowledgeHit hit) {
}
