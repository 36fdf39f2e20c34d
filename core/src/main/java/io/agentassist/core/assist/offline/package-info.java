/**
 * Offline mode: what the co-pilot suggests when no language model is configured, which is the default.
 *
 * <p>{@link io.agentassist.core.assist.offline.OfflineReplyDrafter} drafts a reply by quoting the retrieved
 * passages' own sentences, each with the citation marker of its passage, inside fixed wording for the
 * channel and the customer's language; when nothing retrieved answers the question, the draft says the agent
 * will check and get back, and cites nothing. {@link io.agentassist.core.assist.offline.ExtractiveSummarizer}
 * summarises a ticket from its own sentences. Neither invents anything: every fact in their output was
 * written by the knowledge base or by someone in the ticket, which is what makes them safe to offer without
 * a model. Both are plain word matching (English stop words and stems); drafts and summaries are labelled
 * "offline" so the agent knows what made them.
 */
package io.agentassist.core.assist.offline;
