package io.agentassist.core.approval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.agentassist.core.approval.ApprovalRefusedException.Reason;
import io.agentassist.core.model.Author;
import io.agentassist.core.model.Draft;
import io.agentassist.core.model.DraftState;
import io.agentassist.core.model.Flag;
import io.agentassist.core.model.FlagKind;
import io.agentassist.core.model.Message;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ApprovalServiceTest {
    private static final Instant NOW = Instant.parse("2026-03-02T09:20:31.123456789Z");
    private static final String AI_TEXT = "Your refund of 20 EUR will arrive within 14 days.";
    private static final Flag REFUND = Flag.blocking(FlagKind.COMMITMENT, "promises a refund");
    private static final Flag AMOUNT = Flag.blocking(FlagKind.UNSUPPORTED_NUMBER, "20 EUR is in no cited passage");
    private static final Flag OFFLINE = Flag.info(FlagKind.OFFLINE, "made without a language model");

    private final Set<String> approvedDrafts = new HashSet<>();
    private final ApprovalService service =
            new ApprovalService(Clock.fixed(NOW, ZoneOffset.UTC), approvedDrafts::contains);

    @Test
    void anApprovedDraftCarriesTheAgentsFinalTextAndItsTicket() throws Exception {
        Draft draft = Drafts.suggested("d-1", "T-1", AI_TEXT);

        ApprovedReply reply = service.approve(
                AgentApproval.ofDraft("alice", "T-1", draft, "Your refund will arrive within 14 days.", List.of()));

        assertThat(reply.ticketId()).isEqualTo("T-1");
        assertThat(reply.draftId()).contains("d-1");
        assertThat(reply.agent()).isEqualTo("alice");
        assertThat(reply.text()).isEqualTo("Your refund will arrive within 14 days.");
        assertThat(reply.approvedAt()).isEqualTo(Instant.parse("2026-03-02T09:20:31.123456Z"));
        assertThat(reply.blockingFlagsConfirmed()).isFalse();
        assertThat(reply.idempotencyKey()).isNotNull();
    }

    @Test
    void approvalRecordsHowMuchTheAgentChangedTheSuggestion() throws Exception {
        Draft draft = Drafts.suggested("d-1", "T-1", "Returns are free within 14 days.");

        ApprovedReply unchanged = service.approve(
                AgentApproval.ofDraft("alice", "T-1", draft, "Returns are free within 14 days.", List.of()));
        approvedDrafts.clear();
        ApprovedReply corrected = service.approve(
                AgentApproval.ofDraft("alice", "T-1", draft, "Returns are free within 30 days.", List.of()));

        assertThat(unchanged.edit()).contains(new EditAudit(0, 0.0));
        assertThat(corrected.edit()).hasValueSatisfying(edit -> {
            assertThat(edit.distance()).isEqualTo(2);
            assertThat(edit.ratio()).isCloseTo(2.0 / 32, within(1e-12));
        });
    }

    @Test
    void draftWithUnconfirmedBlockingFlagsCannotBeApproved() {
        Draft draft = Drafts.suggested("d-1", "T-1", AI_TEXT, REFUND, AMOUNT);

        assertThatThrownBy(() -> service.approve(AgentApproval.ofDraft("alice", "T-1", draft, AI_TEXT, List.of())))
                .isInstanceOfSatisfying(ApprovalRefusedException.class, refused -> {
                    assertThat(refused.reason()).isEqualTo(Reason.UNCONFIRMED_BLOCKING_FLAGS);
                    assertThat(refused.unconfirmedFlags()).containsExactly(REFUND, AMOUNT);
                    assertThat(refused.getMessage()).isEqualTo("Confirm these 2 flags before approving: "
                            + "COMMITMENT (promises a refund); UNSUPPORTED_NUMBER (20 EUR is in no cited passage)");
                });
    }

    @Test
    void confirmingSomeOfTheBlockingFlagsIsNotEnough() {
        Draft draft = Drafts.suggested("d-1", "T-1", AI_TEXT, REFUND, AMOUNT);

        assertThatThrownBy(() -> service.approve(
                AgentApproval.ofDraft("alice", "T-1", draft, AI_TEXT, List.of(REFUND))))
                .isInstanceOfSatisfying(ApprovalRefusedException.class,
                        refused -> assertThat(refused.unconfirmedFlags()).containsExactly(AMOUNT));
    }

    @Test
    void aConfirmationOfAnotherFlagOfTheSameKindDoesNotCount() {
        Draft draft = Drafts.suggested("d-1", "T-1", AI_TEXT, REFUND);
        Flag olderFlag = Flag.blocking(FlagKind.COMMITMENT, "promises a discount");

        assertThatThrownBy(() -> service.approve(
                AgentApproval.ofDraft("alice", "T-1", draft, AI_TEXT, List.of(olderFlag))))
                .isInstanceOfSatisfying(ApprovalRefusedException.class,
                        refused -> assertThat(refused.unconfirmedFlags()).containsExactly(REFUND));
    }

    @Test
    void aDraftWhoseBlockingFlagsWereAllConfirmedIsApprovedAndSaysSo() throws Exception {
        Draft draft = Drafts.suggested("d-1", "T-1", AI_TEXT, REFUND, AMOUNT, OFFLINE);

        ApprovedReply reply = service.approve(
                AgentApproval.ofDraft("alice", "T-1", draft, AI_TEXT, List.of(AMOUNT, REFUND)));

        assertThat(reply.blockingFlagsConfirmed()).isTrue();
    }

    @Test
    void informationalFlagsNeedNoConfirmation() throws Exception {
        Draft draft = Drafts.suggested("d-1", "T-1", AI_TEXT, OFFLINE);

        ApprovedReply reply = service.approve(AgentApproval.ofDraft("alice", "T-1", draft, AI_TEXT, List.of()));

        assertThat(reply.blockingFlagsConfirmed()).isFalse();
    }

    @Test
    void aBlankTextCannotBeApproved() {
        Draft draft = Drafts.suggested("d-1", "T-1", AI_TEXT);

        for (String blank : List.of("", "   ", "\n\t ")) {
            assertRefused(AgentApproval.ofDraft("alice", "T-1", draft, blank, List.of()), Reason.BLANK_TEXT);
            assertRefused(AgentApproval.written("alice", "T-1", blank), Reason.BLANK_TEXT);
        }
        assertRefused(AgentApproval.written("alice", "T-1", null), Reason.BLANK_TEXT);
    }

    @ParameterizedTest
    @EnumSource(value = DraftState.class, names = {"SENT", "DISCARDED", "SUPERSEDED"})
    void aSentDiscardedOrSupersededDraftCannotBeApproved(DraftState state) {
        Draft draft = Drafts.suggested("d-1", "T-1", AI_TEXT).withState(state);

        assertRefused(AgentApproval.ofDraft("alice", "T-1", draft, AI_TEXT, List.of()), Reason.DRAFT_CLOSED);
    }

    @Test
    void anEditedDraftCanBeApproved() throws Exception {
        Draft draft = Drafts.suggested("d-1", "T-1", AI_TEXT).withState(DraftState.EDITED);

        assertThat(service.approve(AgentApproval.ofDraft("alice", "T-1", draft, "Edited.", List.of())).draftId())
                .contains("d-1");
    }

    @Test
    void approvingTheSameDraftTwiceIsRefused() throws Exception {
        Draft draft = Drafts.suggested("d-1", "T-1", AI_TEXT);
        ApprovedReply first = service.approve(AgentApproval.ofDraft("alice", "T-1", draft, AI_TEXT, List.of()));
        approvedDrafts.add(first.draftId().orElseThrow()); // what enqueueing it in the outbox records

        // The same (stale) copy of the draft, and the copy the store holds after approval.
        assertRefused(AgentApproval.ofDraft("alice", "T-1", draft, AI_TEXT, List.of()), Reason.ALREADY_APPROVED);
        assertRefused(AgentApproval.ofDraft("bob", "T-1", draft.withState(DraftState.APPROVED), AI_TEXT, List.of()),
                Reason.ALREADY_APPROVED);
    }

    @Test
    void aDraftOfAnotherTicketCannotBeApproved() {
        Draft draft = Drafts.suggested("d-1", "T-2", AI_TEXT);

        ApprovalRefusedException refused = assertRefused(
                AgentApproval.ofDraft("alice", "T-1", draft, AI_TEXT, List.of()), Reason.OTHER_TICKET);
        assertThat(refused.getMessage()).isEqualTo("Draft d-1 answers ticket T-2, not ticket T-1.");
    }

    @Test
    void anApprovalNeedsAnAgentAndATicket() {
        assertRefused(AgentApproval.written(" ", "T-1", "Hello"), Reason.NO_AGENT);
        assertRefused(AgentApproval.written(null, "T-1", "Hello"), Reason.NO_AGENT);
        assertRefused(AgentApproval.written("alice", "", "Hello"), Reason.NO_TICKET);
    }

    @Test
    void aReplyWrittenFromScratchHasNoDraftAndNoEditFigures() throws Exception {
        ApprovedReply reply = service.approve(AgentApproval.written("alice", "T-1", "Thanks, all sorted."));

        assertThat(reply.draftId()).isEmpty();
        assertThat(reply.edit()).isEmpty();
        assertThat(reply.blockingFlagsConfirmed()).isFalse();
        assertThat(reply.text()).isEqualTo("Thanks, all sorted.");
    }

    @Test
    void theApprovedTextIsKeptExactlyAsTheAgentLeftIt() throws Exception {
        String text = "  Hi Sam,\n\nall sorted.\n";

        assertThat(service.approve(AgentApproval.written("alice", "T-1", text)).text()).isEqualTo(text);
    }

    @Test
    void everyApprovalHasItsOwnIdempotencyKey() throws Exception {
        ApprovedReply first = service.approve(AgentApproval.written("alice", "T-1", "One."));
        ApprovedReply second = service.approve(AgentApproval.written("alice", "T-1", "One."));

        assertThat(first.idempotencyKey()).isNotEqualTo(second.idempotencyKey());
        assertThat(first).isNotEqualTo(second);
    }

    @Test
    void aReplyBecomesAnAgentMessageWhoseIdIsItsIdempotencyKey() throws Exception {
        ApprovedReply reply = service.approve(AgentApproval.written("alice", "T-1", "Thanks, all sorted."));

        assertThat(reply.asMessage()).isEqualTo(new Message(reply.idempotencyKey().toString(), Author.AGENT,
                "Thanks, all sorted.", reply.approvedAt()));
    }

    @Test
    void aReplyDoesNotShowItsTextInLogs() throws Exception {
        ApprovedReply reply = service.approve(AgentApproval.written("alice", "T-1", "My IBAN is DE89 3704"));

        assertThat(reply.toString()).doesNotContain("IBAN").contains(reply.idempotencyKey().toString());
    }

    private ApprovalRefusedException assertRefused(AgentApproval approval, Reason reason) {
        try {
            ApprovedReply reply = service.approve(approval);
            throw new AssertionError("expected a refusal (" + reason + ") but got " + reply);
        } catch (ApprovalRefusedException refused) {
            assertThat(refused.reason()).as(refused.getMessage()).isEqualTo(reason);
            return refused;
        }
    }
}
