using System.Text.Json.Nodes;
using CstmML.Core.Alerts;
using CstmML.Core.Attack;
using CstmML.Scoring.Exports;
using CstmML.Scoring.Results;
using CstmML.Testing.Exports;
using static CstmML.Scoring.Tests.Exports.ScoringResults;

namespace CstmML.Scoring.Tests.Exports;

public class StixBundleWriterTests
{
    private const string Dev = "arn:aws:iam::111122223333:role/dev";
    private const string Bob = "arn:aws:iam::111122223333:user/bob";
    private static readonly StixBundleWriter Writer = new(AttackCatalog.Pinned);
    private static readonly DateTimeOffset RunTime = new(2026, 3, 3, 12, 0, 0, TimeSpan.Zero);

    private static readonly NormalizedAlert[] Alerts =
    [
        Alert("a1", 0, Dev, "198.51.100.3", "T1078.004"),
        Alert("a2", 5, Dev, "2001:db8::7", "T1552.005"),
        Alert("a3", 9, Dev, "198.51.100.3", "T1552.005"),
        Alert("a4", 2, Bob, "ec2.amazonaws.com", "T1530"),
    ];

    private static readonly ScoringResult[] Run =
    [
        Make("s2", Dev, ["T1078.004", "T1552.005"], risk: 90, actor: "TeamTNT", probability: 0.873, alertIds: ["a1", "a2", "a3"]),
        Make("s3", Bob, ["T1530"], risk: 20, actor: "SCARLETEEL", probability: 0.6, startMinute: 1, alertIds: ["a4"]),
        Make("s4", Bob, ["T1098"], risk: 10, actor: "Kinsing", probability: 0.3, abstained: true, startMinute: 60),
    ];

    private static JsonArray Objects(StixExport export) => export.Bundle["objects"]!.AsArray();

    private static JsonObject Single(StixExport export, string type, Func<JsonObject, bool>? where = null) =>
        Assert.Single(Objects(export).Select(o => o!.AsObject()), o => (string?)o["type"] == type && (where?.Invoke(o) ?? true));

