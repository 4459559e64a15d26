using System.Text.Json.Nodes;
using CstmML.Core.Alerts;
using CstmML.Core.Attack;
using CstmML.Scoring.Exports;
using CstmML.Scoring.Results;
using static CstmML.Scoring.Tests.Exports.ScoringResults;

namespace CstmML.Scoring.Tests.Exports;

public class NavigatorLayerWriterTests
{
    private static readonly NavigatorLayerWriter Writer = new(AttackCatalog.Pinned);

    private static readonly ScoringResult[] Run =
    [
        Make("s1", "arn:aws:iam::111122223333:role/ci", ["T1078.004", "T1530"], risk: 40),
        Make("s2", "arn:aws:iam::111122223333:role/dev", ["T1078.004", "T1552.005", "T1071.004"], risk: 90, actor: "TeamTNT", probability: 0.87),
        Make("s3", "arn:aws:iam::111122223333:user/bob", ["T1530"], risk: 20, actor: "SCARLETEEL", probability: 0.6),
        Make("s4", "arn:aws:iam::111122223333:user/eve", ["T1098"], risk: 10, actor: "Kinsing", probability: 0.3, abstained: true),
    ];

    [Fact]
    public void BuildRunLayer_CountMode_ScoresSequencesPerTechnique()
    {
        var layer = Writer.BuildRunLayer(Run, "run");
        var byId = layer.Techniques.ToDictionary(t => t.TechniqueId);

        Assert.Equal(2, byId["T1078.004"].Score);
        Assert.Equal(2, byId["T1530"].Score);
        Assert.Equal(1, byId["T1552.005"].Score);
        Assert.Equal(1, byId["T1098"].Score);
        Assert.Equal(0, layer.Gradient.MinValue);
        Assert.Equal(2, layer.Gradient.MaxValue);
        Assert.Contains("max risk 90", byId["T1078.004"].Comment, StringComparison.Ordinal);
        Assert.Contains("arn:aws:iam::111122223333:role/ci", byId["T1078.004"].Comment, StringComparison.Ordinal);
    }

    [Fact]
    public void BuildRunLayer_MaxRiskMode_ScoresHighestRisk()
    {
        var writer = new NavigatorLayerWriter(AttackCatalog.Pinned, new NavigatorLayerOptions { ScoreMode = NavigatorScoreMode.MaxRisk });
        var layer = writer.BuildRunLayer(Run, "run");
        var byId = layer.Techniques.ToDictionary(t => t.TechniqueId);

        Assert.Equal(90, byId["T1078.004"].Score);
        Assert.Equal(40, byId["T1530"].Score);
        Assert.Equal(100, layer.Gradient.MaxValue);
    }

    [Fact]
    public void BuildRunLayer_ObservedSubTechnique_ParentIsAddedUnscoredAndExpanded()
    {
        var layer = Writer.BuildRunLayer(Run, "run");
        var parent = Assert.Single(layer.Techniques, t => t.TechniqueId == "T1078");

        Assert.Null(parent.Score);
        Assert.True(parent.ShowSubtechniques);
        Assert.DoesNotContain(layer.Techniques, t => t.TechniqueId == "T1078.004" && t.ShowSubtechniques);
    }

    [Fact]
    public void BuildLayers_ActorHypotheses_OneLayerPerNonAbstainedLabel()
    {
        var layers = Writer.BuildLayers(Run, "run");

        Assert.Equal(["run - observed techniques", "run - SCARLETEEL", "run - TeamTNT"], layers.Select(l => l.Name));
    }

    [Fact]
    public void BuildActorLayer_ActorWithEntity_ListsKnownUnobservedTechniquesAsHuntLeads()
    {
        Assert.True(AttackCatalog.Pinned.TryGetEntity("G0139", out var teamTnt));
        var layer = Writer.BuildActorLayer("TeamTNT", [Run[1]], "run");
        var leads = layer.Techniques.Where(t => t.Color == NavigatorDefaults.HuntLeadColor).ToList();
        var leadIds = leads.Select(l => l.TechniqueId).ToHashSet();

        // T1552.005 was observed exactly; T1071 is covered by the observed T1071.004; T1071.001 is not.
        Assert.DoesNotContain("T1552.005", leadIds);
        Assert.DoesNotContain("T1071", leadIds);
        Assert.Contains("T1071.001", leadIds);
        Assert.Equal(teamTnt.Techniques.Count - 2, leads.Count);
        Assert.All(leads, l =>
        {
            Assert.Null(l.Score);
            Assert.Contains(TechniqueId.Parse(l.TechniqueId), teamTnt.Techniques);
            Assert.StartsWith("Hunt lead: TeamTNT (G0139)", l.Comment, StringComparison.Ordinal);
            Assert.Contains(l.Metadata, m => m.Name == NavigatorFields.MetaHuntLead && m.Value == "true");
        });
        Assert.Contains("G0139", layer.Description, StringComparison.Ordinal);
        Assert.Contains(layer.LegendItems, i => i.Color == NavigatorDefaults.HuntLeadColor);
    }

