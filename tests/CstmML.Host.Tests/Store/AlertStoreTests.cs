using CstmML.Core.Alerts;
using CstmML.Host.Configuration;
using CstmML.Host.Store;
using CstmML.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using static CstmML.Testing.AlertBuilder;

namespace CstmML.Host.Tests.Store;

public sealed class AlertStoreTests
{
    private static NormalizedAlert[] Alerts(string prefix, int n) =>
        [.. Enumerable.Range(0, n).Select(i => Alert().Id($"{prefix}{i}").At(TimeSpan.FromSeconds(i)).Build())];

    [Theory]
    [InlineData(1)]
    [InlineData(AlertStore.RowsPerStatement)]
    [InlineData((2 * AlertStore.RowsPerStatement) + 5)] // full statements and a shorter last one
    public void InsertAlerts_GroupWithRepeatedIds_FirstHolderIsNewLaterOnesAreDuplicates(int n)
    {
        using var temp = new TempDir();
        using var store = new AlertStore(Options.Create(new ScoringHostOptions { StoreDirectory = temp.Path }), NullLogger<AlertStore>.Instance);
        store.InsertAlerts("t", [Alerts("old", 3)[1]]); // stored before: old1

        var fresh = store.InsertAlerts("t", [EncodedAlerts.From([.. Alerts("a", n), .. Alerts("old", 3)]), EncodedAlerts.From([.. Alerts("a", n), Alert().Id("z").Build()])]);

        Assert.Equal([.. Enumerable.Range(0, n).Select(i => $"a{i}"), "old0", "old2"], fresh[0].Select(a => a.Id));
        Assert.Equal(["z"], fresh[1].Select(a => a.Id));
        Assert.Equal(n + 4, store.CountAlerts("t"));
        Assert.Equal(n + 4, store.ReadRecent(TimeSpan.FromDays(1))["t"].Count);
    }

    [Fact]
    public void InsertAlerts_StoredForm_ReadsBackAsTheSameAlert()
    {
        using var temp = new TempDir();
        using var store = new AlertStore(Options.Create(new ScoringHostOptions { StoreDirectory = temp.Path }), NullLogger<AlertStore>.Instance);
        var alert = Alert().Id("x").Type("CreateAccessKey").Techniques("T1098.001").Severity(5).Build();

        store.InsertAlerts("t", [alert]);

        Assert.Equal(
            System.Text.Json.JsonSerializer.Serialize(alert, CstmML.Core.Serialization.CstmJsonContext.Default.NormalizedAlert),
            System.Text.Json.JsonSerializer.Serialize(Assert.Single(store.ReadRecent(TimeSpan.FromDays(1))["t"]), CstmML.Core.Serialization.CstmJsonContext.Default.NormalizedAlert));
    }

    [Fact]
    public void ReadRecent_BodyStoredAsTextByAnEarlierVersion_ReadsBackBesideNewBlobRows()
    {
        using var temp = new TempDir();
        var options = Options.Create(new ScoringHostOptions { StoreDirectory = temp.Path });
        var old = Alert().Id("old").Type("ConsoleLogin").Build();
        var json = System.Text.Json.JsonSerializer.Serialize(old, CstmML.Core.Serialization.CstmJsonContext.Default.NormalizedAlert);
        using (var store = new AlertStore(options, NullLogger<AlertStore>.Instance))
        {
            // A row as stores written before bodies were UTF-8 BLOBs hold it: TEXT.
            using var conn = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Path.Combine(temp.Path, AlertStore.FileName)}");
            conn.Open();
            using var cmd = conn.CreateCommand();
            cmd.CommandText = "INSERT INTO alerts(tenant, id, time_ticks, body) VALUES ('t', 'old', $m, $b)";
            cmd.Parameters.AddWithValue("$m", old.Time.UtcTicks);
            cmd.Parameters.Add("$b", Microsoft.Data.Sqlite.SqliteType.Text).Value = json;
            cmd.ExecuteNonQuery();
        }

        using var reopened = new AlertStore(options, NullLogger<AlertStore>.Instance);
        reopened.InsertAlerts("t", [Alert().Id("new").At(TimeSpan.FromSeconds(1)).Build()]);
        var recent = reopened.ReadRecent(TimeSpan.FromDays(1))["t"];

        Assert.Equal(["old", "new"], recent.Select(a => a.Id));
        Assert.Equal(json, System.Text.Json.JsonSerializer.Serialize(recent[0], CstmML.Core.Serialization.CstmJsonContext.Default.NormalizedAlert));
    }
}
