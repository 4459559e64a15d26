namespace CstmML.Training.Labels;

/// <summary>What a labels row asserts about the alerts it covers.</summary>
public enum LabelKind
{
    /// <summary>The alerts are one actor's malicious activity.</summary>
    Incident,

    /// <summary>The alerts are known-good activity of the principal (a clean baseline window).</summary>
    Benign,
}
