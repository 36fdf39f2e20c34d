package io.agentassist.core.model;

/** What a flag is about. Each flag carries an explanation the agent can read. */
public enum FlagKind {
    /** A citation marker that resolves to no passage given to the model. */
    UNKNOWN_CITATION,
    /** A factual sentence without a citation. */
    UNCITED_CLAIM,
    /** A number, price, date, duration or percentage found in no cited passage and not in the ticket. */
    UNSUPPORTED_NUMBER,
    /** A commitment (refund, discount, compensation, legal admission) the agent must decide on. */
    COMMITMENT,
    /** A template placeholder left unfilled, e.g. {@code [CUSTOMER NAME]} or {@code {{order}}}. */
    PLACEHOLDER,
    /** Text of our own instructions that leaked into the draft. */
    PROMPT_LEAK,
    /** A link that comes from no passage. */
    UNKNOWN_LINK,
    /** The customer is frustrated or angry. */
    FRUSTRATION,
    /** Bereavement, serious illness, financial hardship, legal threat or self-harm: needs a personal touch. */
    SENSITIVE_SITUATION,
    /** Retrieval found nothing relevant enough: the draft says so instead of guessing. */
    NO_KNOWLEDGE,
    /** The ticket tries to instruct the assistant ("ignore your instructions"). */
    PROMPT_INJECTION,
    /** The draft was made without a language model. */
    OFFLINE
}
