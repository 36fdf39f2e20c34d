/**
 * The reply desk: the one place the agent's actions on a ticket's reply go through (offer, edit, discard,
 * feedback, supersede, approve and send), so that the draft's audit trail, the approval, the outbox and the
 * ticket's conversation cannot drift apart.
 */
package io.agentassist.core.desk;
