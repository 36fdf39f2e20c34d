package io.agentassist.core.tickets;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The live feed on the embedded defaults: a folder where tickets arrive as {@code .json} or {@code .eml} files
 * (saved by a mail client, a script, or a person). Each file becomes a new ticket or new messages on the ticket
 * it belongs to, usually within half a second, and is then moved to {@code processed/}. A file that cannot be
 * imported as it is goes to {@code failed/} with {@code <name>.error.txt} beside it saying why; nothing stored is
 * touched by a failed file.
 *
 * <p><b>Half-written files.</b> A file is imported only once its size and modification time have stayed the
 * same for the settle time (default 300 ms), so a file being copied in is left alone until the copy is done.
 * Writers that pause longer than that mid-file should write under another name and rename when done: names
 * starting with {@code .} and names not ending in {@code .json} / {@code .eml} (e.g. {@code ticket.json.part})
 * are ignored, and an empty file is treated as not written yet. A file whose import fails while it is still
 * changing is watched again rather than failed.
 *
 * <p><b>Finding files.</b> The JDK {@link WatchService} reports new files at once; a rescan of the folder every
 * few seconds is the safety net for missed or overflowed events and for filesystems without native events.
 * When the store fails (database unreachable) the file stays in the inbox and is retried on a later rescan.
 *
 * <p>Listeners run on the watcher's own thread after the import has been committed, only when something
 * changed; a window must hand the update over to its UI thread.
 */
public final class InboxWatcher implements AutoCloseable {

    public static final Duration DEFAULT_SETTLE = Duration.ofMillis(300);
    public static final Duration DEFAULT_RESCAN = Duration.ofSeconds(2);

