using CstmML.Core.Alerts;
using CstmML.Core.Attack;
using CstmML.Training.Simulation;

namespace CstmML.Training.Tests.Simulation;

public class ActorCatalogTests
{
    [Fact]
    public void All_HasTheNineActorClassesOfTheBrief()
    {
        Assert.Equal(
            ["teamtnt", "kinsing", "scattered-spider", "silk-typhoon", "scarleteel", "elektra-leak", "llmjacking", "ses-sns-abuse", "pacu"],
            ActorCatalog.All.Select(a => a.Id));
    }

    [Fact]
    public void All_EveryCallParsesAndEveryTechniqueIsInThePinnedCatalog()
    {
        foreach (var actor in ActorCatalog.All)
        {
            foreach (var stage in actor.Variants.SelectMany(v => v.Stages))
            {
                Assert.All(stage.Calls, c => ApiCall.Parse(c));
                Assert.NotEmpty(stage.Techniques);
                Assert.All(stage.Techniques, t => Assert.True(AttackCatalog.Pinned.Contains(TechniqueId.Parse(t)), $"{actor.Id}/{stage.Name}: {t} not in ATT&CK {AttackCatalog.PinnedVersion}"));
                Assert.InRange(stage.Probability, 0.01, 1);
                Assert.True(stage.RepeatMin >= 1 && stage.RepeatMax >= stage.RepeatMin, $"{actor.Id}/{stage.Name} repeats");
            }
        }
    }

    [Fact]
    public void All_AlertTypesAreKnownToTheWritersAndToTheReferenceLists()
    {
        var guardDuty = RepoPaths.FirstColumn("guardduty/finding_types.csv");
        var defender = RepoPaths.FirstColumn("azure/defender_for_resource_manager_alerts.csv");
        var scc = RepoPaths.FirstColumn("gcp/scc_threat_finding_categories.csv");
        var specs = ActorCatalog.All.SelectMany(a => a.Variants.SelectMany(v => v.Stages.SelectMany(s => s.Alerts.Select(x => (v.Cloud, x.Type)))))
            .Concat(RoleCatalog.All.SelectMany(r => r.RoutineAlerts.Select(x => (r.Cloud, x.Type))));

        foreach (var (cloud, type) in specs)
        {
            var (writerKnows, referenceKnows) = cloud switch
            {
                CloudKind.Aws => (AlertCatalog.GuardDuty.ContainsKey(type), guardDuty.Contains(type)),
                CloudKind.Azure => (AlertCatalog.Defender.ContainsKey(type), defender.Contains(type)),
                _ => (AlertCatalog.Scc.ContainsKey(type), scc.Contains(type)),
            };
            Assert.True(writerKnows, $"{type} missing from AlertCatalog");
            Assert.True(referenceKnows, $"{type} missing from the reference list");
        }
    }

    [Fact]
    public void All_TargetsAreRoleArchetypesOfTheSameCloud()
    {
        foreach (var variant in ActorCatalog.All.SelectMany(a => a.Variants))
        {
            Assert.All(variant.Targets, t => Assert.Equal(variant.Cloud, RoleCatalog.Get(t).Cloud));
        }
    }

    [Fact]
    public void All_ActorsShareTechniquesSoClassesOverlap()
    {
        var byActor = ActorCatalog.All.ToDictionary(a => a.Id, a => a.Variants.SelectMany(v => v.Stages).SelectMany(s => s.Techniques).ToHashSet());

        Assert.All(byActor, pair => Assert.Contains(byActor, other => other.Key != pair.Key && other.Value.Overlaps(pair.Value)));
    }

    [Fact]
    public void RoleCatalog_EveryMixCallParses()
    {
        Assert.All(RoleCatalog.All.SelectMany(r => r.Mix.Select(m => m.Call).Concat(r.Prologue)), c => ApiCall.Parse(c));
    }

    [Fact]
    public void Parse_MalformedCall_Throws()
    {
        Assert.Throws<FormatException>(() => ApiCall.Parse("ListUsers"));
    }
}
