package io.agentassist.core.tickets;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Tells when a file in the inbox is complete: when its size and modification time have not changed for the
 * settle time. A file that is still being copied keeps changing and is left alone. Times are passed in
 * (nanoseconds) so this logic is tested without waiting.
 */
final class SettlingFiles {

    /** What was seen of a file: size and modification time (ms). */
    record Seen(long size, long modified) {
    }

    private record Watch(Seen seen, long unchangedSince) {
    }

    private final long settleNanos;
    private final Map<Path, Watch> watched = new HashMap<>();

    SettlingFiles(long settleNanos) {
        this.settleNanos = settleNanos;
    }

    /** Records what a file looks like now; a change restarts its settle time. Null means the file is gone. */
    void observe(Path file, Seen seen, long now) {
        if (seen == null) {
            watched.remove(file);
            return;
        }
        Watch before = watched.get(file);
        if (before == null || !before.seen().equals(seen)) {
            watched.put(file, new Watch(seen, now));
        }
    }

    /** The files unchanged for the settle time; they are no longer watched (observe them again to retry). */
    List<Path> takeSettled(long now) {
        List<Path> settled = new ArrayList<>();
        watched.forEach((file, watch) -> {
            if (now - watch.unchangedSince() >= settleNanos) {
                settled.add(file);
            }
        });
        settled.sort(null);
        settled.forEach(watched::remove);
        return settled;
    }

    boolean isWatching(Path file) {
        return watched.containsKey(file);
    }

    boolean isEmpty() {
        return watched.isEmpty();
    }

    List<Path> watchedFiles() {
        return List.copyOf(watched.keySet());
    }
}
