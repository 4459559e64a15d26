using System.Text.Json;
using CstmML.Core.Sequences;
using CstmML.Features.Featurization;
using CstmML.Scoring.Baselines;
using CstmML.Scoring.Engine;
using CstmML.Scoring.Models;
using CstmML.Scoring.Results;

namespace CstmML.Scoring.Tests.Engine;

public sealed class ScoringEngineTests(EngineModelFixture fixture) : IClassFixture<EngineModelFixture>
{
    private static readonly DateTimeOffset Later = EngineCorpus.Epoch.AddDays(60);

    [Fact]
    public void Score_StopLoggingIncident_DetectsPlaybookNamesActorAndExplains()
    {
        using var engine = fixture.Load();
        var incident = EngineCorpus.Incident(1, 0, Later, new Random(99), "x");

        var r = Assert.Single(engine.Score([incident]));

        var playbook = Assert.Single(r.Playbooks, p => p.PlaybookId == "cloudtrail-stopped-not-restored");
        Assert.Contains(r.Risk.Reasons, x => x.Code == RiskReasonCodes.Playbook);
        Assert.NotNull(r.Actor);
        Assert.NotEmpty(r.Actor.Candidates);
        Assert.Equal("SCARLETEEL", r.Actor.Candidates[0].Label);
        Assert.NotNull(r.Anomaly);
        Assert.NotEmpty(r.Anomaly.Differences);
        Assert.NotEmpty(r.Anomaly.TopNgrams);
        Assert.All(r.Anomaly.RarestWindowAlertIds, id => Assert.Contains(id, r.AlertIds));
        Assert.Equal(Math.Min(100, r.Risk.Reasons.Sum(x => x.Points)), r.Risk.Score, 0.51);
        Assert.Equal(new ModelRef("engine-test", "0.0.1"), r.Model);
        Assert.All(playbook.Steps.SelectMany(s => s.AlertIds), id => Assert.Contains(id, r.AlertIds));
    }

    [Fact]
    public void Score_BenignSequence_RoleBaselineAndLowerRiskThanIncident()
    {
        using var engine = fixture.Load();
        var benign = EngineCorpus.Benign(0, Later, new Random(5), "b");
        var incident = EngineCorpus.Incident(0, 0, Later.AddHours(5), new Random(6), "i");

        var results = engine.Score([benign, incident]);

        Assert.Equal(BaselineLevel.Role, results[0].Anomaly!.Baseline);
        Assert.Equal(BaselineKeys.RoleOf(benign), results[0].Anomaly!.BaselineKey);
        Assert.True(results[0].Risk.Score < results[1].Risk.Score, $"benign {results[0].Risk.Score} vs incident {results[1].Risk.Score}");
        Assert.Empty(results[0].Playbooks);
    }

    [Fact]
    public void Score_BatchOrOneByOne_IdenticalJson()
    {
        using var engine = fixture.Load();
        var random = new Random(17);
        var batch = Enumerable.Range(0, 12)
            .Select(i => i % 2 == 0 ? EngineCorpus.Benign(i % 3, Later.AddHours(i), random, $"s{i}") : EngineCorpus.Incident(i % 3, i % 3, Later.AddHours(i), random, $"s{i}"))
            .ToArray();

        var together = engine.Score(batch).Select(Json);
        var alone = batch.Select(s => Json(engine.Score([s])[0]));

        foreach (var (a, t) in alone.Zip(together))
        {
            Assert.Equal(a, t);
        }
    }

    [Fact]
    public void Score_ContextVolumeFindings_AddVolumeReason()
    {
        using var engine = fixture.Load();
        var benign = EngineCorpus.Benign(0, Later, new Random(5), "v");
        var finding = new VolumeFinding { Kind = "spike", Scope = "principal", Key = benign.Principal, HourStart = Later, Observed = 90, Expected = 3, Score = 9 };
        var context = new ScoringContext { VolumeCovering = (_, _, _, _) => [finding] };

        var plain = engine.Score([benign])[0];
        var withVolume = engine.Score([benign], context)[0];

        Assert.Equal([finding], withVolume.Volume);
        Assert.Contains(withVolume.Risk.Reasons, r => r.Code == "volume_spike");
        Assert.True(withVolume.Risk.Score > plain.Risk.Score);
    }

