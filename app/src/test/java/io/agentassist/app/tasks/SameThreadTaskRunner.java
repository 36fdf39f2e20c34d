package io.agentassist.app.tasks;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * Runs every task at once on the caller's thread, so a view-model test sees each state transition in order.
 * Records the names of the tasks it ran, so a test can assert that work went through the runner.
 */
public final class SameThreadTaskRunner implements TaskRunner {
    private final List<String> ran = new ArrayList<>();

    @Override
    public <T> void submit(String name, Callable<T> work, Consumer<? super T> onSuccess,
                           Consumer<Throwable> onFailure) {
        ran.add(name);
        T result;
        try {
            result = work.call();
        } catch (Throwable t) {
            onFailure.accept(t);
            return;
        }
        onSuccess.accept(result);
    }

    @Override
    public void onUi(Runnable action) {
        action.run();
    }

    public List<String> ran() {
        return List.copyOf(ran);
    }
}
