package io.agentassist.core.persistence;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * Time conversions shared by the stores. Both databases keep microseconds, so instants are truncated to
 * microseconds before they are written: what is read back equals what the caller holds after {@link #micros}.
 */
final class Sql {

    private Sql() {
    }

    static Instant micros(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MICROS);
    }

    static void setInstant(PreparedStatement statement, int index, Instant instant) throws SQLException {
        if (instant == null) {
            statement.setNull(index, Types.TIMESTAMP_WITH_TIMEZONE);
        } else {
            statement.setObject(index, micros(instant).atOffset(ZoneOffset.UTC));
        }
    }

    static Instant getInstant(ResultSet rows, String column) throws SQLException {
        OffsetDateTime value = rows.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    static Optional<Instant> getOptionalInstant(ResultSet rows, String column) throws SQLException {
        return Optional.ofNullable(getInstant(rows, column));
    }
}
