using System.Text.Json.Nodes;
using CstmML.Ingestion;
using CstmML.Scoring.Tests.Exports;
using CstmML.Testing;
using CstmML.Testing.Exports;

namespace CstmML.Cli.Tests.Commands;

/// <summary><c>cstm score --navigator/--stix</c> on the bundled sample with the default model: the files validate against their formats.</summary>
public sealed class ScoreExportTests
{
    [Fact]
    public void Score_NavigatorAndStixOnBundledSample_ValidAgainstSchemas()
    {
        using var temp = new TempDir();
        var navigator = temp.File("layers.json");
        var stix = temp.File("bundle.json");
        var cli = new CliHarness(SourceRegistry.Default);

        var code = cli.Run(
            "score", "--model", ScoreRepoPaths.Of("models/default"), "--input", ScoreRepoPaths.Of("training-data/samples"),
            "--out", temp.File("results.jsonl"), "--navigator", navigator, "--stix", stix);

        Assert.True(code == 0, cli.Stderr);

        // The run layer plus one layer per actor hypothesis; each against the v4.5 layer format.
        var layers = JsonNode.Parse(File.ReadAllText(navigator))!.AsArray();
        Assert.True(layers.Count >= 2, $"expected the run layer and actor layers, got {layers.Count}");
        Assert.All(layers, l => NavigatorLayerShape.AssertValid(l!.AsObject()));
        Assert.All(layers, l => Assert.NotEmpty(l!["techniques"]!.AsArray()));

        // Every object against its official STIX 2.1 schema, and the bundle against bundle.json.
        var bundle = JsonNode.Parse(File.ReadAllText(stix))!.AsObject();
        var objects = bundle["objects"]!.AsArray().Select(o => o!.AsObject()).ToList();
        Assert.Empty(objects.SelectMany(StixSchemas.Errors));
        Assert.Empty(StixSchemas.BundleErrors(bundle));
        var types = objects.Select(o => (string)o["type"]!).ToHashSet(StringComparer.Ordinal);
        Assert.Superset(new HashSet<string>(["attack-pattern", "intrusion-set", "sighting"], StringComparer.Ordinal), types);
    }
}