    [Fact]
    public void Build_EveryObject_IsValidAgainstTheStix21Schemas()
    {
        var export = Writer.Build(Run, RunTime, Alerts);

        var errors = Objects(export).SelectMany(o => StixSchemas.Errors(o!.AsObject())).ToList();

        Assert.Empty(errors);
        Assert.Empty(StixSchemas.BundleErrors(export.Bundle));
        Assert.All(Objects(export), o => Assert.Null(o!["objects"])); // the deprecated embedded form is never written
        Assert.Equal(
            ["attack-pattern", "intrusion-set", "ipv4-addr", "ipv6-addr", "observed-data", "sighting", "user-account"],
            Objects(export).Select(o => (string)o!["type"]!).Distinct().Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Build_Bundle_HasStix21EnvelopeAndResolvableRefs()
    {
        var bundle = Writer.Build(Run, RunTime, Alerts).Bundle;
        var ids = bundle["objects"]!.AsArray().Select(o => (string)o!["id"]!).ToHashSet(StringComparer.Ordinal);

        Assert.Equal("bundle", (string?)bundle["type"]);
        Assert.Matches("^bundle--[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$", (string)bundle["id"]!);
        Assert.Null(bundle["spec_version"]); // STIX 2.1 bundles carry no spec_version
        Assert.Equal(ids.Count, bundle["objects"]!.AsArray().Count); // no duplicate ids
        foreach (var o in bundle["objects"]!.AsArray().Select(o => o!.AsObject()))
        {
            foreach (var (name, value) in o)
            {
                var refs = name.EndsWith("_ref", StringComparison.Ordinal) ? [(string)value!]
                    : name.EndsWith("_refs", StringComparison.Ordinal) ? value!.AsArray().Select(v => (string)v!).ToArray() : [];
                Assert.All(refs, r => Assert.Contains(r, ids));
            }
        }
    }

    [Fact]
    public void Build_SameResultsShuffledAndLater_SameIdsAndSameObjectsApartFromTimes()
    {
        var a = Writer.Build(Run, RunTime, Alerts).Bundle;
        var b = Writer.Build(Run.Reverse().ToArray(), RunTime.AddDays(3), Alerts.Reverse().ToArray()).Bundle;

        Assert.Equal((string)a["id"]!, (string)b["id"]!);
        Assert.Equal(
            a["objects"]!.AsArray().Select(o => (string)o!["id"]!),
            b["objects"]!.AsArray().Select(o => (string)o!["id"]!));
        Assert.Equal("2026-03-06T12:00:00.000Z", (string?)b["objects"]!.AsArray().First(o => o!["created"] is not null)!["created"]);
    }

    [Fact]
    public void Build_SameInputTwice_ByteIdenticalJson()
    {
        static string Text(StixExport e)
        {
            using var ms = new MemoryStream();
            StixBundleWriter.Write(ms, e.Bundle);
            return System.Text.Encoding.UTF8.GetString(ms.ToArray());
        }

        Assert.Equal(Text(Writer.Build(Run, RunTime, Alerts)), Text(Writer.Build(Run, RunTime, Alerts)));
    }

    [Fact]
    public void Build_ActorWithEntity_IntrusionSetWithConfidenceAndAttackReference()
    {
        var export = Writer.Build(Run, RunTime, Alerts);
        var set = Single(export, "intrusion-set", o => (string?)o["name"] == "TeamTNT");

        Assert.Equal(87, (int)set["confidence"]!);
        var reference = set["external_references"]!.AsArray().Single()!;
        Assert.Equal("mitre-attack", (string?)reference["source_name"]);
        Assert.Equal("G0139", (string?)reference["external_id"]);
        var sighting = Single(export, "sighting", o => (string?)o["sighting_of_ref"] == (string?)set["id"]);
        Assert.Equal(87, (int)sighting["confidence"]!);
        Assert.Equal(1, (int)sighting["count"]!);
    }

    [Fact]
    public void Build_ActorWithoutEntity_IntrusionSetByLabelWithoutReference()
    {
        var set = Single(Writer.Build(Run, RunTime, Alerts), "intrusion-set", o => (string?)o["name"] == "SCARLETEEL");

        Assert.Null(set["external_references"]);
        Assert.Equal(60, (int)set["confidence"]!);
        Assert.Contains("no ATT&CK entity", (string)set["description"]!, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_AbstainedActor_NoIntrusionSet()
    {
        var export = Writer.Build(Run, RunTime, Alerts);

        Assert.DoesNotContain(Objects(export), o => (string?)o!["type"] == "intrusion-set" && ((string?)o["name"])!.Contains("Kinsing", StringComparison.Ordinal));
    }

    [Fact]
    public void Build_LabelsOfOneEntity_ShareOneIntrusionSet()
    {
        var results = new[]
        {
            Make("h1", Dev, ["T1078.004"], actor: "HAFNIUM", probability: 0.5),
            Make("h2", Bob, ["T1530"], actor: "Silk Typhoon", probability: 0.7),
        };
        var export = Writer.Build(results, RunTime);
        var set = Single(export, "intrusion-set");

        Assert.Equal("HAFNIUM", (string?)set["name"]);
        Assert.Equal(70, (int)set["confidence"]!);
        Assert.Equal(2, Objects(export).Count(o => (string?)o!["sighting_of_ref"] == (string?)set["id"]));
        Assert.Empty(StixSchemas.BundleErrors(export.Bundle));
    }

    [Fact]
    public void Build_AttackPattern_NamesTechniqueWithMitreReferenceAndKillChain()
    {
        var ap = Single(Writer.Build(Run, RunTime, Alerts), "attack-pattern",
            o => (string?)o["external_references"]![0]!["external_id"] == "T1552.005");

        Assert.Equal("Unsecured Credentials: Cloud Instance Metadata API", (string?)ap["name"]);
        Assert.Equal("https://attack.mitre.org/techniques/T1552/005/", (string?)ap["external_references"]![0]!["url"]);
        Assert.Equal("credential-access", (string?)ap["kill_chain_phases"]![0]!["phase_name"]);
    }

    [Fact]
    public void Build_TechniqueSighting_UsesTheTimesAndCountOfTheAlertsCarryingIt()
    {
        var export = Writer.Build(Run, RunTime, Alerts);
        var s = Single(export, "sighting", o => ((string?)o["description"])!.StartsWith("T1552.005", StringComparison.Ordinal));

        Assert.Equal(2, (int)s["count"]!);
        Assert.Equal("2026-03-02T09:05:00.000Z", (string?)s["first_seen"]);
        Assert.Equal("2026-03-02T09:09:00.000Z", (string?)s["last_seen"]);
    }

    [Fact]
    public void Build_ObservedData_RefersToPrincipalAndAddressesOfTheSequence()
    {
        var export = Writer.Build(Run, RunTime, Alerts);
        var od = Single(export, "observed-data", o => (string?)o["x_cstm_sequence_id"] == "s2");
        var refs = od["object_refs"]!.AsArray().Select(r => (string)r!).ToList();

        Assert.Equal(3, (int)od["number_observed"]!);
        Assert.Contains(StixIds.ForObservable("user-account", new Dictionary<string, string> { ["user_id"] = Dev }), refs);
        Assert.Contains(StixIds.ForObservable("ipv4-addr", new Dictionary<string, string> { ["value"] = "198.51.100.3" }), refs);
        Assert.Contains(StixIds.ForObservable("ipv6-addr", new Dictionary<string, string> { ["value"] = "2001:db8::7" }), refs);
        Assert.Equal(3, refs.Count);
    }

    [Fact]
    public void Build_SourceIpThatIsNotAnAddress_IsLeftOutWithANote()
    {
        var export = Writer.Build(Run, RunTime, Alerts);

        var note = Assert.Single(export.Notes);
        Assert.Contains("ec2.amazonaws.com", note, StringComparison.Ordinal);
        Assert.Contains("test.jsonl:3", note, StringComparison.Ordinal);
        Assert.DoesNotContain(Objects(export), o => (string?)o!["value"] == "ec2.amazonaws.com");
    }

    [Fact]
    public void Build_WithoutAlerts_StillValidAndUsesSequenceTimes()
    {
        var export = Writer.Build(Run, StixBundleWriter.DataTime(Run));
        var s = Single(export, "sighting", o => ((string?)o["description"])!.StartsWith("T1552.005", StringComparison.Ordinal));

        Assert.Empty(StixSchemas.BundleErrors(export.Bundle));
        Assert.Equal("2026-03-02T09:00:00.000Z", (string?)s["first_seen"]);
        Assert.Equal("2026-03-02T10:30:00.000Z", (string?)Objects(export).First(o => o!["created"] is not null)!["created"]);
    }

    [Fact]
    public void Schemas_BrokenObjects_AreRejected()
    {
        var ap = Single(Writer.Build(Run, RunTime, Alerts), "intrusion-set", o => (string?)o["name"] == "TeamTNT").DeepClone().AsObject();
        ap["confidence"] = 150;
        var noName = Single(Writer.Build(Run, RunTime, Alerts), "attack-pattern",
            o => (string?)o["external_references"]![0]!["external_id"] == "T1530").DeepClone().AsObject();
        noName.Remove("name");
        var badTime = Single(Writer.Build(Run, RunTime, Alerts), "observed-data", o => (string?)o["x_cstm_sequence_id"] == "s2").DeepClone().AsObject();
        badTime["created"] = "2026-03-03 12:00:00";

        Assert.NotEmpty(StixSchemas.Errors(ap));
        Assert.NotEmpty(StixSchemas.Errors(noName));
        Assert.NotEmpty(StixSchemas.Errors(badTime));
    }

    [Fact]
    public void Schemas_ObjectOfATypeWithoutBundledSchema_FailsTheBundle()
    {
        var bundle = Writer.Build(Run, RunTime, Alerts).Bundle.DeepClone().AsObject();
        bundle["objects"]!.AsArray().Add(new JsonObject
        {
            ["type"] = "domain-name",
            ["spec_version"] = "2.1",
            ["id"] = StixIds.ForObservable("domain-name", new Dictionary<string, string> { ["value"] = "example.com" }),
            ["value"] = "example.com",
        });

        Assert.Contains(StixSchemas.Placeholders, u => u.AbsoluteUri.EndsWith("/observables/domain-name.json", StringComparison.Ordinal));
        Assert.NotEmpty(StixSchemas.BundleErrors(bundle));
    }

    [Fact]
    public void Schemas_BundleWithBrokenObject_FailsTheBundle()
    {
        var bundle = Writer.Build(Run, RunTime, Alerts).Bundle.DeepClone().AsObject();
        bundle["objects"]![0]!["spec_version"] = "3.0";

        Assert.NotEmpty(StixSchemas.BundleErrors(bundle));
    }

    [Theory]
    [InlineData(0.873, 87)]
    [InlineData(0.995, 100)]
    [InlineData(0.005, 1)]
    [InlineData(1.7, 100)]
    [InlineData(double.NaN, 0)]
    public void Confidence_CalibratedProbability_MapsToZeroToHundred(double p, int expected)
    {
        Assert.Equal(expected, StixBundleWriter.Confidence(p));
    }
}
