namespace CstmML.Notebooks.Tests;

/// <summary>The first cell of a notebook run that failed: its 1-based position in the notebook, its source and why.</summary>
internal sealed record CellFailure(int CellNumber, string Source, IReadOnlyList<string> Errors)
{
    /// <summary>A report naming the notebook, the cell number, the cell source and every error.</summary>
    public string Describe(string notebook) =>
        $"Notebook {notebook}: cell {CellNumber} failed.{Environment.NewLine}--- cell source ---{Environment.NewLine}{Source}"
        + $"{Environment.NewLine}--- errors ---{Environment.NewLine}{string.Join(Environment.NewLine, Errors.Select(e => "  " + e))}";
}
