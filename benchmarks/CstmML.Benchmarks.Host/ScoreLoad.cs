using System.Diagnostics;
using System.Net.Http.Headers;

namespace CstmML.Benchmarks.Host;

/// <summary>Open-loop load on /v1/score: requests are scheduled at a fixed rate; latency counts from the scheduled time (no coordinated omission).</summary>
internal static class ScoreLoad
{
    public static async Task<(Latencies Latencies, int Errors)> RunAsync(HttpClient client, int rate, TimeSpan duration, int alertsPerRequest, int maxInFlight)
    {
        var bodies = Enumerable.Range(0, 64).Select(i => Payloads.Lines($"s{i}", alertsPerRequest, 10, i * 1000L)).ToArray();
        var latencies = new Latencies();
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

            await gate.WaitAsync().ConfigureAwait(false);
            var body = bodies[i % bodies.Length];
            inflight.Add(Task.Run(async () =>
            {
                try
                {
                    using var content = new ByteArrayContent(body);
                    content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
                    using var response = await client.PostAsync(new Uri("/v1/score", UriKind.Relative), content).ConfigureAwait(false);
                    await response.Content.ReadAsByteArrayAsync().ConfigureAwait(false);
                    if (!response.IsSuccessStatusCode)
                    {
                        Interlocked.Increment(ref errors);
                    }

                    latencies.Add((sw.Elapsed - due).TotalMilliseconds);
                }
                finally
                {
                    gate.Release();
                }
            }));
        }

        await Task.WhenAll(inflight).ConfigureAwait(false);
        return (latencies, errors);
    }
}
