namespace CstmML.Training.Labels;

/// <summary>How bad a labels-file problem is.</summary>
public enum LabelIssueSeverity
{
    /// <summary>Suspicious but usable (the row is kept).</summary>
    Warning,

    /// <summary>The row (or file) cannot be used as written.</summary>
    Error,
}
