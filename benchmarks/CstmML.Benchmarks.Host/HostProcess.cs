using System.Diagnostics;
using System.Globalization;

namespace CstmML.Benchmarks.Host;

/// <summary>
/// The host in a child process (this program's <c>serve</c> mode), so the load client's threads and GC do not share
/// the host's process; the client still shares the machine's cores. The child reports its address once ready and its
/// working set, GC heap and group-commit counts every second on stdout; closing its stdin stops it gracefully.
/// </summary>
internal sealed class HostProcess : ILoadTarget
{
    /// <summary>Line prefixes of the child's stdout protocol.</summary>
    public const string ReadyPrefix = "ready ";
    public const string MemoryPrefix = "mem ";

    private readonly Process _process;
    private long _workingSet;
    private long _heap;
    private long _groups;
    private long _batches;

    private HostProcess(Process process, Uri baseAddress, TimeSpan coldStart, string gcMode)
    {
        _process = process;
        GcMode = gcMode;
        BaseAddress = baseAddress;
        ColdStart = coldStart;
    }

    public Uri BaseAddress { get; }

    public TimeSpan ColdStart { get; }

    public bool Separate => true;

    public string GcMode { get; }

    /// <summary>Starts <c>dotnet THIS.dll serve [modelDir]</c> and waits for its ready line (at most 60 s).</summary>
    /// <param name="modelDir">The model folder to copy and serve; null for the stand-in scorer.</param>
    /// <param name="serverGc">Server GC in the child, as the CstmML.Host executable runs (Web SDK default); else workstation GC, as <c>cstm serve</c> runs.</param>
    public static async Task<HostProcess> StartAsync(string? modelDir, bool serverGc)
    {
        var sw = Stopwatch.StartNew();
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        info.Environment["DOTNET_gcServer"] = serverGc ? "1" : "0";
        info.ArgumentList.Add(typeof(HostProcess).Assembly.Location);
        info.ArgumentList.Add("serve");
        if (modelDir is not null)
        {
            info.ArgumentList.Add(Path.GetFullPath(modelDir));
        }

        var process = Process.Start(info) ?? throw new InvalidOperationException("could not start the host process");
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (await process.StandardOutput.ReadLineAsync(timeout.Token).ConfigureAwait(false) is { } line)
        {
            if (line.StartsWith(ReadyPrefix, StringComparison.Ordinal))
            {
                // The child's readiness is seen here: cold start counts from launching the runtime.
                var host = new HostProcess(process, new Uri(line[ReadyPrefix.Length..]), sw.Elapsed, serverGc ? "server" : "workstation");
                _ = Task.Run(host.ReadMemoryAsync);
                return host;
            }
        }

        throw new InvalidOperationException($"the host process exited before it was ready (exit code {(process.HasExited ? process.ExitCode : -1)})");
    }

    public HttpClient Client()
    {
        var c = new HttpClient { BaseAddress = BaseAddress };
        c.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", HostUnderTest.Key);
        return c;
    }

    public HostUsage Usage()
    {
        _process.Refresh();
        return new HostUsage(_process.TotalProcessorTime, Interlocked.Read(ref _workingSet), Interlocked.Read(ref _heap), Interlocked.Read(ref _groups), Interlocked.Read(ref _batches));
    }

    public async ValueTask DisposeAsync()
    {
        _process.StandardInput.Close();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        try
        {
            await _process.WaitForExitAsync(timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            _process.Kill(entireProcessTree: true);
        }

        _process.Dispose();
    }

    /// <summary>The child's side: reports ready, then memory every second until stdin closes.</summary>
    public static async Task ServeAsync(string? modelDir)
    {
        await using var host = await HostUnderTest.StartAsync(modelDir).ConfigureAwait(false);
        Console.WriteLine(ReadyPrefix + host.BaseAddress);
        using var stop = new CancellationTokenSource();
        var stdin = Task.Run(async () =>
        {
            while (await Console.In.ReadLineAsync().ConfigureAwait(false) is not null)
            {
            }

            await stop.CancelAsync().ConfigureAwait(false);
        });
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1));
        try
        {
            while (await timer.WaitForNextTickAsync(stop.Token).ConfigureAwait(false))
            {
                var u = host.Usage();
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{MemoryPrefix}{u.WorkingSet} {u.Heap} {u.Groups} {u.Batches}"));
            }
        }
        catch (OperationCanceledException)
        {
            // stdin closed: stop
        }

        await stdin.ConfigureAwait(false);
    }

    private async Task ReadMemoryAsync()
    {
        while (await _process.StandardOutput.ReadLineAsync().ConfigureAwait(false) is { } line)
        {
            if (line.StartsWith(MemoryPrefix, StringComparison.Ordinal))
            {
                var parts = line[MemoryPrefix.Length..].Split(' ');
                Interlocked.Exchange(ref _workingSet, long.Parse(parts[0], CultureInfo.InvariantCulture));
                Interlocked.Exchange(ref _heap, long.Parse(parts[1], CultureInfo.InvariantCulture));
                Interlocked.Exchange(ref _groups, long.Parse(parts[2], CultureInfo.InvariantCulture));
                Interlocked.Exchange(ref _batches, long.Parse(parts[3], CultureInfo.InvariantCulture));
            }
        }
    }
}
