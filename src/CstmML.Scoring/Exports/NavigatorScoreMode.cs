namespace CstmML.Scoring.Exports;

/// <summary>What a technique's score in the layer means.</summary>
public enum NavigatorScoreMode
{
    /// <summary>The number of sequences in which the technique was observed.</summary>
    Count,

    /// <summary>The highest risk (0-100) of the sequences in which it was observed.</summary>
    MaxRisk,
}
