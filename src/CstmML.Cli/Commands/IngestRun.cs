using System.CommandLine;
using CstmML.Core.Alerts;
using CstmML.Core.Serialization;
using CstmML.Ingestion.Pipeline;

namespace CstmML.Cli.Commands;

/// <summary>
/// The shared body of every verb that reads alerts (map, sequences, and later score): the input options, the
/// pipeline with its reject reporting, the closing summary and the exit code. A verb adds its options with
/// <see cref="AddTo"/>, then in its action calls <see cref="Start"/>, enumerates <see cref="Alerts(CancellationToken)"/> and ends
/// with <see cref="Finish"/>.
/// </summary>
internal sealed class IngestRun : IDisposable
{
    private readonly CliEnvironment _env;
    private readonly RejectReporter _rejects;
    private readonly AlertPipeline _pipeline;
    private readonly string[] _inputs;
    private readonly FileInfo? _summaryFile;
    private readonly string _command;
    private readonly string _format;
    private readonly int _parallelism;
    private readonly long _started;

    private IngestRun(string command, CliEnvironment env, string[] inputs, string format, FileInfo? rejects, FileInfo? summary, int parallelism)
    {
        _command = command;
        _env = env;
        _inputs = inputs;
        _summaryFile = summary;
        _format = format;
        _parallelism = parallelism;
        _started = env.Time.GetTimestamp();
        _rejects = new RejectReporter(env.Error, rejects, env);
        _pipeline = new AlertPipeline(env.Sources, new PipelineOptions { Format = format, Parallelism = parallelism }, _rejects.Report);
    }

    /// <summary>The input options of a reading verb.</summary>
    internal sealed record Options(Option<string[]> Input, Option<string> Format, Option<FileInfo> Rejects, Option<FileInfo> Summary);

    /// <summary>Adds <c>--input</c>, <c>--format</c>, <c>--rejects</c> and <c>--summary</c> to <paramref name="command"/>.</summary>
    public static Options AddTo(Command command, CliEnvironment env)
    {
        ArgumentNullException.ThrowIfNull(command);
        var o = new Options(CliOptions.Input(), CliOptions.Format(env.Sources), CliOptions.Rejects(), CliOptions.Summary());
        command.Options.Add(o.Input);
        command.Options.Add(o.Format);
        command.Options.Add(o.Rejects);
        command.Options.Add(o.Summary);
        return o;
    }

    /// <summary>Starts a run from the parsed options.</summary>
    /// <param name="command">The verb, for the summary.</param>
    /// <param name="parsed">The parsed command line.</param>
    /// <param name="options">The options added by <see cref="AddTo"/>.</param>
    /// <param name="env">Console, files and time.</param>
    /// <param name="parallelism">Threads that detect and normalize records (<see cref="PipelineOptions.Parallelism"/>).</param>
    /// <exception cref="CliUsageException">The rejects file cannot be created.</exception>
    public static IngestRun Start(string command, ParseResult parsed, Options options, CliEnvironment env, int parallelism = PipelineDefaults.Parallelism)
    {
        ArgumentNullException.ThrowIfNull(parsed);
        ArgumentNullException.ThrowIfNull(options);
        return new IngestRun(
            command,
            env,
            parsed.GetValue(options.Input) ?? [],
            parsed.GetValue(options.Format) ?? PipelineDefaults.Format,
            parsed.GetValue(options.Rejects),
            parsed.GetValue(options.Summary),
            parallelism);
    }

    /// <summary>The normalized, de-duplicated alerts of every input, streamed.</summary>
    public IEnumerable<NormalizedAlert> Alerts(CancellationToken cancellationToken = default) => _pipeline.Run(_inputs, cancellationToken);

    /// <summary>The alerts of <paramref name="inputs"/> (the verb's inputs, expanded or reordered by the verb), streamed.</summary>
    public IEnumerable<NormalizedAlert> Alerts(IEnumerable<string> inputs, CancellationToken cancellationToken = default) => _pipeline.Run(inputs, cancellationToken);

    /// <summary>
    /// A separate pipeline over the same sources and format that reports nothing (its own counters, de-duplication and
    /// no reject output): for a first pass over the inputs, so rejects are reported and counted once, by the main pass.
    /// </summary>
    public AlertPipeline SilentPipeline() => new(_env.Sources, new PipelineOptions { Format = _format, Parallelism = _parallelism });

    /// <summary>The paths given with <c>--input</c>.</summary>
    public IReadOnlyList<string> Inputs => _inputs;

    /// <summary>The running counts (files, alerts read, rejected) for progress reports.</summary>
    public PipelineCounters Counters => _pipeline.Counters;

    /// <summary>Prints (and optionally writes) the summary; returns 1 when anything was rejected, else 0.</summary>
    public int Finish(Func<RunSummary, RunSummary>? extend = null)
    {
        var summary = _pipeline.Counters.ToSummary(_command, _env.Time.GetElapsedTime(_started));
        summary = extend?.Invoke(summary) ?? summary;
        SummaryPrinter.Print(_env.Error, summary);
        SummaryPrinter.Write(_summaryFile, summary, _env);
        return summary.Rejected > 0 ? ExitCodes.PartialInput : ExitCodes.Ok;
    }

    public void Dispose() => _rejects.Dispose();
}
