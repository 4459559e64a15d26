namespace CstmML.Notebooks.Tests;

/// <summary>CI for <c>notebooks/*.ipynb</c>: every code cell of every notebook runs, in order, against the bundled data.</summary>
[Collection(SerialNotebookRuns.Name)]
public sealed class NotebookTests
{
    private const string KeepVariable = "CSTM_NOTEBOOK_KEEP";
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(90);
    private static readonly byte[] PngSignature = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>The notebook file names, for the theory.</summary>
    public static TheoryData<string> Notebooks() => [.. NotebookPaths.AllNotebooks().Select(Path.GetFileName).OfType<string>()];

    [Fact]
    public void Notebooks_Folder_HoldsTheDeliveredNotebooks()
    {
        // A renamed or deleted notebook must not silently drop out of the theory below.
        Assert.Superset(
            new HashSet<string>(["01-explore-alerts.ipynb", "04-author-a-playbook.ipynb"]),
            NotebookPaths.AllNotebooks().Select(Path.GetFileName).OfType<string>().ToHashSet());
    }

    [Theory]
    [MemberData(nameof(Notebooks))]
    public async Task Run_Notebook_EveryCellSucceedsAndWritesOnlyToTheOutputFolder(string notebook)
    {
        var path = Path.Combine(NotebookPaths.NotebooksFolder, notebook);
        // CSTM_NOTEBOOK_KEEP=DIR keeps the outputs (and a transcript of displayed values) for a look after the run.
        var keep = Environment.GetEnvironmentVariable(KeepVariable);
        var output = keep is null ? Directory.CreateTempSubdirectory("cstm-notebook-") : Directory.CreateDirectory(keep);
        var before = Snapshot(NotebookPaths.NotebooksFolder);
        try
        {
            var result = await NotebookRunner.RunAsync(notebook, NotebookRunner.Load(path), NotebookPaths.NotebooksFolder, output.FullName, Timeout);

            if (keep is not null)
            {
                await File.WriteAllLinesAsync(Path.Combine(keep, notebook + ".outputs.txt"), result.Outputs);
            }

            Assert.True(result.Succeeded, result.Describe());
            Assert.True(result.CodeCellsRun > 0, $"{notebook} has no code cells");
            Assert.Equal(before, Snapshot(NotebookPaths.NotebooksFolder));
            var files = output.EnumerateFiles("*", SearchOption.AllDirectories).ToList();
            Assert.True(files.Count > 0, $"{notebook} wrote nothing to ${NotebookPaths.OutputVariable}");
            foreach (var png in files.Where(f => f.Extension == ".png"))
            {
                var head = new byte[PngSignature.Length];
                using (var stream = png.OpenRead())
                {
                    stream.ReadExactly(head);
                }

                Assert.True(head.SequenceEqual(PngSignature) && png.Length > 1000, $"{png.Name} is not a rendered PNG");
            }
        }
        finally
        {
            if (keep is null)
            {
                output.Delete(recursive: true);
            }
        }
    }

    // Names and sizes of everything under the notebooks folder: a notebook must not write next to itself.
    private static string Snapshot(string folder) => string.Join('\n',
        Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal)
            .Select(f => $"{Path.GetRelativePath(folder, f)} {new FileInfo(f).Length}"));
}