    [Fact]
    public void Score_EmptyBatch_Empty()
    {
        using var engine = fixture.Load();
        Assert.Empty(engine.Score(Array.Empty<AlertSequence>()));
    }

    [Fact]
    public void Load_MissingFile_NamesFile()
    {
        var dir = fixture.CopyModel();
        File.Delete(Path.Combine(dir, "actor", "actor.onnx"));

        var ex = Assert.Throws<ModelIntegrityException>(() => ScoringEngine.Load(dir, Options()));

        Assert.Equal("actor/actor.onnx", ex.File);
        Assert.Contains("missing", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_TamperedFile_NamesFileAndDigest()
    {
        var dir = fixture.CopyModel();
        var path = Path.Combine(dir, "baselines", "baselines.json");
        var bytes = File.ReadAllBytes(path);
        bytes[bytes.Length / 2] ^= 0x20;
        File.WriteAllBytes(path, bytes);

        var ex = Assert.Throws<ModelIntegrityException>(() => ScoringEngine.Load(dir, Options()));

        Assert.Equal("baselines/baselines.json", ex.File);
        Assert.Contains("SHA-256", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_CorruptedOnnxWithMatchingManifest_NamesFile()
    {
        var dir = fixture.CopyModel();
        var path = Path.Combine(dir, "actor", "actor.onnx");
        var garbage = new byte[new FileInfo(path).Length];
        File.WriteAllBytes(path, garbage);
        RewriteManifest(dir, m => m.Replace(Sha(File.ReadAllBytes(Path.Combine(fixture.ModelDirectory, "actor", "actor.onnx"))), Sha(garbage), StringComparison.Ordinal));

        var ex = Assert.Throws<ModelIntegrityException>(() => ScoringEngine.Load(dir, Options()));

        Assert.Equal("actor/actor.onnx", ex.File);
    }

    [Fact]
    public void Load_ManifestSizeMismatch_NamesFile()
    {
        var dir = fixture.CopyModel();
        File.AppendAllText(Path.Combine(dir, "actor", "evidence.json"), " ");

        var ex = Assert.Throws<ModelIntegrityException>(() => ScoringEngine.Load(dir, Options()));

        Assert.Equal("actor/evidence.json", ex.File);
        Assert.Contains("size", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_IncompatibleSchema_NamesField()
    {
        var options = Options() with { Schema = FeatureSchema.Create(techniqueBuckets: 17) };

        var ex = Assert.Throws<ModelIntegrityException>(() => ScoringEngine.Load(fixture.ModelDirectory, options));

        Assert.Equal("manifest.json", ex.File);
        Assert.StartsWith("feature_schema.", ex.Field, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_MissingPlaybookLibrary_ClearError()
    {
        var options = Options() with { PlaybooksDirectory = Path.Combine(fixture.Directory, "no-such-folder") };

        var ex = Assert.Throws<InvalidDataException>(() => ScoringEngine.Load(fixture.ModelDirectory, options));

        Assert.Contains("no-such-folder", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DefaultPlaybooksDirectory_NoOwnFolder_SiblingPlaybooks()
    {
        var dir = Path.Combine(fixture.Directory, "models", "default");

        Assert.Equal(Path.Combine(fixture.Directory, "models", "playbooks"), ScoringEngine.DefaultPlaybooksDirectory(dir));
    }

    private static ScoringEngineOptions Options() => new() { PlaybooksDirectory = EngineModelFixture.PlaybooksDirectory };

    private static string Json(ScoringResult r) => JsonSerializer.Serialize(r, ScoringResultJsonContext.Default.ScoringResult);

    private static string Sha(byte[] bytes) => FileDigest.Sha256Hex(bytes);

    private static void RewriteManifest(string dir, Func<string, string> edit)
    {
        var path = Path.Combine(dir, "manifest.json");
        File.WriteAllText(path, edit(File.ReadAllText(path)));
    }
}
