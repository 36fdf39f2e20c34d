package io.agentassist.core.persistence;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a unit of work in one transaction: all of it is committed or none of it. Work that lost a race with
 * another writer (two clients inserting the same new ticket, a deadlock, an H2 lock timeout) is retried a few
 * times from the start, which is what makes concurrent writers lose nothing without a global lock. Everything
 * else is rolled back and reported: SQL errors as {@link PersistenceException} saying what was being done,
 * exceptions thrown by the work itself (bad input, unknown id) unchanged.
 */
final class Transactor {

    /** Unit of work on a connection in a transaction. */
    @FunctionalInterface
    interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    private static final Logger log = LoggerFactory.getLogger(Transactor.class);
    private static final int ATTEMPTS = 6;
    /**
     * Unique violation (a concurrent insert of the same key: the retry then sees the row), serialization
     * failure, PostgreSQL deadlock, H2 lock timeout and H2 concurrent update.
     */
    private static final Set<String> RETRYABLE_STATES = Set.of("23505", "40001", "40P01", "HYT00", "90131");

    private final DataSource dataSource;

    Transactor(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    <T> T inTransaction(String what, Work<T> work) {
        for (int attempt = 1; ; attempt++) {
            try {
                return once(work);
            } catch (SQLException e) {
                if (attempt < ATTEMPTS && isRetryable(e)) {
                    log.debug("{}: attempt {} lost a race ({}), retrying", what, attempt, e.getMessage());
                    backOff(attempt);
                    continue;
                }
                throw new PersistenceException(what + " failed: " + e.getMessage(), e);
            }
        }
    }

    private <T> T once(Work<T> work) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                rollback(connection, e);
                throw e;
            }
        }
    }

    private static void rollback(Connection connection, Exception cause) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }

    private static boolean isRetryable(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null
                    && RETRYABLE_STATES.contains(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    private static void backOff(int attempt) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(5, 20L * attempt));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PersistenceException("interrupted while retrying", e);
        }
    }
}
