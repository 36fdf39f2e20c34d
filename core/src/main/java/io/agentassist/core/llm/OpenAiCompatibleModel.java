package io.agentassist.core.llm;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.PartialResponse;
import dev.langchain4j.model.chat.response.PartialResponseContext;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.chat.response.StreamingHandle;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.model.openai.OpenAiStreamingChatModel;
import dev.langchain4j.model.output.FinishReason;
import io.agentassist.core.llm.ModelCallException.Kind;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link LanguageModel} on any endpoint that speaks OpenAI's chat completions API, through LangChain4j's
 * {@link OpenAiChatModel} and {@link OpenAiStreamingChatModel}. Base URLs (the part before
 * {@code /chat/completions}):
 * <table>
 *   <caption>Endpoints known to work</caption>
 *   <tr><th>server</th><th>base URL</th><th>model name</th><th>API key</th></tr>
 *   <tr><td>OpenAI</td><td>{@code https://api.openai.com/v1}</td><td>e.g. {@code gpt-4o-mini}</td>
 *       <td>required</td></tr>
 *   <tr><td>Azure OpenAI (v1 API)</td><td>{@code https://RESOURCE.openai.azure.com/openai/v1}</td>
 *       <td>the deployment name</td><td>the resource key</td></tr>
 *   <tr><td>Ollama</td><td>{@code http://localhost:11434/v1}</td><td>e.g. {@code llama3.1:8b}</td>
 *       <td>none</td></tr>
 *   <tr><td>vLLM</td><td>{@code http://localhost:8000/v1}</td><td>the served model</td>
 *       <td>only if started with {@code --api-key}</td></tr>
 *   <tr><td>LM Studio</td><td>{@code http://localhost:1234/v1}</td><td>the loaded model</td><td>none</td></tr>
 * </table>
 *
 * <p>Retries are ours, not LangChain4j's (its {@code maxRetries} is 0): HTTP 429 and 5xx are tried again after
 * a jittered exponential backoff, or after the endpoint's {@code Retry-After}, as {@link RetryPolicy} says;
 * other failures are final at once. A stream is retried only while none of its text has arrived; after that a
 * failure ends it with {@link StreamObserver#failed}, and the text the observer already has is its to keep.
 * A stream that goes silent for longer than the timeout fails with {@link Kind#TIMEOUT}.
 *
 * <p>Cancelling stops waiting at once: {@link #complete} throws {@link Kind#CANCELLED}, a stream's observer
 * hears {@link StreamObserver#cancelled()} on the cancelling thread and nothing after it. The HTTP exchange is
 * abandoned (a blocking call's thread is interrupted, a stream's body is closed at its next token).
 *
 * <p>Every call leaves one INFO line on the logger {@code io.agentassist.core.llm.calls} with prompt id and
 * version, model, outcome, latency and attempts; never the API key, the prompt or the answer.
 */
public final class OpenAiCompatibleModel implements LanguageModel {

    private static final Logger LOG = LoggerFactory.getLogger(OpenAiCompatibleModel.class);
    /** Beyond the timeout for the answer's first byte, how long a blocking call may take to read the rest. */
    private static final Duration BODY_GRACE = Duration.ofSeconds(10);

    private final ModelSettings settings;
    private final RetryPolicy retryPolicy;
    private final Pause pause;
    private final RandomGenerator random;
    private final ChatModel chatModel;
    private final StreamingChatModel streamingModel;

    /** A model with the default backoff and {@code settings.maxRetries()} retries. */
    public OpenAiCompatibleModel(ModelSettings settings) {
        this(settings, RetryPolicy.withRetries(settings.maxRetries()));
    }

    /** A model that retries as {@code retryPolicy} says (its {@code maxRetries} wins over the settings'). */
    public OpenAiCompatibleModel(ModelSettings settings, RetryPolicy retryPolicy) {
        this(settings, retryPolicy, Pause.REAL, new Random());
    }

    OpenAiCompatibleModel(ModelSettings settings, RetryPolicy retryPolicy, Pause pause, RandomGenerator random) {
        if (!settings.isConfigured()) {
            throw new IllegalArgumentException("no base URL is configured: use LanguageModels.from(settings)");
        }
        this.settings = settings;
        this.retryPolicy = retryPolicy;
        this.pause = pause;
        this.random = random;
        String apiKey = settings.hasApiKey() ? settings.apiKey() : null;
        this.chatModel = OpenAiChatModel.builder()
                .httpClientBuilder(new ModelHttpClient.Builder())
                .baseUrl(settings.baseUrl())
                .apiKey(apiKey)
                .modelName(settings.modelName())
                .timeout(settings.timeout())
                .maxRetries(0)
                .logRequests(false)
                .logResponses(false)
                .build();
        this.streamingModel = OpenAiStreamingChatModel.builder()
                .httpClientBuilder(new ModelHttpClient.Builder())
                .baseUrl(settings.baseUrl())
                .apiKey(apiKey)
                .modelName(settings.modelName())
                .timeout(settings.timeout())
                .logRequests(false)
                .logResponses(false)
                .build();
    }

    @Override
    public boolean isConfigured() {
        return true;
    }

    @Override
    public String modelName() {
        return settings.modelName();
    }

    public ModelSettings settings() {
        return settings;
    }

    @Override
    public String toString() {
        return "OpenAiCompatibleModel[" + settings + "]";
    }

    /** @throws IllegalArgumentException when the prompt has no message to send */
    @Override
    public ModelReply complete(ChatPrompt prompt, Cancellation cancellation) throws ModelCallException {
        CallLog log = new CallLog(prompt, settings.modelName(), "complete");
        ChatRequest request = toRequest(prompt);
        for (int attempt = 1; ; attempt++) {
            Outcome outcome = attemptBlocking(request, cancellation);
            if (outcome instanceof Answered(ChatResponse response) && text(response) != null) {
                ModelReply reply = new ModelReply(text(response), answeringModel(response), log.elapsed(),
                        finishReason(response.finishReason()));
                log.succeeded(reply, attempt);
                return reply;
            }
            Failure failure = outcome instanceof Failed(Failure failed)
                    ? failed
                    : Failure.of(Kind.BAD_RESPONSE, "the model answered without any text");
            if (failure.kind() == Kind.CANCELLED || cancellation.isCancelled()) {
                log.cancelled(attempt);
                throw Failure.cancelled().error();
            }
            Optional<Duration> wait = nextWait(failure, attempt);
            if (wait.isEmpty()) {
                ModelCallException error = finalError(failure, attempt);
                log.failed(error, attempt);
                throw error;
            }
            log.retrying(attempt, failure, wait.get());
            if (!pause.await(wait.get(), cancellation)) {
                log.cancelled(attempt);
                throw Failure.cancelled().error();
            }
        }
    }

    /** @throws IllegalArgumentException when the prompt has no message to send */
    @Override
    public void stream(ChatPrompt prompt, StreamObserver observer, Cancellation cancellation) {
        StreamCall call = new StreamCall(prompt, toRequest(prompt), observer, cancellation);
        Thread.ofVirtual().name("model-stream-call").start(call::run);
    }

    private Outcome attemptBlocking(ChatRequest request, Cancellation cancellation) {
        if (cancellation.isCancelled()) {
            return new Failed(Failure.cancelled());
        }
        FutureTask<ChatResponse> call = new FutureTask<>(() -> chatModel.chat(request));
        Thread.ofVirtual().name("model-call").start(call);
        Duration bound = settings.timeout().multipliedBy(2).plus(BODY_GRACE);
        try (Cancellation.Registration registration = cancellation.onCancel(() -> call.cancel(true))) {
            return new Answered(call.get(bound.toNanos(), TimeUnit.NANOSECONDS));
        } catch (CancellationException e) {
            return new Failed(Failure.cancelled());
        } catch (ExecutionException e) {
            return new Failed(Failure.classify(e.getCause(), settings));
        } catch (TimeoutException e) {
            call.cancel(true);
            return new Failed(Failure.of(Kind.TIMEOUT,
                    "the model did not answer within " + Failure.seconds(bound)));
        } catch (InterruptedException e) {
            call.cancel(true);
            Thread.currentThread().interrupt();
            return new Failed(Failure.cancelled());
        }
    }

    private Optional<Duration> nextWait(Failure failure, int attempt) {
        if (!failure.retriable() || attempt > retryPolicy.maxRetries()) {
            return Optional.empty();
        }
        if (failure.retryAfter().filter(retryPolicy::isTooLong).isPresent()) {
            return Optional.empty();
        }
        return Optional.of(retryPolicy.delayBefore(attempt, failure.retryAfter(), random));
    }

    private ModelCallException finalError(Failure failure, int attempts) {
        ModelCallException error = failure.error();
        String message = error.getMessage();
        Optional<Duration> tooLong = failure.retryAfter().filter(retryPolicy::isTooLong);
        if (tooLong.isPresent()) {
            message += " (it asks us to wait " + Failure.seconds(tooLong.get()) + ")";
        } else if (attempts > 1) {
            message += " (" + attempts + " attempts)";
        }
        return message.equals(error.getMessage()) ? error : new ModelCallException(error.kind(), message, error);
    }

    /** Blank system messages say nothing and LangChain4j refuses them: they are left out. */
    private static ChatRequest toRequest(ChatPrompt prompt) {
        List<ChatMessage> messages = prompt.messages().stream()
                .filter(message -> message.role() != PromptRole.SYSTEM || !message.text().isBlank())
                .map(OpenAiCompatibleModel::toMessage)
                .toList();
        if (messages.isEmpty()) {
            throw new IllegalArgumentException("prompt " + prompt.promptId() + " " + prompt.promptVersion()
                    + " has no messages to send");
        }
        return ChatRequest.builder().messages(messages).temperature(prompt.temperature()).build();
    }

    private static ChatMessage toMessage(PromptMessage message) {
        return switch (message.role()) {
            case SYSTEM -> SystemMessage.from(message.text());
            case USER -> UserMessage.from(message.text());
            case ASSISTANT -> AiMessage.from(message.text());
        };
    }

    private static String text(ChatResponse response) {
        return response.aiMessage() == null ? null : response.aiMessage().text();
    }

    private String answeringModel(ChatResponse response) {
        String model = response.modelName();
        return model == null || model.isBlank() ? settings.modelName() : model;
    }

    /** OpenAI's words where they exist: stop, length, content_filter, tool_execution, other; "" when unknown. */
    private static String finishReason(FinishReason reason) {
        return reason == null ? "" : reason.name().toLowerCase(Locale.ROOT);
    }

    private sealed interface Outcome permits Answered, Failed {
    }

    private record Answered(ChatResponse response) implements Outcome {
    }

    private record Failed(Failure failure) implements Outcome {
    }

    /** One streamed call: its attempts, its state, and the guarantee that the observer hears one ending. */
    private final class StreamCall {
        private final ChatPrompt prompt;
        private final ChatRequest request;
        private final StreamObserver observer;
        private final Cancellation cancellation;
        private final CallLog log;
        private final Object lock = new Object();
        private final StringBuilder received = new StringBuilder();
        private boolean finished;
        private volatile Cancellation.Registration registration;
        private volatile int attempt;
        private volatile long lastActivity;
        private volatile StreamingHandle handle;
        private volatile CompletableFuture<ChatResponse> current;

        StreamCall(ChatPrompt prompt, ChatRequest request, StreamObserver observer, Cancellation cancellation) {
            this.prompt = prompt;
            this.request = request;
            this.observer = observer;
            this.cancellation = cancellation;
            this.log = new CallLog(prompt, settings.modelName(), "stream");
        }

        void run() {
            registration = cancellation.onCancel(this::cancel);
            for (attempt = 1; ; attempt++) {
                if (isFinished()) {
                    return;
                }
                Outcome outcome = attemptStreaming();
                if (isFinished()) {
                    return;
                }
                if (outcome instanceof Answered(ChatResponse response) && response.finishReason() != null) {
                    complete(response);
                    return;
                }
                Failure failure = outcome instanceof Failed(Failure failed)
                        ? failed
                        : Failure.of(Kind.CONNECTION, "the stream ended before the model finished");
                if (failure.kind() == Kind.CANCELLED) {
                    cancel();
                    return;
                }
                int charactersReceived = charactersReceived();
                Optional<Duration> wait = charactersReceived > 0 ? Optional.empty() : nextWait(failure, attempt);
                if (wait.isEmpty()) {
                    ModelCallException error = finalError(failure, attempt);
                    fail(charactersReceived == 0 ? error : new ModelCallException(error.kind(),
                            error.getMessage() + " after " + charactersReceived
                            + (charactersReceived == 1 ? " character" : " characters") + " had arrived", error));
                    return;
                }
                log.retrying(attempt, failure, wait.get());
                String reason = failure.error().getMessage() + "; trying again in " + Failure.seconds(wait.get());
                int next = attempt + 1;
                safely("retrying", () -> observer.retrying(next, reason));
                if (!pause.await(wait.get(), cancellation)) {
                    cancel();
                    return;
                }
            }
        }

        private Outcome attemptStreaming() {
            CompletableFuture<ChatResponse> done = new CompletableFuture<>();
            current = done;
            lastActivity = System.nanoTime();
            try {
                streamingModel.chat(request, new Handler(done));
            } catch (RuntimeException e) {
                return new Failed(Failure.classify(e, settings));
            }
            long idleLimit = settings.timeout().toNanos();
            while (true) {
                long remaining = idleLimit - (System.nanoTime() - lastActivity);
                if (remaining <= 0) {
                    cancelHandle();
                    return new Failed(Failure.of(Kind.TIMEOUT,
                            "the model sent nothing for " + Failure.seconds(settings.timeout())));
                }
                try {
                    return new Answered(done.get(remaining, TimeUnit.NANOSECONDS));
                } catch (TimeoutException stillWaiting) {
                    // loop: a token may have arrived meanwhile and moved the deadline
                } catch (CancellationException e) {
                    return new Failed(Failure.cancelled());
                } catch (ExecutionException e) {
                    return new Failed(Failure.classify(e.getCause(), settings));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return new Failed(Failure.cancelled());
                }
            }
        }

        private void deliver(String text, StreamingHandle streamingHandle) {
            handle = streamingHandle;
            synchronized (lock) {
                if (!finished) {
                    received.append(text);
                    lastActivity = System.nanoTime();
                    safely("partial", () -> observer.partial(text));
                    return;
                }
            }
            cancelHandle();
        }

        private void complete(ChatResponse response) {
            if (!finish()) {
                return;
            }
            String text = text(response);
            ModelReply reply = new ModelReply(text != null ? text : receivedText(), answeringModel(response),
                    log.elapsed(), finishReason(response.finishReason()));
            log.succeeded(reply, attempt);
            safely("completed", () -> observer.completed(reply));
        }

        private void fail(ModelCallException error) {
            if (!finish()) {
                return;
            }
            log.failed(error, attempt);
            safely("failed", () -> observer.failed(error));
        }

        private void cancel() {
            if (!finish()) {
                return;
            }
            cancelHandle();
            CompletableFuture<ChatResponse> waiting = current;
            if (waiting != null) {
                waiting.cancel(false);
            }
            log.cancelled(Math.max(attempt, 1));
            safely("cancelled", observer::cancelled);
        }

        /** True for the one caller that ends the call. */
        private boolean finish() {
            synchronized (lock) {
                if (finished) {
                    return false;
                }
                finished = true;
            }
            Cancellation.Registration listening = registration;
            if (listening != null) {
                listening.close();
            }
            return true;
        }

        private boolean isFinished() {
            synchronized (lock) {
                return finished;
            }
        }

        private int charactersReceived() {
            synchronized (lock) {
                return received.length();
            }
        }

        private String receivedText() {
            synchronized (lock) {
                return received.toString();
            }
        }

        private void cancelHandle() {
            StreamingHandle streamingHandle = handle;
            if (streamingHandle != null && !streamingHandle.isCancelled()) {
                streamingHandle.cancel();
            }
        }

        private void safely(String what, Runnable notification) {
            try {
                notification.run();
            } catch (RuntimeException e) {
                LOG.warn("stream observer failed in {} for prompt {}", what, prompt.promptId(), e);
            }
        }

        /** LangChain4j's callbacks for one attempt; they may come from any thread. */
        private final class Handler implements StreamingChatResponseHandler {
            private final CompletableFuture<ChatResponse> done;

            Handler(CompletableFuture<ChatResponse> done) {
                this.done = done;
            }

            @Override
            public void onPartialResponse(PartialResponse partial, PartialResponseContext context) {
                deliver(partial.text(), context.streamingHandle());
            }

            @Override
            public void onCompleteResponse(ChatResponse response) {
                done.complete(response);
            }

            @Override
            public void onError(Throwable error) {
                done.completeExceptionally(error);
            }
        }
    }
}
