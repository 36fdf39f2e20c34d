/**
 * The team lead's modes of the window: the review workspace (sent replies, their word diffs, rubric scoring and
 * coaching, CSV export) and the dashboard (usage over time, edit ratios, flags, approval times, most-cited
 * articles, knowledge gaps with article drafts), plus the coaching card an agent reads on their own tickets.
 * View models hold state and commands and run their work through the {@code TaskRunner}; the views bind to
 * them. Everything is read and written through core's {@code ReviewDesk}.
 */
package io.agentassist.app.review;
