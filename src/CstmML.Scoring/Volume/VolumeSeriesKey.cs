namespace CstmML.Scoring.Volume;

/// <summary>One hourly count series: an account or principal, for all alerts (tactic null) or one tactic.</summary>
internal readonly record struct VolumeSeriesKey(string Scope, string Key, string? Tactic);
