using System.Globalization;
using System.Text.Json;
using CstmML.Core.Alerts;
using CstmML.Core.Serialization;
using CstmML.Host.Configuration;
using CstmML.Host.Contracts;
using CstmML.Host.Logging;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace CstmML.Host.Store;

/// <summary>
/// The durable store: SQLite in WAL mode with synchronous=FULL, so a committed batch survives a crash of the process or
/// the machine. Alerts are unique per (tenant, id): re-sent alerts are ignored (idempotency). Detections get an
/// increasing row id, the cursor of GET /v1/detections. Every row carries its tenant: state is partitioned by tenant.
/// One writer connection (SQLite allows one writer); reads open pooled connections and run beside it (WAL).
/// </summary>
internal sealed class AlertStore : IDisposable
{
    public const string FileName = "cstm-host.db";

    /// <summary>Alerts per insert statement (3 parameters each, far below SQLite's limit of 32,766).</summary>
    internal const int RowsPerStatement = 64;

    private readonly Lock _write = new();
    private readonly SqliteConnection _writer;
    private readonly string _connectionString;
    private readonly ILogger<AlertStore> _log;
    private bool _disposed;

    public AlertStore(IOptions<ScoringHostOptions> options, ILogger<AlertStore> log)
    {
        _log = log;
        var dir = options.Value.StoreDirectory;
        Directory.CreateDirectory(dir);
        _connectionString = new SqliteConnectionStringBuilder { DataSource = Path.Combine(dir, FileName), Pooling = true }.ToString();
        _writer = new SqliteConnection(_connectionString);
        _writer.Open();
        Execute(_writer, """
            PRAGMA journal_mode=WAL;
            PRAGMA synchronous=FULL;
            PRAGMA busy_timeout=5000;
            CREATE TABLE IF NOT EXISTS alerts(
              seq INTEGER PRIMARY KEY AUTOINCREMENT, tenant TEXT NOT NULL, id TEXT NOT NULL,
              time_ticks INTEGER NOT NULL, body TEXT NOT NULL, UNIQUE(tenant, id));
            CREATE INDEX IF NOT EXISTS alerts_tenant_time ON alerts(tenant, time_ticks);
            CREATE TABLE IF NOT EXISTS detections(
              cursor INTEGER PRIMARY KEY AUTOINCREMENT, tenant TEXT NOT NULL, dedupe TEXT NOT NULL,
              body TEXT NOT NULL, UNIQUE(tenant, dedupe));
            CREATE INDEX IF NOT EXISTS detections_tenant ON detections(tenant, cursor);
            """);
    }

    /// <summary>Stores the alerts in one durable transaction; returns those that were new (duplicates of stored ids left out).</summary>
    public IReadOnlyList<NormalizedAlert> InsertAlerts(string tenant, IReadOnlyList<NormalizedAlert> alerts) =>
        InsertAlerts(tenant, [EncodedAlerts.From(alerts)])[0];

    /// <summary>
    /// Stores several batches in one durable transaction (group commit: one fsync for all); returns, per batch, the
    /// alerts that were new. A batch's alert whose id an earlier batch of the same call holds counts as a duplicate, as
    /// if the batches had been stored one after the other.
    /// </summary>
    public IReadOnlyList<IReadOnlyList<NormalizedAlert>> InsertAlerts(string tenant, IReadOnlyList<EncodedAlerts> batches)
    {
        var rows = new List<(int Batch, NormalizedAlert Alert, byte[] Body)>();
        for (var b = 0; b < batches.Count; b++)
        {
            for (var i = 0; i < batches[b].Alerts.Count; i++)
            {
                rows.Add((b, batches[b].Alerts[i], batches[b].Bodies[i]));
            }
        }

        var stored = new HashSet<string>(StringComparer.Ordinal);
        lock (_write)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            using var tx = _writer.BeginTransaction();
            var fullRows = Math.Min(RowsPerStatement, rows.Count);
            using var full = fullRows == 0 ? null : InsertCommand(tx, tenant, fullRows);
            SqliteCommand? rest = null;
            try
            {
                for (var start = 0; start < rows.Count; start += RowsPerStatement)
                {
                    // Every statement but the last has fullRows rows; the last, if shorter, gets its own command.
                    var n = Math.Min(RowsPerStatement, rows.Count - start);
                    var cmd = n == fullRows ? full! : rest ??= InsertCommand(tx, tenant, n);
                    for (var j = 0; j < n; j++)
                    {
                        var (_, alert, body) = rows[start + j];
                        cmd.Parameters[(3 * j) + 1].Value = alert.Id;
                        cmd.Parameters[(3 * j) + 2].Value = alert.Time.UtcTicks;
                        cmd.Parameters[(3 * j) + 3].Value = body;
                    }

                    using var reader = cmd.ExecuteReader();
                    while (reader.Read())
                    {
                        stored.Add(reader.GetString(0));
                    }
                }
            }
            finally
            {
                rest?.Dispose();
            }

            tx.Commit();
        }

