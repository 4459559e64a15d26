namespace CstmML.Scoring.Results;

/// <summary>How fast the sequence moved: <c>class</c> is automated | manual | mixed.</summary>
public sealed record VelocityResult(double EventsPerMinute, double MedianGapSeconds, double MinGapSeconds, double Burstiness, string Class);
