package io.agentassist.core.llm;

import dev.langchain4j.exception.HttpException;
import dev.langchain4j.exception.TimeoutException;
import dev.langchain4j.http.client.HttpClient;
import dev.langchain4j.http.client.HttpClientBuilder;
import dev.langchain4j.http.client.HttpRequest;
import dev.langchain4j.http.client.SuccessfulHttpResponse;
import dev.langchain4j.http.client.sse.ServerSentEvent;
import dev.langchain4j.http.client.sse.ServerSentEventContext;
import dev.langchain4j.http.client.sse.ServerSentEventListener;
import dev.langchain4j.http.client.sse.ServerSentEventParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient.Version;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The HTTP client LangChain4j's OpenAI models use here, plugged in through LangChain4j's own
 * {@link HttpClient} extension point. It behaves like LangChain4j's JDK client with three differences:
 * <ul>
 *   <li>an error answer becomes a {@link ModelHttpException} that keeps the endpoint's {@code Retry-After} (the
 *       1.19.0 {@link HttpException} keeps only the status and the body);</li>
 *   <li>a stream that broke is reported once, through {@code onError}: LangChain4j 1.19.0's client calls
 *       {@code onClose} after the parser has reported the broken stream, and the OpenAI model then "completes"
 *       the truncated text as if nothing had happened;</li>
 *   <li>plain {@code http://} endpoints (Ollama, vLLM, LM Studio on this machine) are spoken to in HTTP/1.1,
 *       without the HTTP/2 upgrade headers some of them dislike.</li>
 * </ul>
 * A stream's body is read through a {@link BodyStream}, which hands over every byte that arrived before a
 * connection broke (the JDK's {@code ofInputStream()} drops those), on a virtual thread.
 */
final class ModelHttpClient implements HttpClient {

    private final java.net.http.HttpClient delegate;
    private final Duration readTimeout;
    private final ExecutorService readers = Executors.newThreadPerTaskExecutor(
            Thread.ofVirtual().name("model-stream-", 0).factory());

    private ModelHttpClient(Builder builder) {
        java.net.http.HttpClient.Builder http = java.net.http.HttpClient.newBuilder();
        if (builder.connectTimeout != null) {
            http.connectTimeout(builder.connectTimeout);
        }
        this.delegate = http.build();
        this.readTimeout = builder.readTimeout;
    }

    @Override
    public SuccessfulHttpResponse execute(HttpRequest request) {
        try {
            HttpResponse<String> response = delegate.send(toJdkRequest(request),
                    BodyHandlers.ofString(StandardCharsets.UTF_8));
            if (!isSuccessful(response.statusCode())) {
                throw error(response, response.body());
            }
            return SuccessfulHttpResponse.builder()
                    .statusCode(response.statusCode())
                    .headers(response.headers().map())
                    .body(response.body())
                    .build();
        } catch (HttpTimeoutException e) {
            throw new TimeoutException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CallInterruptedException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void execute(HttpRequest request, ServerSentEventParser parser, ServerSentEventListener listener) {
        delegate.sendAsync(toJdkRequest(request), BodyHandlers.ofPublisher())
                .whenCompleteAsync((response, failure) -> {
                    if (failure != null) {
                        listener.onError(asTimeoutWhenItIsOne(failure));
                        return;
                    }
                    BodyStream body = new BodyStream();
                    response.body().subscribe(body);
                    if (!isSuccessful(response.statusCode())) {
                        listener.onError(error(response, readQuietly(body)));
                    } else {
                        readStream(response, body, parser, listener);
                    }
                }, readers);
    }

    private static void readStream(HttpResponse<?> response, InputStream body, ServerSentEventParser parser,
            ServerSentEventListener listener) {
        listener.onOpen(SuccessfulHttpResponse.builder()
                .statusCode(response.statusCode())
                .headers(response.headers().map())
                .build());
        ErrorTrackingListener tracking = new ErrorTrackingListener(listener);
        try (body) {
            parser.parse(body, tracking);
        } catch (IOException | RuntimeException e) {
            tracking.onError(e);
        }
        if (!tracking.failed.get()) {
            listener.onClose();
        }
    }

    private java.net.http.HttpRequest toJdkRequest(HttpRequest request) {
        if (!request.formDataFields().isEmpty() || !request.formDataFiles().isEmpty()) {
            throw new UnsupportedOperationException("multipart requests are not used for chat completions");
        }
        URI uri = URI.create(request.url());
        java.net.http.HttpRequest.Builder builder = java.net.http.HttpRequest.newBuilder(uri);
        if ("http".equalsIgnoreCase(uri.getScheme())) {
            builder.version(Version.HTTP_1_1);
        }
        request.headers().forEach((name, values) -> {
            if (values != null) {
                values.forEach(value -> builder.header(name, value));
            }
        });
        builder.method(request.method().name(), request.body() == null
                ? BodyPublishers.noBody()
                : BodyPublishers.ofString(request.body(), StandardCharsets.UTF_8));
        if (readTimeout != null) {
            builder.timeout(readTimeout);
        }
        return builder.build();
    }

    private static ModelHttpException error(HttpResponse<?> response, String body) {
        return new ModelHttpException(response.statusCode(), body,
                RetryAfter.from(response.headers().map(), Instant.now()));
    }

    private static boolean isSuccessful(int statusCode) {
        return statusCode >= 200 && statusCode < 300;
    }

    private static Throwable asTimeoutWhenItIsOne(Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                ? failure.getCause()
                : failure;
        return cause instanceof HttpTimeoutException ? new TimeoutException(cause) : cause;
    }

    private static String readQuietly(InputStream body) {
        try (body) {
            return new String(body.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(the error body could not be read: " + e.getMessage() + ")";
        }
    }

    /** Thrown when the thread waiting for an answer was interrupted: the call was cancelled. */
    static final class CallInterruptedException extends RuntimeException {
        CallInterruptedException(InterruptedException cause) {
            super("interrupted while waiting for the model", cause);
        }
    }

    /** Passes everything on, and remembers whether the stream was reported broken. */
    private static final class ErrorTrackingListener implements ServerSentEventListener {
        private final ServerSentEventListener delegate;
        private final AtomicBoolean failed = new AtomicBoolean();

        ErrorTrackingListener(ServerSentEventListener delegate) {
            this.delegate = delegate;
        }

        @Override
        public void onOpen(SuccessfulHttpResponse response) {
            delegate.onOpen(response);
        }

        @Override
        public void onEvent(ServerSentEvent event, ServerSentEventContext context) {
            delegate.onEvent(event, context);
        }

        @Override
        public void onEvent(ServerSentEvent event) {
            delegate.onEvent(event);
        }

        @Override
        public void onError(Throwable error) {
            if (failed.compareAndSet(false, true)) {
                delegate.onError(error);
            }
        }

        @Override
        public void onClose() {
            delegate.onClose();
        }
    }

    /** Called by the OpenAI model builders with their connect and read timeouts. */
    static final class Builder implements HttpClientBuilder {
        private Duration connectTimeout;
        private Duration readTimeout;

        @Override
        public Duration connectTimeout() {
            return connectTimeout;
        }

        @Override
        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = timeout;
            return this;
        }

        @Override
        public Duration readTimeout() {
            return readTimeout;
        }

        @Override
        public Builder readTimeout(Duration timeout) {
            this.readTimeout = timeout;
            return this;
        }

        @Override
        public ModelHttpClient build() {
            return new ModelHttpClient(this);
        }
    }
}
