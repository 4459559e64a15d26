using System.Text.Json;

namespace CstmML.Cli.Tests.Commands;

public class CoverageCommandTests
{
    [Fact]
    public void Coverage_Table_ListsKnownAndMappedTypesAndTheAttackVersion()
    {
        var cli = new CliHarness();
        Assert.Equal(0, cli.Run("coverage"));
        Assert.Contains("ATT&CK Enterprise v18.1", cli.Stdout, StringComparison.Ordinal);
        var row = cli.StdoutLines.Single(l => l.StartsWith("aws", StringComparison.Ordinal));
        Assert.Equal(["aws", "cloudtrail", "2", "1", "50.0%", "1"], row.Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public void Coverage_Json_IsTheReportRecord()
    {
        var cli = new CliHarness();
        Assert.Equal(0, cli.Run("coverage", "--format", "json"));
        using var doc = JsonDocument.Parse(cli.Stdout);
        Assert.Equal("18.1", doc.RootElement.GetProperty("attack_version").GetString());
        var row = doc.RootElement.GetProperty("rows")[0];
        Assert.Equal(("aws", 2, 1), (row.GetProperty("provider").GetString(), row.GetProperty("known_types").GetInt32(), row.GetProperty("mapped_types").GetInt32()));
    }
}
