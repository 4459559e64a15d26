using System.Diagnostics;
using System.Net.Http.Headers;

namespace CstmML.Benchmarks.Host;

/// <summary>
/// Open-loop load on /v1/score: request i is due at i / rate seconds and its latency counts from that scheduled time,
/// whether or not the client managed to send it on time (no coordinated omission: a slow host cannot slow the
/// schedule down). How late the client actually sent is reported apart (<see cref="ScoreLoadResult.SendLag"/>), so a
/// client that cannot keep up is visible instead of being mistaken for host latency.
/// </summary>
internal static class ScoreLoad
{
    public static async Task<ScoreLoadResult> RunAsync(HttpClient client, int rate, TimeSpan duration, int alertsPerRequest, int maxInFlight)
    {
        var bodies = Enumerable.Range(0, 64).Select(i => Payloads.Lines($"s{i}", alertsPerRequest, 10, i * 1000L)).ToArray();
        var latencies = new Latencies();
        var lag = new Latencies();
        var errors = 0;
        var gate = new SemaphoreSlim(maxInFlight);
        var inflight = new List<Task>();
        var total = (int)(rate * duration.TotalSeconds);
        var sw = Stopwatch.StartNew();
        for (var i = 0; i < total; i++)
        {
            var due = TimeSpan.FromSeconds((double)i / rate);
            var wait = due - sw.Elapsed;
            if (wait > TimeSpan.FromMilliseconds(1))
            {
                await Task.Delay(wait).ConfigureAwait(false);
            }

            // Past maxInFlight the client waits, but the latency still counts from `due`.
            await gate.WaitAsync().ConfigureAwait(false);
            var body = bodies[i % bodies.Length];
            inflight.Add(Task.Run(async () =>
            {
                try
                {
                    lag.Add((sw.Elapsed - due).TotalMilliseconds);
                    using var content = new ByteArrayContent(body);
                    content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
                    using var response = await client.PostAsync(new Uri("/v1/score", UriKind.Relative), content).ConfigureAwait(false);
                    await response.Content.ReadAsByteArrayAsync().ConfigureAwait(false);
                    latencies.Add((sw.Elapsed - due).TotalMilliseconds);
                    if (!response.IsSuccessStatusCode)
                    {
                        Interlocked.Increment(ref errors);
                    }
                }
                catch (HttpRequestException)
                {
                    Interlocked.Increment(ref errors);
                }
                finally
                {
                    gate.Release();
                }
            }));
        }

        await Task.WhenAll(inflight).ConfigureAwait(false);
        return new ScoreLoadResult(latencies, lag, errors);
    }
}
