using System.CommandLine;
using CstmML.Cli.Commands;
using CstmML.Host.Auth;

namespace CstmML.Cli.Tests.Commands;

public sealed class KeysCommandTests
{
    [Fact]
    public void New_WithTenant_PrintsKeyAndItsHashLine()
    {
        var harness = new CliHarness();
        var root = new RootCommand("cstm test");
        root.Subcommands.Add(KeysCommand.Create(harness.Env));

        var code = CliRunner.Invoke(root, ["keys", "new", "--tenant", "acme"], harness.Env);

        Assert.Equal(ExitCodes.Ok, code);
        var lines = harness.StdoutLines;
        var key = lines[0]["key: ".Length..].Trim();
        Assert.StartsWith(ApiKeyHash.KeyPrefix, key, StringComparison.Ordinal);
        Assert.Equal($"line: acme {ApiKeyHash.Of(key)}", lines[1].Trim());
    }

    [Fact]
    public void New_TenantWithSpace_IsUsageError()
    {
        var harness = new CliHarness();
        var root = new RootCommand("cstm test");
        root.Subcommands.Add(KeysCommand.Create(harness.Env));

        var code = CliRunner.Invoke(root, ["keys", "new", "--tenant", "a b"], harness.Env);

        Assert.Equal(ExitCodes.Usage, code);
        Assert.Contains("--tenant 'a b'", harness.Stderr, StringComparison.Ordinal);
    }
}
