namespace CstmML.Benchmarks.Host;

/// <summary>Latency from each request's scheduled time to its full response, how late the client sent it, and the failures (non-2xx or no answer).</summary>
internal sealed record ScoreLoadResult(Latencies Latency, Latencies SendLag, int Errors);
