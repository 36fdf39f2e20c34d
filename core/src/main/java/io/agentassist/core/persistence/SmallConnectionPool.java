package io.agentassist.core.persistence;

import java.io.PrintWriter;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Properties;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * A DataSource over {@link DriverManager} that keeps a few idle connections for reuse. Why not open one per
 * operation: a PostgreSQL connection is a server process plus authentication, and H2 closes the file when its
 * last connection closes. Why not a real pool: we have a handful of short transactions per second, and a pool
 * library would be one more dependency. There is no upper bound on open connections; callers close what they
 * borrow (try-with-resources), and closing returns the connection here after rolling back anything left open.
 */
final class SmallConnectionPool implements DataSource, AutoCloseable {

    private static final int VALIDATION_TIMEOUT_SECONDS = 2;

    private final String url;
    private final Properties properties;
    private final int maxIdle;
    private final Deque<Connection> idle = new ArrayDeque<>();
    private boolean closed;

    SmallConnectionPool(DatabaseSettings settings, int maxIdle) {
        this.url = settings.url();
        this.properties = new Properties();
        if (!settings.user().isEmpty()) {
            properties.setProperty("user", settings.user());
        }
        if (!settings.password().isEmpty()) {
            properties.setProperty("password", settings.password());
        }
        this.maxIdle = maxIdle;
    }

    @Override
    public Connection getConnection() throws SQLException {
        Connection raw;
        while ((raw = takeIdle()) != null) {
            if (raw.isValid(VALIDATION_TIMEOUT_SECONDS)) {
                return lend(raw);
            }
            closeQuietly(raw);
        }
        return lend(DriverManager.getConnection(url, properties));
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        throw new SQLFeatureNotSupportedException("the pool's credentials are fixed");
    }

    /** Closes the idle connections; connections still lent out are closed when they are given back. */
    @Override
    public void close() {
        Deque<Connection> toClose;
        synchronized (this) {
            closed = true;
            toClose = new ArrayDeque<>(idle);
            idle.clear();
        }
        toClose.forEach(SmallConnectionPool::closeQuietly);
    }

    private synchronized Connection takeIdle() throws SQLException {
        if (closed) {
            throw new SQLException("the database is closed");
        }
        return idle.pollFirst();
    }

    private void giveBack(Connection raw) {
        try {
            if (raw.isClosed()) {
                return;
            }
            if (!raw.getAutoCommit()) {
                raw.rollback();
                raw.setAutoCommit(true);
            }
        } catch (SQLException e) {
            closeQuietly(raw);
            return;
        }
        synchronized (this) {
            if (!closed && idle.size() < maxIdle) {
                idle.addFirst(raw);
                return;
            }
        }
        closeQuietly(raw);
    }

    private Connection lend(Connection raw) {
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                new Lent(raw));
    }

    private static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // it is being discarded anyway
        }
    }

    /** A borrowed connection: {@code close()} gives it back once; any other use after that fails. */
    private final class Lent implements InvocationHandler {
        private final Connection raw;
        private boolean returned;

        Lent(Connection raw) {
            this.raw = raw;
        }

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            switch (method.getName()) {
                case "close" -> {
                    if (!returned) {
                        returned = true;
                        giveBack(raw);
                    }
                    return null;
                }
                case "isClosed" -> {
                    return returned || raw.isClosed();
                }
                case "equals" -> {
                    return proxy == args[0];
                }
                case "hashCode" -> {
                    return System.identityHashCode(proxy);
                }
                case "toString" -> {
                    return "pooled " + raw;
                }
                default -> {
                    if (returned) {
                        throw new SQLException("connection already closed");
                    }
                }
            }
            try {
                return method.invoke(raw, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        }
    }

    @Override
    public PrintWriter getLogWriter() {
        return null;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
        // DriverManager logging is not used
    }

    @Override
    public void setLoginTimeout(int seconds) {
        DriverManager.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() {
        return DriverManager.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        if (type.isInstance(this)) {
            return type.cast(this);
        }
        throw new SQLException("not a wrapper for " + type.getName());
    }

    @Override
    public boolean isWrapperFor(Class<?> type) {
        return type.isInstance(this);
    }
}
