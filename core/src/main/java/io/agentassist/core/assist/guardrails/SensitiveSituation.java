package io.agentassist.core.assist.guardrails;

/**
 * Situations in which a customer needs a person, not a template. Each says what the agent should do; the
 * order is the order of urgency, so a self-harm flag is always shown first.
 */
public enum SensitiveSituation {
    SELF_HARM("Possible risk of self-harm",
            "Follow the crisis protocol and escalate to your supervisor immediately. Do not send a suggested reply; "
                    + "respond personally."),
    BEREAVEMENT("Bereavement",
            "Reply personally and with care: offer condolences in your own words, and use the bereavement process "
                    + "(closing or transferring the account, waiving fees) where there is one."),
    SERIOUS_ILLNESS("Serious illness",
            "Reply personally: be flexible on deadlines where policy allows, and consider escalating to the team that "
                    + "supports vulnerable customers."),
    FINANCIAL_HARDSHIP("Financial hardship",
            "Reply personally: do not press for payment, and point to hardship options (payment plans, pauses) if we "
                    + "offer them; escalate if unsure."),
    LEGAL_THREAT("Legal threat",
            "Do not admit fault or argue the case. Escalate to a supervisor or the complaints/legal team before "
                    + "replying.");

    private final String label;
    private final String advice;

    SensitiveSituation(String label, String advice) {
        this.label = label;
        this.advice = advice;
    }

    /** What the agent sees as the flag's title, e.g. "Bereavement". */
    public String label() {
        return label;
    }

    /** What the agent should do about it. */
    public String advice() {
        return advice;
    }
}
