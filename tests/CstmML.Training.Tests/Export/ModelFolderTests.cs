using CstmML.Core.Models;
using CstmML.Scoring.Models;
using CstmML.Training.Evaluation;
using CstmML.Training.Export;
using CstmML.Training.Tests.Evaluation;

namespace CstmML.Training.Tests.Export;

public class ModelFolderTests(TrainedModelFixture fixture) : IClassFixture<TrainedModelFixture>
{
    [Fact]
    public void Train_SameDataAndSeed_SameManifestAndFileBytes()
    {
        // Reordered input: training sorts rows, so order must not matter either.
        var again = ModelTrainer.Train([.. fixture.Data.Reverse()], TinyFeaturizer.Schema, TrainedModelFixture.Options);

        Assert.Equal(ModelManifestJson.ToUtf8(fixture.Model.Manifest), ModelManifestJson.ToUtf8(again.Manifest));
        Assert.Equal(fixture.Model.Files.Keys, again.Files.Keys);
        Assert.All(fixture.Model.Files, f => Assert.Equal(f.Value, again.Files[f.Key]));
    }

    [Fact]
    public void Train_OtherSeed_DifferentTrainingResult()
    {
        var other = ModelTrainer.Train(fixture.Data, TinyFeaturizer.Schema, TrainedModelFixture.Options with { Seed = 99, Report = false });

        Assert.NotEqual(fixture.Model.Manifest.Files.Single(f => f.Path == ModelFiles.ActorOnnx).Sha256, other.Manifest.Files.Single(f => f.Path == ModelFiles.ActorOnnx).Sha256);
    }

    [Fact]
    public void Write_Folder_ListsEveryFileWithDigest()
    {
        var onDisk = Directory.EnumerateFiles(fixture.Directory, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(fixture.Directory, f).Replace('\\', '/'))
            .Where(f => f != ModelConstants.ManifestFileName)
            .Order(StringComparer.Ordinal);

        Assert.Equal(onDisk, fixture.Model.Manifest.Files.Select(f => f.Path));
        Assert.Contains(ModelFiles.ActorOnnx, onDisk);
        Assert.Contains(ModelFiles.RocPlot, onDisk);
        Assert.Contains(onDisk, f => f.StartsWith("baselines/kmeans/", StringComparison.Ordinal));
    }

    [Fact]
    public void Load_OneByteChanged_RefusedNamingTheFile()
    {
        var copy = fixture.CopyFolder();
        var path = Path.Combine(copy, ModelFiles.ActorOnnx);
        var bytes = File.ReadAllBytes(path);
        bytes[bytes.Length / 2] ^= 0x01;
        File.WriteAllBytes(path, bytes);

        var ex = Assert.Throws<ModelIntegrityException>(() => ModelFolder.Load(copy, TinyFeaturizer.Schema));

        Assert.Equal(ModelFiles.ActorOnnx, ex.File);
        Assert.Contains("SHA-256", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_FileMissing_RefusedNamingTheFile()
    {
        var copy = fixture.CopyFolder();
        File.Delete(Path.Combine(copy, ModelFiles.Baselines));

        var ex = Assert.Throws<ModelIntegrityException>(() => ModelFolder.Load(copy, TinyFeaturizer.Schema));

        Assert.Equal(ModelFiles.Baselines, ex.File);
    }

    [Theory]
    [InlineData("feature_schema.dimension")]
    [InlineData("feature_schema.version")]
    [InlineData("feature_schema.fingerprint")]
    public void Load_SchemaMismatch_RefusedNamingTheField(string field)
    {
        var s = TinyFeaturizer.Schema;
        var code = field switch
        {
            "feature_schema.dimension" => s with { Dimension = s.Dimension + 1 },
            "feature_schema.version" => s with { Version = "tiny-2" },
            _ => s with { Fingerprint = "other" },
        };

        var ex = Assert.Throws<ModelIntegrityException>(() => ModelFolder.Load(fixture.Directory, code));

        Assert.Equal(field, ex.Field);
        Assert.Contains(field, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_FromDisk_SameMetricsAsTraining()
    {
        var evaluation = ModelEvaluator.Evaluate(fixture.Directory, TinyFeaturizer.Schema, fixture.Model.Split.Test);

        Assert.Equal(fixture.Model.Files[ModelFiles.Metrics], evaluation.MetricsUtf8());
        Assert.Equal(fixture.Model.Manifest.Metrics, evaluation.Scalars);
    }

    [Fact]
    public void Metrics_Json_HasContractKeys()
    {
        var m = fixture.Model.Evaluation.Metrics;

        foreach (var section in new[] { m, m["markov_baseline"]!.AsObject() })
        {
            Assert.NotNull(section["actor"]!["macro_f1"]);
            Assert.NotNull(section["actor"]!["ece"]);
            Assert.NotNull(section["actor"]!["abstain_rate"]);
            Assert.NotNull(section["actor"]!["per_class"]);
            Assert.NotNull(section["anomaly"]!["roc_auc"]);
            Assert.NotNull(section["anomaly"]!["tpr_at_1pct_fpr"]);
        }
    }

    [Fact]
    public void Train_BadFeatureLength_ThrowsNamingRowAndField()
    {
        var rows = fixture.Data.ToList();
        rows[5] = rows[5] with { Features = new float[3] };

        var ex = Assert.Throws<ArgumentException>(() => ModelTrainer.Train(rows, TinyFeaturizer.Schema, TrainedModelFixture.Options));

        Assert.Contains("row 5", ex.Message, StringComparison.Ordinal);
        Assert.Contains("'features'", ex.Message, StringComparison.Ordinal);
    }
}
