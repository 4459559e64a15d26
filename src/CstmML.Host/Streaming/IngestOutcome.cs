namespace CstmML.Host.Streaming;

/// <summary>What one streamed batch did.</summary>
internal sealed record IngestOutcome(int Accepted, int Duplicates, int Detections);
