package io.agentassist.core.llm;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Flow;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * A response body as an {@link InputStream} that hands over every byte that arrived before it reports a broken
 * connection. The JDK's own {@code BodyHandlers.ofInputStream()} throws as soon as the connection fails, dropping
 * bytes that had arrived but were not read yet: the last tokens of a stream cut mid-way would vanish. Closing
 * this stream also wakes a reader blocked in {@code read}, so a cancelled stream stops at once.
 */
final class BodyStream extends InputStream implements Flow.Subscriber<List<ByteBuffer>> {

    private sealed interface Item permits Data, End, Failure, Closed {
    }

    private record Data(List<ByteBuffer> buffers) implements Item {
    }

    private record End() implements Item {
    }

    private record Failure(Throwable cause) implements Item {
    }

    private record Closed() implements Item {
    }

    private final BlockingQueue<Item> items = new LinkedBlockingQueue<>();
    private volatile Flow.Subscription subscription;
    private volatile boolean closed;
    private Iterator<ByteBuffer> buffers = List.<ByteBuffer>of().iterator();
    private ByteBuffer current = ByteBuffer.allocate(0);
    private Item ending;

    @Override
    public void onSubscribe(Flow.Subscription newSubscription) {
        if (closed) {
            newSubscription.cancel();
            return;
        }
        subscription = newSubscription;
        newSubscription.request(1);
    }

    @Override
    public void onNext(List<ByteBuffer> item) {
        items.add(new Data(item));
    }

    @Override
    public void onError(Throwable throwable) {
        items.add(new Failure(throwable));
    }

    @Override
    public void onComplete() {
        items.add(new End());
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int read = read(one, 0, 1);
        return read < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] bytes, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        if (!fill()) {
            return -1;
        }
        int count = Math.min(length, current.remaining());
        current.get(bytes, offset, count);
        return count;
    }

    /** True when {@code current} has bytes; false at the clean end; throws for a failure or after close. */
    private synchronized boolean fill() throws IOException {
        while (!current.hasRemaining()) {
            if (closed) {
                throw new IOException("closed");
            }
            if (buffers.hasNext()) {
                current = buffers.next();
                continue;
            }
            Item item = ending != null ? ending : take();
            switch (item) {
                case Data data -> {
                    buffers = data.buffers().iterator();
                    Flow.Subscription active = subscription;
                    if (active != null) {
                        active.request(1);
                    }
                }
                case End end -> {
                    ending = end;
                    return false;
                }
                case Failure failure -> {
                    ending = failure;
                    throw new IOException(failure.cause().getMessage(), failure.cause());
                }
                case Closed closedItem -> {
                    ending = closedItem;
                    throw new IOException("closed");
                }
            }
        }
        return true;
    }

    private Item take() throws IOException {
        if (closed) {
            return new Closed();
        }
        try {
            return items.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            close();
            throw new IOException("interrupted while reading the answer", e);
        }
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        Flow.Subscription active = subscription;
        if (active != null) {
            active.cancel();
        }
        items.add(new Closed());
    }
}
