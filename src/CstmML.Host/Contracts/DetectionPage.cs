namespace CstmML.Host.Contracts;

/// <summary>A page of GET /v1/detections; <c>next_cursor</c> is the cursor to pass next (unchanged when empty).</summary>
public sealed record DetectionPage(IReadOnlyList<Detection> Detections, string NextCursor);
