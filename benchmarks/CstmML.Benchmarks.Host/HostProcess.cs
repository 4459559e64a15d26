using System.Diagnostics;
using System.Globalization;
using CstmML.Host.Models;
using Microsoft.Extensions.DependencyInjection;

namespace CstmML.Benchmarks.Host;

/// <summary>
/// The host in a child process (this program's <c>serve</c> mode), so the load client's threads and GC do not share
/// the host's process; the client still shares the machine's cores. The child reports its address once ready; each
/// <c>usage</c> line on its stdin is answered on stdout with its working set, GC heap, group-commit counts and runtime
/// figures (read at that moment, so a phase's figures are exact); closing its stdin stops it gracefully.
/// </summary>
internal sealed class HostProcess : ILoadTarget
{
    /// <summary>Line prefixes of the child's stdout protocol.</summary>
    public const string ReadyPrefix = "ready ";
    public const string UsagePrefix = "usage ";
    public const string UsageCommand = "usage";

    /// <summary>The CstmML.Host executable's runtime configuration, copied to this program's output by the project reference.</summary>
    public const string HostRuntimeConfig = "CstmML.Host.runtimeconfig.json";

    private readonly Process _process;
    private readonly SemaphoreSlim _ask = new(1, 1);

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
    /// <param name="serverGc">True/false forces server/workstation GC in the child; null keeps the CstmML.Host executable's setting (its runtimeconfig).</param>
    /// <param name="environment">NAME=VALUE pairs set in the child only (runtime knobs to compare).</param>
    public static async Task<HostProcess> StartAsync(string? modelDir, bool? serverGc, IReadOnlyList<string> environment)
    {
        var sw = Stopwatch.StartNew();
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        // The runtime settings the CstmML.Host executable ships with (its runtimeconfig.json, copied beside this
        // program: TieredPGO, GC), so the child runs the host as deployed; the GC mode is then set explicitly.
        info.ArgumentList.Add("exec");
        info.ArgumentList.Add("--runtimeconfig");
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, HostRuntimeConfig));
        if (serverGc is { } server)
        {
            info.Environment["DOTNET_gcServer"] = server ? "1" : "0";
        }

        Console.WriteLine($"host runtime: {HostRuntimeConfig}{(serverGc is { } s ? (s ? ", server GC forced" : ", workstation GC forced") : string.Empty)}");
        foreach (var pair in environment)
        {
            var eq = pair.IndexOf('=', StringComparison.Ordinal);
            info.Environment[pair[..eq]] = pair[(eq + 1)..];
            Console.WriteLine($"host env: {pair}");
        }

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
                var ready = line[ReadyPrefix.Length..].Split(' ');
                return new HostProcess(process, new Uri(ready[0]), sw.Elapsed, ready[1]);
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

    public async Task<HostUsage> UsageAsync()
    {
        await _ask.WaitAsync().ConfigureAwait(false);
        try
        {
            await _process.StandardInput.WriteLineAsync(UsageCommand).ConfigureAwait(false);
            await _process.StandardInput.FlushAsync().ConfigureAwait(false);
            while (await _process.StandardOutput.ReadLineAsync().ConfigureAwait(false) is { } line)
            {
                if (line.StartsWith(UsagePrefix, StringComparison.Ordinal))
                {
                    var parts = line[UsagePrefix.Length..].Split(' ', 7);
                    var rescoring = parts[4].Split(',');
                    _process.Refresh();
                    return new HostUsage(
                        _process.TotalProcessorTime,
                        long.Parse(parts[0], CultureInfo.InvariantCulture),
                        long.Parse(parts[1], CultureInfo.InvariantCulture),
                        long.Parse(parts[2], CultureInfo.InvariantCulture),
                        long.Parse(parts[3], CultureInfo.InvariantCulture),
                        (long.Parse(rescoring[0], CultureInfo.InvariantCulture), long.Parse(rescoring[1], CultureInfo.InvariantCulture), long.Parse(rescoring[2], CultureInfo.InvariantCulture)),
                        RuntimeStats.Parse(parts[6]));
                }
            }

            throw new InvalidOperationException("the host process closed its output");
        }
        finally
        {
            _ask.Release();
        }
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
        _ask.Dispose();
    }

    /// <summary>The child's side: reports ready, then answers each <c>usage</c> line until stdin closes.</summary>
    public static async Task ServeAsync(string? modelDir)
    {
        await using var host = await HostUnderTest.StartAsync(modelDir).ConfigureAwait(false);
        var (rounds, elapsed, quiet) = host.Services.GetRequiredService<ScoringWarmup>().Last;
        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"host warm-up: {rounds} rounds in {elapsed.TotalMilliseconds:F0} ms ({(quiet ? "JIT quiet" : "budget spent")})"));
        Console.WriteLine($"{ReadyPrefix}{host.BaseAddress} {host.GcMode}");
        while (await Console.In.ReadLineAsync().ConfigureAwait(false) is { } command)
        {
            if (command == UsageCommand)
            {
                RuntimeStats.Instance.Mark("usage");
                var u = host.Usage();
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{UsagePrefix}{u.WorkingSet} {u.Heap} {u.Groups} {u.Batches} {u.Rescoring.Scored},{u.Rescoring.Deferred},{u.Rescoring.ByPlaybook} {u.Cpu.Ticks} {RuntimeStats.Format(u.Runtime)}"));
            }
        }
    }
}
