namespace CstmML.Notebooks.Tests;

/// <summary>The outcome of running one notebook's code cells in order: how many ran, and the first failure if any.</summary>
internal sealed record NotebookRunResult(string Notebook, int CodeCellsRun, CellFailure? Failure, TimeSpan Elapsed)
{
    /// <summary>What the cells displayed (plain text where available), each prefixed with its cell number.</summary>
    public IReadOnlyList<string> Outputs { get; init; } = [];

    /// <summary>True when every code cell ran without an error.</summary>
    public bool Succeeded => Failure is null;

    /// <summary>"ok" or the failure report, for assertion messages.</summary>
    public string Describe() => Failure?.Describe(Notebook) ?? $"Notebook {Notebook}: {CodeCellsRun} code cells ran in {Elapsed.TotalSeconds:F1} s.";
}
