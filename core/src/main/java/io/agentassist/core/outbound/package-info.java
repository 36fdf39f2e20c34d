/**
 * The way out: {@link io.agentassist.core.outbound.OutboundChannel} (accepts only an approved reply), the
 * {@link io.agentassist.core.outbound.OutboxDispatcher} that delivers queued replies at least once, and delivery
 * targets that are idempotent by the reply's key, so the customer receives each reply exactly once even across
 * crashes.
 */
package io.agentassist.core.outbound;
