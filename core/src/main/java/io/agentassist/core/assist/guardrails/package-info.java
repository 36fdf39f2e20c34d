/**
 * Checks that run in code after a reply has been generated, and detectors that read the ticket. Each finding
 * becomes a {@link io.agentassist.core.model.Flag} with an explanation written for the agent, never for a
 * developer: what was found, where, and what to do about it.
 *
 * <p>Nothing here changes a draft or the prompt. The model is told to cite, to stay within its sources and
 * never to promise; these checks exist because being told is not the same as doing, and because an agent
 * approving a reply should see at a glance what the assistant could not back up. They are deterministic and
 * explainable on purpose: a flag the agent cannot understand is a flag the agent learns to ignore.
 *
 * <p>{@link io.agentassist.core.assist.guardrails.DraftGuardrails} runs every check;
 * {@link io.agentassist.core.assist.guardrails.PiiRedactor} keeps personal data out of the prompt and puts it
 * back into the model's answer.
 */
package io.agentassist.core.assist.guardrails;
