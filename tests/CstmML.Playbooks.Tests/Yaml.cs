using CstmML.Playbooks.Loading;
using CstmML.Playbooks.Model;

namespace CstmML.Playbooks.Tests;

/// <summary>Parses an inline playbook for a test, failing the test on any error.</summary>
internal static class Yaml
{
    public static Playbook Playbook(string yaml)
    {
        var (playbook, issues) = PlaybookLoader.Parse(yaml, "inline.yaml");
        Assert.True(playbook is not null, string.Join("\n", issues));
        return playbook!;
    }

    /// <summary>Wraps steps (YAML list text, already indented by 2) in a minimal playbook header.</summary>
    public static Playbook Steps(string steps, string window = "1h", string extra = "") =>
        Playbook($"""
            id: test
            version: 1
            behaviour: test behaviour
            references: [https://example.org/ref]
            window: {window}
            {extra}
            steps:
            {steps}
            """);
}
