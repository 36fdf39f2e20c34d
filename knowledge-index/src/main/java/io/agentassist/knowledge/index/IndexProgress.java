package io.agentassist.knowledge.index;

/** Receives progress while articles are embedded and written, for a progress bar. */
public interface IndexProgress {
    IndexProgress NONE = new IndexProgress() {
        @Override
        public void started(long total) {
        }

        @Override
        public void advanced(long done) {
        }
    };

    /** Called once with the number of articles that need embedding. */
    void started(long total);

    /** Called as articles are done; {@code done} counts up to the total given to {@link #started}. */
    void advanced(long done);
}
