using System.Diagnostics.Tracing;
using System.Globalization;

namespace CstmML.Benchmarks.Host;

/// <summary>
/// This process's runtime activity that can put a request in a queue: GC pauses (from the runtime's own GC events:
/// suspension begin to restart end), collections per generation, bytes allocated, thread-pool threads, and methods
/// the JIT compiled (tiering, OSR, PGO). Cumulative; a phase's figures are the difference of two snapshots.
/// </summary>
internal sealed class RuntimeStats : EventListener
{
    /// <summary>Upper bounds (ms) of the pause histogram's buckets; the last bucket is open.</summary>
    public static readonly double[] PauseBucketsMs = [1, 2, 5, 10, 20, 50];

    private const string RuntimeSource = "Microsoft-Windows-DotNETRuntime";
    private const EventKeywords GcKeyword = (EventKeywords)0x1;
    private const EventKeywords JitKeyword = (EventKeywords)0x10;
    private const string MethodLoadVerbose = "MethodLoadVerbose";

    /// <summary>Environment variable naming a file to which every method the JIT compiles (time, tier flags, name) and every large-object allocation tick (type) is appended.</summary>
    public const string JitLogVariable = "CSTM_BENCH_JIT_LOG";
    private const int SuspendEeBegin = 9;
    private const int RestartEeEnd = 3;

    private readonly Lock _lock = new();
    private readonly long[] _buckets = new long[PauseBucketsMs.Length + 1];
    private DateTime _suspended;
    private double _pauseMs;
    private double _maxPauseMs;
    private StreamWriter? _jitLog;

    public static RuntimeStats Instance { get; } = new();

    protected override void OnEventSourceCreated(EventSource eventSource)
    {
        ArgumentNullException.ThrowIfNull(eventSource);
        if (eventSource.Name == RuntimeSource)
        {
            var jitLog = Environment.GetEnvironmentVariable(JitLogVariable);
            if (string.IsNullOrEmpty(jitLog))
            {
                EnableEvents(eventSource, EventLevel.Informational, GcKeyword);
            }
            else
            {
                _jitLog = new StreamWriter(jitLog, append: true) { AutoFlush = true };
                EnableEvents(eventSource, EventLevel.Verbose, GcKeyword | JitKeyword);
            }
        }
    }

    protected override void OnEventWritten(EventWrittenEventArgs eventData)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        if (_jitLog is not null && eventData.EventName is { } name && name.StartsWith(MethodLoadVerbose, StringComparison.Ordinal) && eventData.Payload is { } payload)
        {
            var names = eventData.PayloadNames!;
            string Field(string n) => names.IndexOf(n) is var i and >= 0 ? Convert.ToString(payload[i], CultureInfo.InvariantCulture) ?? string.Empty : string.Empty;
            lock (_lock)
            {
                _jitLog.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{eventData.TimeStamp:HH:mm:ss.fff} flags={Field("MethodFlags")} {Field("MethodNamespace")}::{Field("MethodName")}"));
            }

            return;
        }

        if (_jitLog is not null && eventData.EventName is { } tick && tick.StartsWith("GCAllocationTick", StringComparison.Ordinal) && eventData.Payload is { } alloc)
        {
            var names = eventData.PayloadNames!;
            if (names.IndexOf("AllocationKind") is var k and >= 0 && Convert.ToInt32(alloc[k], CultureInfo.InvariantCulture) == 1)
            {
                lock (_lock)
                {
                    _jitLog.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{eventData.TimeStamp:HH:mm:ss.fff} LOH {alloc[names.IndexOf("TypeName")]}"));
                }
            }

            return;
        }

        if (eventData.EventId == SuspendEeBegin)
        {
            lock (_lock)
            {
                _suspended = eventData.TimeStamp;
            }
        }
        else if (eventData.EventId == RestartEeEnd)
        {
            lock (_lock)
            {
                if (_suspended == default)
                {
                    return;
                }

                var ms = (eventData.TimeStamp - _suspended).TotalMilliseconds;
                _suspended = default;
                _pauseMs += ms;
                _maxPauseMs = Math.Max(_maxPauseMs, ms);
                var b = 0;
                while (b < PauseBucketsMs.Length && ms >= PauseBucketsMs[b])
                {
                    b++;
                }

                _buckets[b]++;
            }
        }
    }

    /// <summary>Writes a marker line to the JIT log (when one is kept).</summary>
    public void Mark(string text)
    {
        lock (_lock)
        {
            _jitLog?.WriteLine("### " + text);
        }
    }

    /// <summary>The figures so far.</summary>
    public RuntimeSnapshot Snapshot()
    {
        lock (_lock)
        {
            return new RuntimeSnapshot(
                GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2), GC.GetTotalAllocatedBytes(), _pauseMs, _maxPauseMs, [.. _buckets],
                ThreadPool.ThreadCount, System.Runtime.JitInfo.GetCompiledMethodCount(), System.Runtime.JitInfo.GetCompilationTime().TotalMilliseconds);
        }
    }

    /// <summary>One line of the child's protocol.</summary>
    public static string Format(RuntimeSnapshot s) => string.Create(CultureInfo.InvariantCulture,
        $"{s.Gen0} {s.Gen1} {s.Gen2} {s.Allocated} {s.PauseMs:R} {s.MaxPauseMs:R} {string.Join(',', s.Buckets)} {s.Threads} {s.JitMethods} {s.JitMs:R}");

    /// <summary>Parses <see cref="Format"/>'s output.</summary>
    public static RuntimeSnapshot Parse(string text)
    {
        var p = text.Split(' ');
        return new RuntimeSnapshot(
            int.Parse(p[0], CultureInfo.InvariantCulture), int.Parse(p[1], CultureInfo.InvariantCulture), int.Parse(p[2], CultureInfo.InvariantCulture),
            long.Parse(p[3], CultureInfo.InvariantCulture), double.Parse(p[4], CultureInfo.InvariantCulture), double.Parse(p[5], CultureInfo.InvariantCulture),
            [.. p[6].Split(',').Select(x => long.Parse(x, CultureInfo.InvariantCulture))],
            int.Parse(p[7], CultureInfo.InvariantCulture), long.Parse(p[8], CultureInfo.InvariantCulture), double.Parse(p[9], CultureInfo.InvariantCulture));
    }
}
