package io.agentassist.app.cli;

import io.agentassist.knowledge.index.IndexProgress;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarStyle;

/** Shows indexing progress as a bar on the terminal; created only when a person is watching one. */
final class TerminalProgress implements IndexProgress, AutoCloseable {
    private final String task;
    private ProgressBar bar;

    TerminalProgress(String task) {
        this.task = task;
    }

    /** A bar on an interactive terminal, nothing otherwise (pipes, files, tests). */
    static IndexProgress forEnvironment(CliEnvironment env, String task) {
        return env.interactive() ? new TerminalProgress(task) : IndexProgress.NONE;
    }

    static void closeIfOpen(IndexProgress progress) {
        if (progress instanceof TerminalProgress terminal) {
            terminal.close();
        }
    }

    @Override
    public synchronized void started(long total) {
        close();
        bar = ProgressBar.builder()
                .setTaskName(task)
                .setInitialMax(total)
                .setStyle(ProgressBarStyle.COLORFUL_UNICODE_BLOCK)
                .setUpdateIntervalMillis(200)
                .showSpeed()
                .setUnit(" articles", 1)
                .build();
    }

    @Override
    public synchronized void advanced(long done) {
        if (bar != null) {
            bar.stepTo(done);
        }
    }

    @Override
    public synchronized void close() {
        if (bar != null) {
            bar.close();
            bar = null;
        }
    }
}