        // RETURNING lists the ids that were inserted, in no set order: the first row carrying each is the new one.
        var inserted = batches.Select(b => new List<NormalizedAlert>(b.Alerts.Count)).ToArray();
        foreach (var (b, alert, _) in rows)
        {
            if (stored.Remove(alert.Id))
            {
                inserted[b].Add(alert);
            }
        }

        return inserted;
    }

    // A prepared multi-row insert of `rows` alerts ($t, then id/time/body per row) that returns the ids it inserted:
    // one statement per 64 rows instead of one per row.
    private SqliteCommand InsertCommand(SqliteTransaction tx, string tenant, int rows)
    {
        var cmd = _writer.CreateCommand();
        cmd.Transaction = tx;
        var values = new System.Text.StringBuilder();
        cmd.Parameters.Add("$t", SqliteType.Text).Value = tenant;
        for (var j = 0; j < rows; j++)
        {
            values.Append(j == 0 ? string.Empty : ", ").Append(CultureInfo.InvariantCulture, $"($t, $i{j}, $m{j}, $b{j})");
            cmd.Parameters.Add($"$i{j}", SqliteType.Text);
            cmd.Parameters.Add($"$m{j}", SqliteType.Integer);
            cmd.Parameters.Add($"$b{j}", SqliteType.Blob); // UTF-8 JSON bytes; read back as UTF-8 whatever the stored type
        }

        cmd.CommandText = $"INSERT INTO alerts(tenant, id, time_ticks, body) VALUES {values} ON CONFLICT(tenant, id) DO NOTHING RETURNING id";
        cmd.Prepare();
        return cmd;
    }

    /// <summary>Stores detections not stored before (by dedupe key); returns, for each, whether it was new.</summary>
    public bool[] InsertDetections(string tenant, IReadOnlyList<StoredDetection> detections)
    {
        var inserted = new bool[detections.Count];
        if (detections.Count == 0)
        {
            return inserted;
        }

        lock (_write)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            using var tx = _writer.BeginTransaction();
            using var cmd = _writer.CreateCommand();
            cmd.Transaction = tx;
            cmd.CommandText = "INSERT INTO detections(tenant, dedupe, body) VALUES ($t, $d, $body) ON CONFLICT(tenant, dedupe) DO NOTHING RETURNING cursor";
            var pT = cmd.Parameters.Add("$t", SqliteType.Text);
            var pD = cmd.Parameters.Add("$d", SqliteType.Text);
            var pBody = cmd.Parameters.Add("$body", SqliteType.Text);
            pT.Value = tenant;
            for (var i = 0; i < detections.Count; i++)
            {
                pD.Value = detections[i].DedupeKey;
                pBody.Value = JsonSerializer.Serialize(detections[i].Detection, HostJsonContext.Default.Detection);
                inserted[i] = cmd.ExecuteScalar() is long;
            }

            tx.Commit();
        }

        return inserted;
    }

    /// <summary>Up to <paramref name="limit"/> detections of <paramref name="tenant"/> after <paramref name="after"/>, oldest first.</summary>
    public IReadOnlyList<Detection> ReadDetections(string tenant, long after, int limit)
    {
        using var conn = OpenReader();
        using var cmd = conn.CreateCommand();
        cmd.CommandText = "SELECT cursor, body FROM detections WHERE tenant = $t AND cursor > $after ORDER BY cursor LIMIT $limit";
        cmd.Parameters.AddWithValue("$t", tenant);
        cmd.Parameters.AddWithValue("$after", after);
        cmd.Parameters.AddWithValue("$limit", limit);
        using var reader = cmd.ExecuteReader();
        var result = new List<Detection>();
        while (reader.Read())
        {
            var d = JsonSerializer.Deserialize(reader.GetString(1), HostJsonContext.Default.Detection)!;
            result.Add(d with { Cursor = reader.GetInt64(0).ToString(CultureInfo.InvariantCulture) });
        }

        return result;
    }

    /// <summary>Per tenant, the stored alerts whose event time is within <paramref name="window"/> of that tenant's newest, in arrival order.</summary>
    public IReadOnlyDictionary<string, List<NormalizedAlert>> ReadRecent(TimeSpan window)
    {
        using var conn = OpenReader();
        var newest = new Dictionary<string, long>(StringComparer.Ordinal);
        using (var cmd = conn.CreateCommand())
        {
            cmd.CommandText = "SELECT tenant, MAX(time_ticks) FROM alerts GROUP BY tenant";
            using var r = cmd.ExecuteReader();
            while (r.Read())
            {
                newest[r.GetString(0)] = r.GetInt64(1);
            }
        }

        var result = new Dictionary<string, List<NormalizedAlert>>(StringComparer.Ordinal);
        foreach (var (tenant, max) in newest)
        {
            using var cmd = conn.CreateCommand();
            cmd.CommandText = "SELECT body FROM alerts WHERE tenant = $t AND time_ticks >= $min ORDER BY seq";
            cmd.Parameters.AddWithValue("$t", tenant);
            cmd.Parameters.AddWithValue("$min", Math.Max(0, max - window.Ticks));
            using var r = cmd.ExecuteReader();
            var list = new List<NormalizedAlert>();
            while (r.Read())
            {
                // Bodies are UTF-8 JSON, stored as BLOB (TEXT by stores written before): both read back as the same bytes.
                list.Add(JsonSerializer.Deserialize(r.GetFieldValue<byte[]>(0), CstmJsonContext.Default.NormalizedAlert)!);
            }

            result[tenant] = list;
        }

        return result;
    }

    /// <summary>Number of stored alerts of <paramref name="tenant"/>.</summary>
    public long CountAlerts(string tenant)
    {
        using var conn = OpenReader();
        using var cmd = conn.CreateCommand();
        cmd.CommandText = "SELECT COUNT(*) FROM alerts WHERE tenant = $t";
        cmd.Parameters.AddWithValue("$t", tenant);
        return (long)cmd.ExecuteScalar()!;
    }

    /// <summary>True when a write transaction can be taken (readiness).</summary>
    public bool IsWritable()
    {
        lock (_write)
        {
            if (_disposed)
            {
                return false;
            }

            try
            {
                Execute(_writer, "BEGIN IMMEDIATE; ROLLBACK;");
                return true;
            }
            catch (SqliteException)
            {
                return false;
            }
        }
    }

    /// <summary>Checkpoints the WAL into the database file and closes (graceful shutdown).</summary>
    public void Dispose()
    {
        lock (_write)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            try
            {
                Execute(_writer, "PRAGMA wal_checkpoint(TRUNCATE);");
            }
            finally
            {
                _writer.Dispose();
                SqliteConnection.ClearAllPools();
                Log.StoreClosed(_log);
            }
        }
    }

    private SqliteConnection OpenReader()
    {
        var conn = new SqliteConnection(_connectionString);
        conn.Open();
        return conn;
    }

    private static void Execute(SqliteConnection conn, string sql)
    {
        using var cmd = conn.CreateCommand();
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }
}
