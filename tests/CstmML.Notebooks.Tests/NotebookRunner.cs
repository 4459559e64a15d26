using System.Diagnostics;
using Microsoft.DotNet.Interactive;
using Microsoft.DotNet.Interactive.Commands;
using Microsoft.DotNet.Interactive.CSharp;
using Microsoft.DotNet.Interactive.Documents;
using Microsoft.DotNet.Interactive.Documents.Jupyter;
using Microsoft.DotNet.Interactive.Events;
using DocumentKernelInfo = Microsoft.DotNet.Interactive.Documents.KernelInfo;

namespace CstmML.Notebooks.Tests;

/// <summary>
/// Runs a notebook's C# cells in order in a fresh in-process C# kernel, headless, the way "Run All" does: it stops at
/// the first failing cell and reports its number, source and errors (see /work/shared/NOTEBOOKS-NOTES.md).
/// </summary>
internal static class NotebookRunner
{
    public const string CSharp = "csharp";
    private const string Markdown = "markdown";
    private const string Raw = "raw";

    // The working directory and the output variable are process-wide, and the kernel redirects Console during a cell.
    private static readonly SemaphoreSlim Gate = new(1, 1);

    /// <summary>Parses an .ipynb file (Polyglot cell metadata or only the top-level kernelspec) with C# as the default language.</summary>
    public static InteractiveDocument Load(string path)
    {
        var kernels = new KernelInfoCollection { new DocumentKernelInfo(CSharp, "C#", ["c#", "cs"]) };
        kernels.DefaultKernelName = CSharp;
        return Notebook.Parse(File.ReadAllText(path), kernels);
    }

    /// <summary>
    /// Runs <paramref name="document"/> with <paramref name="workingDirectory"/> as the current directory (where
    /// relative <c>#r</c> paths resolve, as in Polyglot Notebooks) and <see cref="NotebookPaths.OutputVariable"/> set to
    /// <paramref name="outputDirectory"/>. A run longer than <paramref name="timeout"/> fails (the cell keeps running).
    /// </summary>
    public static async Task<NotebookRunResult> RunAsync(string name, InteractiveDocument document, string workingDirectory, string outputDirectory, TimeSpan timeout)
    {
        await Gate.WaitAsync();
        var previousDirectory = Environment.CurrentDirectory;
        var previousOutput = Environment.GetEnvironmentVariable(NotebookPaths.OutputVariable);
        var clock = Stopwatch.StartNew();
        try
        {
            Environment.CurrentDirectory = workingDirectory;
            Environment.SetEnvironmentVariable(NotebookPaths.OutputVariable, outputDirectory);
            var outputs = new List<string>();
            var (ran, failure) = await RunCellsAsync(document, outputs).WaitAsync(timeout);
            return new NotebookRunResult(name, ran, failure, clock.Elapsed) { Outputs = outputs };
        }
        catch (TimeoutException)
        {
            return new NotebookRunResult(name, 0, new CellFailure(0, string.Empty, [$"the notebook did not finish within {timeout.TotalSeconds:F0} s"]), clock.Elapsed);
        }
        finally
        {
            Environment.CurrentDirectory = previousDirectory;
            Environment.SetEnvironmentVariable(NotebookPaths.OutputVariable, previousOutput);
            // Native finalizers (SkiaSharp) of this run then fail here, at a known place, not in a later test.
            GC.Collect();
            GC.WaitForPendingFinalizers();
            Gate.Release();
        }
    }

    private static async Task<(int Ran, CellFailure? Failure)> RunCellsAsync(InteractiveDocument document, List<string> outputs)
    {
        using var csharp = new CSharpKernel().UseKernelHelpers();
        using var kernel = new CompositeKernel { csharp };
        kernel.DefaultKernelName = CSharp;
        var ran = 0;
        for (var i = 0; i < document.Elements.Count; i++)
        {
            var cell = document.Elements[i];
            var number = i + 1;
            if (cell.KernelName is Markdown or Raw)
            {
                continue;
            }

            if (cell.KernelName != CSharp)
            {
                return (ran, new CellFailure(number, cell.Contents, [$"cell language '{cell.KernelName}' is not supported by the test kernel"]));
            }

            var result = await kernel.SendAsync(new SubmitCode(cell.Contents, CSharp));
            ran++;
            outputs.AddRange(result.Events.OfType<DisplayEvent>().Select(d => $"[cell {number}] {Text(d)}"));
            var errors = Errors(result.Events);
            if (errors.Count > 0)
            {
                return (ran, new CellFailure(number, cell.Contents, errors));
            }
        }

        return (ran, null);
    }

    // Plain text when the formatter produced it, else the first representation (HTML tables, images).
    private static string Text(DisplayEvent e) =>
        (e.FormattedValues.FirstOrDefault(v => v.MimeType == "text/plain") ?? e.FormattedValues.FirstOrDefault())?.Value ?? string.Empty;

    // Compile errors arrive as diagnostics (with positions) and again as CommandFailed; keep the diagnostics when present.
    private static List<string> Errors(IReadOnlyList<KernelEvent> events)
    {
        var errors = new List<string>();
        foreach (var e in events)
        {
            switch (e)
            {
                case DiagnosticsProduced d:
                    errors.AddRange(d.Diagnostics.Where(x => x.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error)
                        .Select(x => $"line {x.LinePositionSpan.Start.Line + 1}, col {x.LinePositionSpan.Start.Character + 1}: {x.Code} {x.Message}"));
                    break;
                case ErrorProduced p:
                    errors.Add(p.Message);
                    break;
                case CommandFailed f when errors.Count == 0:
                    errors.Add(f.Exception is { } ex ? $"{ex.GetType().Name}: {ex.Message}" : f.Message);
                    break;
                default:
                    break;
            }
        }

        return errors;
    }
}
