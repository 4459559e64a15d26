using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace CstmML.Scoring.Tests.Exports;

/// <summary>
/// The Navigator publishes no JSON schema for layers; this checks a layer against the property tables of
/// layers/spec/v4.5/layerformat.md (mitre-attack/attack-navigator): required fields, types, allowed names.
/// </summary>
internal static partial class NavigatorLayerShape
{
    private static readonly HashSet<string> LayerProps =
    [
        "versions", "name", "description", "domain", "customDataURL", "filters", "sorting", "layout", "hideDisabled",
        "techniques", "gradient", "legendItems", "showTacticRowBackground", "tacticRowBackground",
        "selectTechniquesAcrossTactics", "selectSubtechniquesWithParent", "selectVisibleTechniques", "metadata", "links",
    ];

    private static readonly HashSet<string> TechniqueProps =
        ["techniqueID", "tactic", "comment", "enabled", "score", "color", "metadata", "links", "showSubtechniques"];

    private static readonly HashSet<string> LayoutProps =
        ["layout", "showID", "showName", "showAggregateScores", "countUnscored", "aggregateFunction", "expandedSubtechniques"];

    public static void AssertValid(JsonObject layer)
    {
        Assert.All(layer.Select(p => p.Key), k => Assert.Contains(k, LayerProps));
        Assert.Equal(JsonValueKind.String, layer["name"]?.GetValueKind());
        Assert.Contains((string?)layer["domain"], new[] { "enterprise-attack", "mobile-attack", "ics-attack" });

        var versions = layer["versions"]!.AsObject();
        Assert.Equal("4.5", (string?)versions["layer"]);
        Assert.True(Version.Parse((string)versions["navigator"]!) >= new Version(4, 9, 0), "navigator must be at least 4.9.0");
        Assert.Equal(JsonValueKind.String, versions["attack"]?.GetValueKind());

        Assert.InRange((int)layer["sorting"]!, 0, 3);
        var layout = layer["layout"]!.AsObject();
        Assert.All(layout.Select(p => p.Key), k => Assert.Contains(k, LayoutProps));
        Assert.Contains((string?)layout["layout"], new[] { "side", "flat", "mini" });
        Assert.Contains((string?)layout["expandedSubtechniques"], new[] { "none", "all", "annotated" });

        var gradient = layer["gradient"]!.AsObject();
        var colors = gradient["colors"]!.AsArray();
        Assert.True(colors.Count >= 2, "a gradient needs at least two colours");
        Assert.All(colors, c => Assert.Matches(HexColor(), (string)c!));
        Assert.True((double)gradient["maxValue"]! > (double)gradient["minValue"]!, "maxValue must be > minValue");

        foreach (var item in layer["legendItems"]!.AsArray())
        {
            Assert.Equal(JsonValueKind.String, item!["label"]?.GetValueKind());
            Assert.Matches(HexColor(), (string)item["color"]!);
        }

        AssertMetadata(layer["metadata"]);
        foreach (var node in layer["techniques"]!.AsArray())
        {
            var t = node!.AsObject();
            Assert.All(t.Select(p => p.Key), k => Assert.Contains(k, TechniqueProps));
            Assert.Matches(TechniqueIdPattern(), (string)t["techniqueID"]!);
            if (t["score"] is { } score)
            {
                Assert.Equal(JsonValueKind.Number, score.GetValueKind());
            }

            if (t["color"] is { } color)
            {
                Assert.Matches(HexColor(), (string)color!);
            }

            Assert.Equal(JsonValueKind.String, t["comment"]?.GetValueKind());
            Assert.Contains(t["enabled"]!.GetValueKind(), new[] { JsonValueKind.True, JsonValueKind.False });
            Assert.Contains(t["showSubtechniques"]!.GetValueKind(), new[] { JsonValueKind.True, JsonValueKind.False });
            AssertMetadata(t["metadata"]);
        }
    }

    private static void AssertMetadata(JsonNode? metadata)
    {
        foreach (var m in metadata?.AsArray() ?? [])
        {
            Assert.Equal(JsonValueKind.String, m!["name"]?.GetValueKind());
            Assert.Equal(JsonValueKind.String, m["value"]?.GetValueKind());
        }
    }

    [GeneratedRegex("^#[0-9a-fA-F]{6}$")]
    private static partial Regex HexColor();

    [GeneratedRegex(@"^T\d{4}(\.\d{3})?$")]
    private static partial Regex TechniqueIdPattern();
}
