using System.CommandLine;
using System.Globalization;
using System.Runtime;
using System.Text;
using CstmML.Core.Attack;
using CstmML.Features.Sequencing;
using CstmML.Ingestion.Pipeline;
using CstmML.Scoring;
using CstmML.Scoring.Engine;
using CstmML.Scoring.Exports;
using CstmML.Scoring.Models;
using CstmML.Scoring.Results;
using CstmML.Scoring.Volume;

namespace CstmML.Cli.Commands;

/// <summary><c>cstm score</c>: alerts in, one scoring result per sequence out (JSON Lines or CSV), plus exports and a summary.</summary>
internal static class ScoreCommand
{
    public static Command Create(CliEnvironment env)
    {
        var command = new Command("score", "Score sequences of alerts with a model: anomaly, actor hypothesis, playbooks, velocity and a 0-100 risk with reasons.");
        var input = IngestRun.AddTo(command, env);

        // DESIGN.md once wrote `--format jsonl|csv` for score's results; point anyone typing that at --output-format.
        input.Format.Validators.Add(r =>
        {
            if (r.Tokens is [{ Value: "jsonl" }])
            {
                r.AddError("--format names the INPUT format; write results as JSON Lines or CSV with --output-format jsonl|csv.");
            }
        });
        var model = new Option<DirectoryInfo>("--model", "-m") { Description = "The model folder (manifest.json, ONNX files); verified before use.", Required = true, HelpName = "DIR" };
        var output = CliOptions.Out("scoring results");
        // --format already names the input format (shared by every reading verb), so the results' format is --output-format.
        var format = new Option<string>("--output-format") { Description = "Results as jsonl or csv. Default: csv when --out ends in .csv, else jsonl.", HelpName = "jsonl|csv" };
        format.AcceptOnlyFromAmong("jsonl", "csv");
        var since = Time("--since", "Skip alerts before this event time (ISO 8601, UTC if no offset).");
        var until = Time("--until", "Skip alerts at or after this event time.");
        var minRisk = new Option<int>("--min-risk") { Description = "Write only results with at least this risk (0-100). Default 0.", HelpName = "N" };
        var navigator = new Option<FileInfo>("--navigator") { Description = "Also write ATT&CK Navigator layers of the written results.", HelpName = "FILE" };
        var stix = new Option<FileInfo>("--stix") { Description = "Also write a STIX 2.1 bundle of the written results.", HelpName = "FILE" };
        var volume = new Option<FileInfo>("--volume") { Description = "Also analyse hourly alert volume and write spikes and level shifts (JSON Lines).", HelpName = "FILE" };
        var playbooks = new Option<DirectoryInfo>("--playbooks") { Description = "Playbook library. Default: the model's playbooks/, else playbooks/ beside the model folder.", HelpName = "DIR" };
        var threads = new Option<int>("--threads") { Description = "Threads that parse and normalize, and scoring workers (as many of each). Default: all cores.", DefaultValueFactory = _ => Environment.ProcessorCount, HelpName = "N" };
        var maxGap = CliOptions.Duration("--max-gap", "A silence longer than this starts a new session.", SequencerDefaults.MaxGap);
        var maxSpan = CliOptions.Duration("--max-span", "No session lasts longer than this.", SequencerDefaults.MaxSpan);
        var lateness = CliOptions.Duration("--lateness", "How far behind the newest event time sessions stay open for out-of-order events.", SequencesCommand.BatchLateness, allowZero: true);
        foreach (var o in new Option[] { model, output, format, since, until, minRisk, navigator, stix, volume, playbooks, threads, maxGap, maxSpan, lateness })
        {
            command.Options.Add(o);
        }

        command.SetAction(parsed => VerbAction.Run(env, () =>
        {
            var options = new ScoreOptions(
                parsed.GetValue(model)!.FullName,
                parsed.GetValue(playbooks)?.FullName,
                parsed.GetValue(output),
                parsed.GetValue(format) is { } f ? f == "csv" : parsed.GetValue(output)?.Name.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) == true,
                parsed.GetValue(since),
                parsed.GetValue(until),
                parsed.GetValue(minRisk),
                parsed.GetValue(navigator),
                parsed.GetValue(stix),
                parsed.GetValue(volume),
                Math.Max(1, parsed.GetValue(threads)),
                new SequencerOptions { MaxGap = parsed.GetValue(maxGap), MaxSpan = parsed.GetValue(maxSpan), Lateness = parsed.GetValue(lateness) });
            // The same N parses and normalizes (ordered, identical output) ahead of the sequencer and the N scorers.
            using var run = IngestRun.Start("score", parsed, input, env, Math.Min(options.Threads, PipelineDefaults.MaxParallelism));
            return Execute(options, run, env);
        }));
        return command;
    }

    /// <summary>The parsed options of one run.</summary>
    internal sealed record ScoreOptions(
        string Model, string? Playbooks, FileInfo? Out, bool Csv, DateTimeOffset? Since, DateTimeOffset? Until, int MinRisk,
        FileInfo? Navigator, FileInfo? Stix, FileInfo? Volume, int Threads, SequencerOptions Sequencing);

    private static int Execute(ScoreOptions o, IngestRun run, CliEnvironment env)
    {
        // A batch run needs throughput, not short pauses: background (concurrent) collections of the large live set of
        // open sessions cost CPU and hold extra memory (measured in docs/performance/scoring.md). cstm serve keeps the default.
        GCSettings.LatencyMode = GCLatencyMode.Batch;
        using var engine = LoadEngine(o);
        var started = env.Time.GetTimestamp();
        var (files, errors) = InputFiles.Expand(run.Inputs);
        IReadOnlyList<string> inputs = [.. ScoreInputOrder.Order(files), .. errors.Select(e => e.File)];

        // Volume spikes raise the risk of the sequences inside them, and a seasonal baseline needs the whole period:
        // so --volume first counts the alerts in a quick pass of its own, then scoring folds the findings in.
        var volume = o.Volume is null ? null : VolumePass(o, run, inputs, files.Count, env);
        var context = volume is null ? null : new ScoringContext { VolumeCovering = volume.FindingsCovering };
        var exported = o.Navigator is null && o.Stix is null ? null : new List<ScoringResult>();
        var summary = new ScoreSummary();
        var pipeline = new ScorePipeline(engine, o.Sequencing, o.Threads, context);
        using (var stream = OutputFiles.Open(o.Out, env))
        using (var output = new BufferedStream(stream, 1 << 18))
        {
            if (o.Csv)
            {
                output.Write(Line(ScoreCsv.Header()));
            }

            var progress = new ScoreProgress(env, files.Count, run.Counters, () => summary.Scored);
            var alerts = run.Alerts(inputs).Select(a =>
            {
                progress.Tick();
                return a;
            });

            // Serialized to UTF-8 lines on the scoring workers; written here in order.
            pipeline.Run(
                alerts,
                r => r.Risk.Score < o.MinRisk ? null : o.Csv ? Line(ScoreCsv.Row(r)) : JsonLine(r),
                (r, line) =>
                {
                    summary.Add(r, line is not null);
                    if (line is null)
                    {
                        return;
                    }

                    output.Write(line);
                    exported?.Add(r);
                },
                o.Since,
                o.Until);
            progress.Done();
        }

        WriteExports(o, exported, volume, env);
        var elapsed = env.Time.GetElapsedTime(started);
        var code = run.Finish(s => s with { Sequences = pipeline.Sequences, LateAlerts = pipeline.SequencerStats?.LateAlerts });
        summary.Print(env.Error, o.Out?.FullName ?? "standard output", run.Counters.Normalized, elapsed, pipeline.Revised);
        return code;
    }

    // One JSON Lines record as UTF-8 bytes, written by hand into a per-thread buffer (the contract's bytes, pinned by tests).
    private static byte[] JsonLine(ScoringResult r) => ScoringResultJsonWriter.ToJsonLine(r);

    private static byte[] Line(string text) => Encoding.UTF8.GetBytes(text + "\n");

    // The first pass of --volume: hourly counts of the alerts in [since, until), analysed before scoring starts.
    private static VolumeReport VolumePass(ScoreOptions o, IngestRun run, IReadOnlyList<string> inputs, int files, CliEnvironment env)
    {
        var analyzer = new VolumeAnalyzer();
        var pipeline = run.SilentPipeline();
        var progress = new ScoreProgress(env, files, pipeline.Counters, static () => 0, "volume pass");
        foreach (var a in pipeline.Run(inputs))
        {
            progress.Tick();
            if ((o.Since is not { } s || a.Time >= s) && (o.Until is not { } u || a.Time < u))
            {
                analyzer.Add(a);
            }
        }

        progress.Done();
        return analyzer.Analyze();
    }

    private static ScoringEngine LoadEngine(ScoreOptions o)
    {
        try
        {
            return ScoringEngine.Load(o.Model, new ScoringEngineOptions { PlaybooksDirectory = o.Playbooks });
        }
        catch (ModelIntegrityException ex)
        {
            throw new CliUsageException($"model {o.Model} refused: {ex.Message}");
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException or UnauthorizedAccessException)
        {
            throw new CliUsageException($"model {o.Model}: {ex.Message}");
        }
    }

    private static void WriteExports(ScoreOptions o, List<ScoringResult>? results, VolumeReport? volume, CliEnvironment env)
    {
        if (o.Navigator is { } nav)
        {
            var layers = new NavigatorLayerWriter(AttackCatalog.Pinned).BuildLayers(results!, "cstm score");
            using var s = OutputFiles.Open(nav, env);
            NavigatorLayerWriter.Write(s, layers);
        }

        if (o.Stix is { } stix)
        {
            var bundle = new StixBundleWriter(AttackCatalog.Pinned).Build(results!, env.Time.GetUtcNow());
            using var s = OutputFiles.Open(stix, env);
            StixBundleWriter.Write(s, bundle.Bundle);
        }

        if (volume is { } report && o.Volume is { } file)
        {
            using var s = OutputFiles.Open(file, env);
            VolumeJsonLines.Write(s, report.Findings);
            foreach (var line in report.SummaryLines())
            {
                env.Error.WriteLine(line);
            }
        }
    }

    private static Option<DateTimeOffset?> Time(string name, string description) => new(name)
    {
        Description = description,
        HelpName = "TIME",
        CustomParser = r =>
        {
            var text = r.Tokens.Count > 0 ? r.Tokens[0].Value : string.Empty;
            if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var t))
            {
                return t;
            }

            r.AddError($"{name}: '{text}' is not a date-time (e.g. 2026-01-31 or 2026-01-31T12:00:00Z).");
            return null;
        },
    };
}
