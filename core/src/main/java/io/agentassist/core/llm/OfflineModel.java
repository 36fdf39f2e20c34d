package io.agentassist.core.llm;

import io.agentassist.core.llm.ModelCallException.Kind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The language model when none is configured: the product works offline (search, templates, manual replies)
 * and every model call fails at once with {@link Kind#NOT_CONFIGURED}.
 */
public final class OfflineModel implements LanguageModel {

    static final String MESSAGE = "no language model is configured (set llm.base_url and llm.model in the"
            + " config file, or ASSIST_LLM_BASE_URL and ASSIST_LLM_MODEL)";

    private static final Logger LOG = LoggerFactory.getLogger(LanguageModel.class.getPackageName() + ".calls");

    @Override
    public boolean isConfigured() {
        return false;
    }

    @Override
    public String modelName() {
        return "";
    }

    @Override
    public ModelReply complete(ChatPrompt prompt, Cancellation cancellation) throws ModelCallException {
        throw refuse(prompt, "complete");
    }

    @Override
    public void stream(ChatPrompt prompt, StreamObserver observer, Cancellation cancellation) {
        observer.failed(refuse(prompt, "stream"));
    }

    private static ModelCallException refuse(ChatPrompt prompt, String mode) {
        LOG.info("model call NOT_CONFIGURED prompt={} version={} model= mode={} latency_ms=0 attempts=0",
                prompt.promptId(), prompt.promptVersion(), mode);
        return new ModelCallException(Kind.NOT_CONFIGURED, MESSAGE);
    }

    @Override
    public String toString() {
        return "OfflineModel";
    }
}
