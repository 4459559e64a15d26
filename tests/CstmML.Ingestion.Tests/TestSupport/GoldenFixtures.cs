using System.Text.Json;
using CstmML.Core.Alerts;

namespace CstmML.Ingestion.Tests.TestSupport;

/// <summary>
/// Golden fixtures: <c>{case}.json</c> beside <c>{case}.expected.json</c>. Set CSTM_UPDATE_FIXTURES=1 to write missing
/// or changed expected files, then review every field before committing them.
/// </summary>
public static class GoldenFixtures
{
    private const string ExpectedSuffix = ".expected.json";

    /// <summary>The case names (file names without .json) in a fixture folder, for xunit theories.</summary>
    public static TheoryData<string> Cases(params string[] folder)
    {
        var data = new TheoryData<string>();
        foreach (var f in Directory.GetFiles(RepoPath.Tests(folder), "*.json").Order(StringComparer.Ordinal))
        {
            if (!f.EndsWith(ExpectedSuffix, StringComparison.Ordinal))
            {
                data.Add(Path.GetFileNameWithoutExtension(f));
            }
        }

        return data;
    }

    /// <summary>Normalizes a case with <paramref name="source"/> and compares it with its expected file.</summary>
    public static void Verify(IAlertSource source, string caseName, params string[] folder)
    {
        var dir = RepoPath.Tests(folder);
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, caseName + ".json")));
        var result = source.Normalize(doc.RootElement, new RawRef(caseName + ".json", 1));
        Assert.True(result.Succeeded, $"{caseName}: {result.Error} ({result.Field})");
        var actual = AlertJson.Serialize(result.Alert!);
        var expectedPath = Path.Combine(dir, caseName + ExpectedSuffix);
        if (Environment.GetEnvironmentVariable("CSTM_UPDATE_FIXTURES") == "1" &&
            (!File.Exists(expectedPath) || File.ReadAllText(expectedPath) != actual))
        {
            File.WriteAllText(expectedPath, actual);
        }

        Assert.True(File.Exists(expectedPath), $"missing {expectedPath}");
        Assert.Equal(File.ReadAllText(expectedPath).ReplaceLineEndings("\n"), actual);
    }
}
