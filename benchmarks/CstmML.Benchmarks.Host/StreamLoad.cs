using System.Diagnostics;
using System.Net.Http.Headers;

namespace CstmML.Benchmarks.Host;

/// <summary>Closed-loop load on /v1/alerts: a few clients post batches of new alerts as fast as the host accepts them (each 202 = stored durably).</summary>
internal static class StreamLoad
{
    public static async Task<(long Alerts, TimeSpan Elapsed, Latencies Latencies, int Errors)> RunAsync(Func<HttpClient> clients, int concurrency, int batch, TimeSpan duration)
    {
        long accepted = 0;
        var errors = 0;
        var latencies = new Latencies();
        var sw = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, concurrency).Select(w => Task.Run(async () =>
        {
            using var client = clients();
            for (var n = 0; sw.Elapsed < duration; n++)
            {
                var body = Payloads.Lines($"w{w}-b{n}", batch, 500, ((long)n * concurrency + w) * batch);
                using var content = new ByteArrayContent(body);
                content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
                var start = sw.Elapsed;
                try
                {
                    using var response = await client.PostAsync(new Uri("/v1/alerts", UriKind.Relative), content).ConfigureAwait(false);
                    await response.Content.ReadAsByteArrayAsync().ConfigureAwait(false);
                    latencies.Add((sw.Elapsed - start).TotalMilliseconds);
                    if ((int)response.StatusCode == 202)
                    {
                        Interlocked.Add(ref accepted, batch);
                    }
                    else
                    {
                        Interlocked.Increment(ref errors);
                    }
                }
                catch (HttpRequestException)
                {
                    Interlocked.Increment(ref errors);
                }
            }
        })).ToArray();
        await Task.WhenAll(workers).ConfigureAwait(false);
        return (Interlocked.Read(ref accepted), sw.Elapsed, latencies, errors);
    }
}
