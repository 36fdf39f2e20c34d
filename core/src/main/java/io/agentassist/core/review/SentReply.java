package io.agentassist.core.review;

import io.agentassist.core.model.Channel;
import io.agentassist.core.model.Citation;
import io.agentassist.core.model.Customer;
import io.agentassist.core.model.Feedback;
import io.agentassist.core.model.Flag;
import io.agentassist.core.model.FlagKind;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One row of the review table: a suggestion that an agent approved and that was sent, with everything a
 * team lead judges it by.
 *
 * @param aiText       what the assistant proposed, unchanged
 * @param finalText    what the customer received: the approved reply as queued for sending
 * @param editRatio    the character-level edit ratio from {@code aiText} to the approved text, as recorded at
 *                     approval (0 = unchanged, 1 = nothing kept)
 * @param citations    the passages the suggestion cited
 * @param flags        the guardrail flags the suggestion carried when it was approved
 * @param feedback     the agent's thumbs up or down, oldest first
 * @param latestReview the newest team-lead review, if any
 */
public record SentReply(
        String draftId,
        String ticketId,
        String subject,
        Channel channel,
        Customer customer,
        String agent,
        String aiText,
        String finalText,
        Instant suggestedAt,
        Optional<Instant> firstEditAt,
        Instant approvedAt,
        Instant sentAt,
        double editRatio,
        List<Citation> citations,
        List<Flag> flags,
        List<Feedback> feedback,
        Optional<DraftReview> latestReview) {

    public SentReply {
        Objects.requireNonNull(draftId, "draftId");
        Objects.requireNonNull(ticketId, "ticketId");
        subject = subject == null ? "" : subject;
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(customer, "customer");
        agent = agent == null ? "" : agent;
        aiText = aiText == null ? "" : aiText;
        finalText = finalText == null ? "" : finalText;
        Objects.requireNonNull(suggestedAt, "suggestedAt");
        firstEditAt = firstEditAt == null ? Optional.empty() : firstEditAt;
        Objects.requireNonNull(approvedAt, "approvedAt");
        Objects.requireNonNull(sentAt, "sentAt");
        if (!(editRatio >= 0.0 && editRatio <= 1.0)) {
            throw new IllegalArgumentException("draft " + draftId + ": edit ratio must be from 0 to 1, was " + editRatio);
        }
        citations = List.copyOf(citations);
        flags = List.copyOf(flags);
        feedback = List.copyOf(feedback);
        latestReview = latestReview == null ? Optional.empty() : latestReview;
    }

    /** From the suggestion appearing to the agent approving it. */
    public Duration timeToApprove() {
        return Duration.between(suggestedAt, approvedAt);
    }

    public UsageBucket bucket() {
        return UsageBucket.ofSent(editRatio);
    }

    public Rating rating() {
        return Rating.of(feedback);
    }

    /** The kinds of flag the suggestion carried, each once, in the order first flagged. */
    public Set<FlagKind> flagKinds() {
        Set<FlagKind> kinds = new LinkedHashSet<>();
        flags.forEach(flag -> kinds.add(flag.kind()));
        return kinds;
    }

    /** The word-level diff of the suggestion against the reply sent. */
    public WordDiff diff() {
        return WordDiff.between(aiText, finalText);
    }

    public SentReply withLatestReview(DraftReview review) {
        return new SentReply(draftId, ticketId, subject, channel, customer, agent, aiText, finalText, suggestedAt,
                firstEditAt, approvedAt, sentAt, editRatio, citations, flags, feedback, Optional.of(review));
    }
}