    [Fact]
    public void BuildActorLayer_CloudOnlyOption_KeepsOnlyCloudRelevantLeads()
    {
        var writer = new NavigatorLayerWriter(AttackCatalog.Pinned, new NavigatorLayerOptions { HuntLeadsCloudOnly = true });
        var all = Writer.BuildActorLayer("TeamTNT", [Run[1]], "run").Techniques.Count(t => t.Color is not null);
        var leads = writer.BuildActorLayer("TeamTNT", [Run[1]], "run").Techniques.Where(t => t.Color is not null).ToList();

        Assert.NotEmpty(leads);
        Assert.True(leads.Count < all);
        Assert.All(leads, l => Assert.True(AttackCatalog.Pinned.TryGetTechnique(TechniqueId.Parse(l.TechniqueId), out var t) && t.CloudRelevant));
    }

    [Fact]
    public void BuildActorLayer_LabelWithoutEntity_HasNoHuntLeadsAndSaysSo()
    {
        var layer = Writer.BuildActorLayer("SCARLETEEL", [Run[2]], "run");

        Assert.DoesNotContain(layer.Techniques, t => t.Color is not null);
        Assert.Contains("no ATT&CK group or software entity", layer.Description, StringComparison.Ordinal);
        Assert.Equal(["T1530"], layer.Techniques.Select(t => t.TechniqueId));
    }

    [Fact]
    public void Serialize_Layers_HaveTheRequiredFieldsOfFormat45()
    {
        var json = JsonNode.Parse(NavigatorLayerWriter.Serialize(Writer.BuildLayers(Run, "run")))!.AsArray();

        Assert.Equal(3, json.Count);
        foreach (var layer in json.Select(l => l!.AsObject()))
        {
            NavigatorLayerShape.AssertValid(layer);
        }
    }

    [Fact]
    public void Write_OneLayer_WritesAnObjectNotAList()
    {
        var json = JsonNode.Parse(NavigatorLayerWriter.Serialize([Writer.BuildRunLayer(Run, "run")]));

        Assert.IsType<JsonObject>(json);
        NavigatorLayerShape.AssertValid(json!.AsObject());
    }

    [Fact]
    public void Serialize_SameResultsInAnotherOrder_SameText()
    {
        var a = NavigatorLayerWriter.Serialize(Writer.BuildLayers(Run, "run"));
        var b = NavigatorLayerWriter.Serialize(Writer.BuildLayers(Run.Reverse().ToArray(), "run"));

        Assert.Equal(a, b);
    }

    [Fact]
    public void NavigatorLayerShape_MissingDomain_IsRejected()
    {
        var layer = JsonNode.Parse(NavigatorLayerWriter.Serialize([Writer.BuildRunLayer(Run, "run")]))!.AsObject();
        layer.Remove(NavigatorFields.Domain);

        Assert.ThrowsAny<Exception>(() => NavigatorLayerShape.AssertValid(layer));
    }

    [Fact]
    public void Defaults_ArePinned()
    {
        var o = new NavigatorLayerOptions();
        Assert.Equal(NavigatorScoreMode.Count, o.ScoreMode);
        Assert.Equal(["#ffe766", "#ff9933", "#e60d0d"], o.GradientColors);
        Assert.Equal("#66b1ff", o.HuntLeadColor);
        Assert.False(o.HuntLeadsCloudOnly);
        Assert.Equal(5, o.MaxPrincipalsListed);
        Assert.Equal(20, new StixBundleOptions().MaxAddressesPerSequence);
        var layer = Writer.BuildRunLayer(Run, "run");
        Assert.Equal(("18", "5.1.0", "4.5"), (layer.Versions.Attack, layer.Versions.Navigator, layer.Versions.Layer));
        Assert.Equal("enterprise-attack", layer.Domain);
    }

    [Fact]
    public void Constructor_OneGradientColour_Throws()
    {
        var ex = Assert.Throws<ArgumentException>(() => new NavigatorLayerWriter(AttackCatalog.Pinned, new NavigatorLayerOptions { GradientColors = ["#ffffff"] }));
        Assert.Contains("GradientColors", ex.Message, StringComparison.Ordinal);
    }
}
