/*
 * Copyright the Camel SSE Connectors authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.camelsse.component.predicate;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

import javax.sql.DataSource;

/**
 * A {@link WatchRepository} in a table of any database reachable through a {@link DataSource}; every change is one
 * statement in auto-commit. Several applications may share the table, each with its own watch set names.
 * <p>
 * The table (created when missing, unless {@code createTable} is false; see the component docs for a PostgreSQL
 * definition):
 *
 * <pre>
 * CREATE TABLE predicate_watch (
 *     watch_name        VARCHAR(64)    NOT NULL,
 *     session_id        VARCHAR(36)    NOT NULL,
 *     verification_type VARCHAR(16)    NOT NULL,
 *     added_at          BIGINT         NOT NULL,
 *     last_status       VARCHAR(16000),
 *     PRIMARY KEY (watch_name, session_id))
 * </pre>
 *
 * A status whose JSON is longer than that column cannot be recorded; where statuses may be, create the table with a
 * text type of the database instead.
 */
public class JdbcWatchRepository implements WatchRepository {

    public static final String DEFAULT_TABLE = "predicate_watch";
    private static final Pattern TABLE_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)?");

    private final DataSource dataSource;
    private final String table;
    private boolean createTable = true;
    private volatile boolean tableChecked;

    public JdbcWatchRepository(DataSource dataSource) {
        this(dataSource, DEFAULT_TABLE);
    }

    public JdbcWatchRepository(DataSource dataSource, String table) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        if (table == null || !TABLE_NAME.matcher(table).matches()) {
            throw new IllegalArgumentException("The watch table name must be a plain SQL name such as "
                                               + DEFAULT_TABLE + " or schema." + DEFAULT_TABLE);
        }
        this.table = table;
    }

    /** Whether the table is created when it does not exist; true by default. */
    public void setCreateTable(boolean createTable) {
        this.createTable = createTable;
    }

    public String getTable() {
        return table;
    }

    @Override
    public List<WatchedSession> load(String watchName) throws SQLException {
        try (Connection c = connection();
             PreparedStatement select = c.prepareStatement("SELECT session_id, verification_type, last_status FROM "
                                                           + table + " WHERE watch_name = ?"
                                                           + " ORDER BY added_at, session_id")) {
            select.setString(1, watchName);
            List<WatchedSession> sessions = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    sessions.add(new WatchedSession(rows.getString(1), rows.getString(2), rows.getString(3)));
                }
            }
            return sessions;
        }
    }

    @Override
    public void add(String watchName, WatchedSession session) throws SQLException {
        try (Connection c = connection();
             PreparedStatement insert = c.prepareStatement("INSERT INTO " + table
                                                           + " (watch_name, session_id, verification_type, added_at,"
                                                           + " last_status) VALUES (?, ?, ?, ?, ?)")) {
            insert.setString(1, watchName);
            insert.setString(2, session.sessionId());
            insert.setString(3, session.verificationType());
            insert.setLong(4, System.currentTimeMillis());
            insert.setString(5, session.lastDeliveredJson());
            insert.executeUpdate();
        } catch (SQLException e) {
            if (!isDuplicateKey(e)) {
                throw e;
            }
        }
    }

    @Override
    public void delivered(String watchName, String sessionId, String statusJson) throws SQLException {
        update("UPDATE " + table + " SET last_status = ? WHERE watch_name = ? AND session_id = ?", statusJson,
                watchName, sessionId);
    }

    @Override
    public void remove(String watchName, String sessionId) throws SQLException {
        update("DELETE FROM " + table + " WHERE watch_name = ? AND session_id = ?", watchName, sessionId);
    }

    private void update(String sql, String... values) throws SQLException {
        try (Connection c = connection(); PreparedStatement statement = c.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                statement.setString(i + 1, values[i]);
            }
            statement.executeUpdate();
        }
    }

    private Connection connection() throws SQLException {
        Connection c = dataSource.getConnection();
        try {
            if (!c.getAutoCommit()) {
                c.setAutoCommit(true);
            }
            if (!tableChecked) {
                ensureTable(c);
            }
            return c;
        } catch (SQLException | RuntimeException e) {
            c.close();
            throw e;
        }
    }

    private synchronized void ensureTable(Connection c) throws SQLException {
        if (tableChecked) {
            return;
        }
        if (createTable && !exists(c)) {
            try (Statement create = c.createStatement()) {
                create.executeUpdate("CREATE TABLE " + table + " (watch_name VARCHAR(64) NOT NULL,"
                                     + " session_id VARCHAR(36) NOT NULL, verification_type VARCHAR(16) NOT NULL,"
                                     + " added_at BIGINT NOT NULL, last_status VARCHAR(16000),"
                                     + " PRIMARY KEY (watch_name, session_id))");
            } catch (SQLException e) {
                // another node may have created it meanwhile
                if (!exists(c)) {
                    throw e;
                }
            }
        }
        tableChecked = true;
    }

    private boolean exists(Connection c) throws SQLException {
        DatabaseMetaData meta = c.getMetaData();
        String schema = null;
        String name = table;
        int dot = table.indexOf('.');
        if (dot > 0) {
            schema = table.substring(0, dot);
            name = table.substring(dot + 1);
        }
        for (String candidate : new String[] { name, name.toUpperCase(Locale.ROOT), name.toLowerCase(Locale.ROOT) }) {
            String s = schema == null ? null : candidate.equals(name) ? schema
                    : candidate.equals(name.toUpperCase(Locale.ROOT)) ? schema.toUpperCase(Locale.ROOT)
                    : schema.toLowerCase(Locale.ROOT);
            try (ResultSet tables = meta.getTables(null, s, candidate, null)) {
                if (tables.next()) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean isDuplicateKey(SQLException e) {
        for (SQLException s = e; s != null; s = s.getNextException()) {
            if (s instanceof java.sql.SQLIntegrityConstraintViolationException
                || s.getSQLState() != null && s.getSQLState().startsWith("23")) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return "JdbcWatchRepository[" + table + "]";
    }
}
