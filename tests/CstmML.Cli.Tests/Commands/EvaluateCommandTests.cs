using CstmML.Cli.Commands;
using CstmML.Testing;

namespace CstmML.Cli.Tests.Commands;

public sealed class EvaluateCommandTests(TrainCorpusFixture corpus) : IClassFixture<TrainCorpusFixture>
{
    [Fact]
    public void Evaluate_TamperedModelFile_Exit2NamesFile()
    {
        using var dir = new TempDir();
        var model = dir.File("m");
        Assert.Equal(ExitCodes.Ok, TrainCommandTests.Run(new CliHarness(), "train", "--data", corpus.Directory, "--out", model, "--seed", "3"));
        File.AppendAllText(Path.Combine(model, "split.json"), " ");
        var harness = new CliHarness();

        Assert.Equal(ExitCodes.Usage, TrainCommandTests.Run(harness, "evaluate", "--model", model, "--data", corpus.Directory));

        Assert.Contains("split.json", harness.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_MissingModel_Exit2()
    {
        var harness = new CliHarness();
        Assert.Equal(ExitCodes.Usage, TrainCommandTests.Run(harness, "evaluate", "--model", "/no/such/model", "--data", corpus.Directory));
        Assert.Contains("--model", harness.Stderr, StringComparison.Ordinal);
    }
}
