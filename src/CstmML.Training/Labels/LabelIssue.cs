namespace CstmML.Training.Labels;

/// <summary>A problem found in a labels file, located by file, 1-based line and column name.</summary>
/// <param name="File">The file as given, or a logical name.</param>
/// <param name="Line">1-based line where the row starts (1 is the header).</param>
/// <param name="Field">The column concerned, or "" for a whole-row problem.</param>
/// <param name="Severity">Error (row dropped or unusable) or warning (row kept).</param>
/// <param name="Message">What is wrong, in words.</param>
public sealed record LabelIssue(string File, long Line, string Field, LabelIssueSeverity Severity, string Message)
{
    public override string ToString() =>
        Field.Length > 0
            ? $"{File}:{Line}: {Severity.ToString().ToUpperInvariant()} [{Field}] {Message}"
            : $"{File}:{Line}: {Severity.ToString().ToUpperInvariant()} {Message}";
}