    private static final Logger log = LoggerFactory.getLogger(InboxWatcher.class);
    private static final long TICK_MILLIS = 50;
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);

    private final Path inbox;
    private final Path processed;
    private final Path failed;
    private final TicketImporter importer;
    private final long rescanNanos;
    private final SettlingFiles settling;
    private final List<Consumer<TicketUpdate>> listeners = new CopyOnWriteArrayList<>();
    /** Files whose import failed for a passing reason, with the time (nanos) before which not to retry. */
    private final Map<Path, Long> retryAfter = new HashMap<>();
    private final Set<Path> warnedAbout = new HashSet<>();

    private final Object lifecycle = new Object();
    private boolean started;
    private volatile boolean running;
    private WatchService watchService;
    private Thread thread;

    public InboxWatcher(Path inbox, TicketImporter importer) {
        this(inbox, importer, DEFAULT_SETTLE, DEFAULT_RESCAN);
    }

    public InboxWatcher(Path inbox, TicketImporter importer, Duration settle, Duration rescan) {
        this.inbox = inbox.toAbsolutePath().normalize();
        this.processed = this.inbox.resolve("processed");
        this.failed = this.inbox.resolve("failed");
        this.importer = Objects.requireNonNull(importer, "importer");
        this.settling = new SettlingFiles(settle.toNanos());
        this.rescanNanos = rescan.toNanos();
    }

    public void addListener(Consumer<TicketUpdate> listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    public void removeListener(Consumer<TicketUpdate> listener) {
        listeners.remove(listener);
    }

    /**
     * Creates the inbox, {@code processed/} and {@code failed/} if needed and starts watching; files already in
     * the inbox are imported first. A watcher starts once.
     */
    public void start() throws IOException {
        synchronized (lifecycle) {
            if (started) {
                throw new IllegalStateException("the inbox watcher for " + inbox + " was already started");
            }
            Files.createDirectories(processed);
            Files.createDirectories(failed);
            watchService = inbox.getFileSystem().newWatchService();
            try {
                register();
            } catch (IOException | RuntimeException e) {
                watchService.close();
                throw e;
            }
            started = true;
            running = true;
            thread = Thread.ofPlatform().name("inbox-watcher").daemon().start(this::run);
            log.info("watching {} for .json and .eml tickets", inbox);
        }
    }

    public boolean isRunning() {
        return running && thread != null && thread.isAlive();
    }

    /** Stops watching; an import under way finishes first. Safe to call more than once. */
    @Override
    public void close() {
        Thread toJoin;
        synchronized (lifecycle) {
            running = false;
            toJoin = thread;
            if (watchService != null) {
                try {
                    watchService.close();
                } catch (IOException e) {
                    log.debug("closing the watch service of {}", inbox, e);
                }
            }
        }
        if (toJoin != null && toJoin != Thread.currentThread()) {
            try {
                if (!toJoin.join(STOP_TIMEOUT)) {
                    log.warn("the inbox watcher for {} did not stop within {}", inbox, STOP_TIMEOUT);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    public Path inbox() {
        return inbox;
    }

    public Path processedFolder() {
        return processed;
    }

    public Path failedFolder() {
        return failed;
    }

    private void register() throws IOException {
        inbox.register(watchService, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY);
    }

    private void run() {
        long nextRescan = System.nanoTime();
        while (running) {
            try {
                if (System.nanoTime() - nextRescan >= 0) {
                    scan();
                    nextRescan = System.nanoTime() + rescanNanos;
                }
                importSettledFiles();
                long waitMillis = settling.isEmpty()
                        ? Math.max(1, TimeUnit.NANOSECONDS.toMillis(nextRescan - System.nanoTime()))
                        : TICK_MILLIS;
                WatchKey key = watchService.poll(waitMillis, TimeUnit.MILLISECONDS);
                if (key != null) {
                    drain(key);
                    scan();
                }
            } catch (ClosedWatchServiceException | InterruptedException e) {
                break;
            } catch (RuntimeException | IOException e) {
                log.error("inbox watcher for {}: {}", inbox, e.toString(), e);
                nextRescan = System.nanoTime() + rescanNanos;
            }
        }
        running = false;
        log.info("stopped watching {}", inbox);
    }

    /** Empties the pending events: the scan that follows looks at the whole folder anyway. */
    private void drain(WatchKey first) throws IOException {
        for (WatchKey key = first; key != null; key = watchService.poll()) {
            key.pollEvents();
            if (!key.reset()) {
                log.warn("the inbox {} went away; recreating it", inbox);
                Files.createDirectories(processed);
                Files.createDirectories(failed);
                register();
            }
        }
    }

    private void scan() throws IOException {
        long now = System.nanoTime();
        Set<Path> present = new HashSet<>();
        try (Stream<Path> files = Files.list(inbox)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                if (!isCandidate(file)) {
                    continue;
                }
                present.add(file);
                Long notBefore = retryAfter.get(file);
                if (notBefore != null && now - notBefore < 0) {
                    continue;
                }
                settling.observe(file, seen(file), now);
            }
            retryAfter.keySet().retainAll(present);
            warnedAbout.retainAll(present);
        } catch (NoSuchFileException e) {
            Files.createDirectories(processed);
            Files.createDirectories(failed);
        }
    }

    private static boolean isCandidate(Path file) {
        return !file.getFileName().toString().startsWith(".") && TicketImporter.canImport(file)
                && Files.isRegularFile(file);
    }

    private void importSettledFiles() {
        long now = System.nanoTime();
        for (Path file : settling.watchedFiles()) {
            settling.observe(file, seen(file), now);
        }
        for (Path file : settling.takeSettled(now)) {
            if (!running) {
                return;
            }
            importFile(file);
        }
    }

    private void importFile(Path file) {
        SettlingFiles.Seen before = seen(file);
        if (before == null) {
            return;
        }
        TicketUpdate update;
        try {
            update = importer.importFile(file);
        } catch (TicketFileException e) {
            SettlingFiles.Seen after = seen(file);
            if (after != null && !after.equals(before)) {
                settling.observe(file, after, System.nanoTime());
                return;
            }
            moveToFailed(file, e.reason());
            return;
        } catch (NoSuchFileException e) {
            return;
        } catch (IOException | RuntimeException e) {
            retryAfter.put(file, System.nanoTime() + rescanNanos);
            if (warnedAbout.add(file)) {
                log.warn("{}: not imported yet, will retry: {}", file.getFileName(), e.toString());
            }
            return;
        }
        retryAfter.remove(file);
        warnedAbout.remove(file);
        moveTo(file, processed);
        if (update.changedAnything()) {
            notifyListeners(update);
        }
    }

    private void notifyListeners(TicketUpdate update) {
        for (Consumer<TicketUpdate> listener : listeners) {
            try {
                listener.accept(update);
            } catch (RuntimeException e) {
                log.error("a listener of the inbox watcher failed on {}", update, e);
            }
        }
    }

    private void moveToFailed(Path file, String reason) {
        Path target = moveTo(file, failed);
        if (target == null) {
            return;
        }
        log.warn("{}: moved to {}: {}", file.getFileName(), failed, reason);
        String report = reason + System.lineSeparator() + System.lineSeparator() + "file: " + file.getFileName()
                + System.lineSeparator() + "failed at: " + Instant.now() + System.lineSeparator();
        // Written beside, then renamed: whoever sees the error file (an admin, a script) reads it whole.
        Path errorFile = target.resolveSibling(target.getFileName() + ".error.txt");
        Path partial = target.resolveSibling("." + target.getFileName() + ".error.txt.part");
        try {
            Files.writeString(partial, report, StandardCharsets.UTF_8);
            Files.move(partial, errorFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            log.warn("{}: could not write the error file: {}", target, e.toString());
        }
    }

    /** Moves the file into {@code folder} under a name not taken yet; null if the file has gone. */
    private Path moveTo(Path file, Path folder) {
        try {
            Files.createDirectories(folder);
            Path target = freeName(folder, file.getFileName().toString());
            try {
                Files.move(file, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (java.nio.file.AtomicMoveNotSupportedException e) {
                Files.move(file, target);
            }
            return target;
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            log.warn("{}: could not move it to {}: {}", file.getFileName(), folder, e.toString());
            return null;
        }
    }

    private static Path freeName(Path folder, String name) {
        Path target = folder.resolve(name);
        int dot = name.lastIndexOf('.');
        String base = dot > 0 ? name.substring(0, dot) : name;
        String extension = dot > 0 ? name.substring(dot) : "";
        for (int n = 2; Files.exists(target) || Files.exists(folder.resolve(target.getFileName() + ".error.txt")); n++) {
            target = folder.resolve(base + "-" + n + extension);
        }
        return target;
    }

    /** Size and modification time, or null when the file is gone or still empty (not written yet). */
    private static SettlingFiles.Seen seen(Path file) {
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            if (!attributes.isRegularFile() || attributes.size() == 0) {
                return null;
            }
            return new SettlingFiles.Seen(attributes.size(), attributes.lastModifiedTime().to(TimeUnit.MICROSECONDS));
        } catch (IOException e) {
            return null;
        }
    }
}
