using System.Globalization;
using CstmML.Ingestion.Pipeline;
using Spectre.Console;

namespace CstmML.Cli.Commands;

/// <summary>
/// Progress of <c>cstm score</c> on standard error: a live line (Spectre.Console) on a terminal, else a plain line every
/// <see cref="Interval"/>. Checked every 4096 alerts so it costs nothing per alert.
/// </summary>
internal sealed class ScoreProgress(CliEnvironment env, int files, PipelineCounters counters, Func<long> scored, string? phase = null)
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(5);

    private readonly long _started = env.Time.GetTimestamp();
    private readonly bool _terminal = ReferenceEquals(env.Error, Console.Error) && !Console.IsErrorRedirected;
    private readonly IAnsiConsole? _console = ReferenceEquals(env.Error, Console.Error) && !Console.IsErrorRedirected
        ? AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) })
        : null;

    private long _ticks;
    private TimeSpan _last;

    public void Tick()
    {
        if ((++_ticks & 4095) != 0)
        {
            return;
        }

        var elapsed = env.Time.GetElapsedTime(_started);
        if (elapsed - _last < (_terminal ? TimeSpan.FromMilliseconds(250) : Interval))
        {
            return;
        }

        _last = elapsed;
        var line = Line(elapsed);
        if (_console is not null)
        {
            _console.Markup("\r[grey]" + Markup.Escape(line) + "[/]\u001b[K");
        }
        else
        {
            env.Error.WriteLine("progress: " + line);
        }
    }

    public void Done()
    {
        _console?.WriteLine();
    }

    private string Line(TimeSpan elapsed)
    {
        var rate = elapsed.TotalSeconds > 0 ? counters.Read / elapsed.TotalSeconds : 0;
        var share = files > 0 ? Math.Min(100.0, 100.0 * counters.Files / files) : 100.0;
        return phase is null
            ? string.Create(CultureInfo.InvariantCulture, $"files {counters.Files}/{files} ({share:0}%), {counters.Read:N0} alerts, {scored():N0} sequences scored, {rate:N0} alerts/s, {elapsed:hh\\:mm\\:ss}")
            : string.Create(CultureInfo.InvariantCulture, $"{phase}: files {counters.Files}/{files} ({share:0}%), {counters.Read:N0} alerts, {rate:N0} alerts/s, {elapsed:hh\\:mm\\:ss}");
    }
}
