using Microsoft.DotNet.Interactive.Documents;

namespace CstmML.Notebooks.Tests;

/// <summary>The runner must fail loudly and precisely: each kind of broken cell is reported with its number.</summary>
[Collection(SerialNotebookRuns.Name)]
public sealed class NotebookRunnerTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    private static InteractiveDocument Document(params (string Kernel, string Code)[] cells)
    {
        var document = new InteractiveDocument();
        foreach (var (kernel, code) in cells)
        {
            document.Add(new InteractiveDocumentElement(code, kernel));
        }

        return document;
    }

    private static async Task<NotebookRunResult> RunAsync(InteractiveDocument document, TimeSpan? timeout = null)
    {
        var output = Directory.CreateTempSubdirectory("cstm-runner-test-");
        try
        {
            return await NotebookRunner.RunAsync("test.ipynb", document, NotebookPaths.NotebooksFolder, output.FullName, timeout ?? Timeout);
        }
        finally
        {
            output.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task RunAsync_CompileErrorInThirdCell_ReportsCellNumberCodeAndSource()
    {
        var result = await RunAsync(Document(("markdown", "# title"), (NotebookRunner.CSharp, "var x = 1;"), (NotebookRunner.CSharp, "var y = Math.Sqr(2);")));

        var failure = Assert.IsType<CellFailure>(result.Failure);
        Assert.Equal(3, failure.CellNumber);
        Assert.Equal(2, result.CodeCellsRun);
        Assert.Contains("Math.Sqr", failure.Source, StringComparison.Ordinal);
        Assert.Contains(failure.Errors, e => e.Contains("CS0117", StringComparison.Ordinal) && e.StartsWith("line 1, col ", StringComparison.Ordinal));
        Assert.Contains("Notebook test.ipynb: cell 3 failed.", result.Describe(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_ThrowingCell_ReportsTheExceptionAndRunsNoLaterCell()
    {
        var result = await RunAsync(Document((NotebookRunner.CSharp, "throw new InvalidOperationException(\"boom\");"), (NotebookRunner.CSharp, "var after = 1;")));

        var failure = Assert.IsType<CellFailure>(result.Failure);
        Assert.Equal(1, failure.CellNumber);
        Assert.Equal(1, result.CodeCellsRun);
        Assert.Contains(failure.Errors, e => e.Contains("InvalidOperationException", StringComparison.Ordinal) && e.Contains("boom", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RunAsync_MissingReferencedDll_ReportsCS0006()
    {
        var result = await RunAsync(Document((NotebookRunner.CSharp, "var a = 1;"), (NotebookRunner.CSharp, "#r \"../no-such-folder/Nope.dll\"")));

        var failure = Assert.IsType<CellFailure>(result.Failure);
        Assert.Equal(2, failure.CellNumber);
        Assert.Contains(failure.Errors, e => e.Contains("CS0006", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RunAsync_FSharpCell_ReportedAsUnsupported()
    {
        var result = await RunAsync(Document((NotebookRunner.CSharp, "var a = 1;"), ("fsharp", "let a = 1")));

        var failure = Assert.IsType<CellFailure>(result.Failure);
        Assert.Equal(2, failure.CellNumber);
        Assert.Equal(["cell language 'fsharp' is not supported by the test kernel"], failure.Errors);
    }

    [Fact]
    public async Task RunAsync_CellLongerThanTimeout_FailsWithTimeout()
    {
        var result = await RunAsync(Document((NotebookRunner.CSharp, "await Task.Delay(3000);")), TimeSpan.FromMilliseconds(300));

        var failure = Assert.IsType<CellFailure>(result.Failure);
        Assert.Contains(failure.Errors, e => e.Contains("did not finish", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RunAsync_Cells_RunInTheNotebookFolderWithTheOutputVariableAndRestoreBoth()
    {
        var before = Environment.CurrentDirectory;

        var result = await RunAsync(Document((NotebookRunner.CSharp, $"display(Environment.CurrentDirectory + \"|\" + Environment.GetEnvironmentVariable(\"{NotebookPaths.OutputVariable}\"));")));

        Assert.True(result.Succeeded, result.Describe());
        var shown = Assert.Single(result.Outputs);
        Assert.Contains(NotebookPaths.NotebooksFolder + "|", shown, StringComparison.Ordinal);
        Assert.Contains("cstm-runner-test-", shown, StringComparison.Ordinal);
        Assert.Equal(before, Environment.CurrentDirectory);
        Assert.Null(Environment.GetEnvironmentVariable(NotebookPaths.OutputVariable));
    }

    [Fact]
    public async Task RunAsync_DeliveredNotebookWithABrokenCell_ReportsThatCell()
    {
        // A real notebook: its #r cells must resolve from the notebooks folder before the broken cell is reached.
        var document = NotebookRunner.Load(Path.Combine(NotebookPaths.NotebooksFolder, "04-author-a-playbook.ipynb"));
        var index = document.Elements.ToList().FindIndex(e => e.Contents.Contains("PlaybookLoader.Parse(yaml, playbookFile)", StringComparison.Ordinal));
        Assert.True(index > 0, "04-author-a-playbook.ipynb no longer parses its playbook; update this test");
        document.Elements[index].Contents = document.Elements[index].Contents.Replace("PlaybookLoader.Parse(", "PlaybookLoader.Prase(", StringComparison.Ordinal);

        var result = await RunAsync(document);

        var failure = Assert.IsType<CellFailure>(result.Failure);
        Assert.Equal(index + 1, failure.CellNumber);
        Assert.Contains(failure.Errors, e => e.Contains("CS0117", StringComparison.Ordinal) && e.Contains("Prase", StringComparison.Ordinal));
    }
}
