package io.agentassist.core.testsupport;

import io.agentassist.core.llm.ModelCallException;
import io.agentassist.core.llm.ModelReply;
import io.agentassist.core.llm.StreamObserver;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A {@link StreamObserver} that records every call in order, for assertions. {@link #events()} reads like
 * {@code ["partial:Hel", "partial:lo", "completed:Hello"]}, {@code "retrying:2"}, {@code "failed:CONNECTION"},
 * {@code "cancelled"}. Waits are bounded.
 */
public final class RecordingStreamObserver implements StreamObserver {

    private final List<String> events = new CopyOnWriteArrayList<>();
    private final List<String> partials = new CopyOnWriteArrayList<>();
    private final List<String> retryReasons = new CopyOnWriteArrayList<>();
    private final CountDownLatch ended = new CountDownLatch(1);
    private volatile ModelReply reply;
    private volatile ModelCallException error;

    @Override
    public void partial(String text) {
        partials.add(text);
        events.add("partial:" + text);
    }

    @Override
    public void retrying(int attempt, String reason) {
        retryReasons.add(reason);
        events.add("retrying:" + attempt);
    }

    @Override
    public void completed(ModelReply completedReply) {
        reply = completedReply;
        events.add("completed:" + completedReply.text());
        ended.countDown();
    }

    @Override
    public void failed(ModelCallException failure) {
        error = failure;
        events.add("failed:" + failure.kind());
        ended.countDown();
    }

    @Override
    public void cancelled() {
        events.add("cancelled");
        ended.countDown();
    }

    /** Waits, at most {@code bound}, for completed, failed or cancelled; false when none came. */
    public boolean awaitEnd(Duration bound) throws InterruptedException {
        return ended.await(bound.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Waits, at most {@code bound}, until at least {@code count} partials have arrived. */
    public boolean awaitPartials(int count, Duration bound) throws InterruptedException {
        long deadline = System.nanoTime() + bound.toNanos();
        while (partials.size() < count) {
            if (System.nanoTime() >= deadline) {
                return false;
            }
            Thread.sleep(5);
        }
        return true;
    }

    public List<String> events() {
        return List.copyOf(events);
    }

    public List<String> partials() {
        return List.copyOf(partials);
    }

    /** Everything the partials said, joined: what an agent saw on screen. */
    public String partialText() {
        return String.join("", partials);
    }

    public List<String> retryReasons() {
        return List.copyOf(retryReasons);
    }

    public Optional<ModelReply> reply() {
        return Optional.ofNullable(reply);
    }

    public Optional<ModelCallException> error() {
        return Optional.ofNullable(error);
    }
}
