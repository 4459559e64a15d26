namespace CstmML.Scoring.Volume;

/// <summary>A finding inside one series: hour index, kind, observed and expected counts, robust z.</summary>
internal readonly record struct VolumeDetection(int Index, string Kind, double Observed, double Expected, double Score);
