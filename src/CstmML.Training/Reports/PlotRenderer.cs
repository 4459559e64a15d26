using CstmML.Training.Evaluation;
using ScottPlot;

namespace CstmML.Training.Reports;

/// <summary>Renders the report's PNG plots with ScottPlot (SkiaSharp); no fonts or files outside the package.</summary>
internal static class PlotRenderer
{
    private const int Width = 800;
    private const int Height = 600;

    /// <summary>Confusion matrix of true (rows, top to bottom) against predicted (columns) actors, with counts.</summary>
    public static byte[] Confusion(ClassificationReport report, string title)
    {
        var n = report.Labels.Count;
        var plot = new Plot();
        var values = new double[n, n];
        for (var t = 0; t < n; t++)
        {
            for (var p = 0; p < n; p++)
            {
                values[t, p] = report.Confusion[t, p];
            }
        }

        var heatmap = plot.Add.Heatmap(values);
        heatmap.Colormap = new ScottPlot.Colormaps.Blues();
        for (var t = 0; t < n; t++)
        {
            for (var p = 0; p < n; p++)
            {
                // Heatmap row 0 is drawn at the top: y = n - 1 - t.
                var label = plot.Add.Text(report.Confusion[t, p].ToString(System.Globalization.CultureInfo.InvariantCulture), p, n - 1 - t);
                label.LabelFontColor = Colors.Black;
                label.LabelAlignment = Alignment.MiddleCenter;
            }
        }

        var positions = Enumerable.Range(0, n).Select(i => (double)i).ToArray();
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(positions, [.. report.Labels]);
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericManual(
            positions, [.. Enumerable.Range(0, n).Select(i => report.Labels[n - 1 - i])]);
        plot.Axes.Bottom.TickLabelStyle.Rotation = -30;
        plot.Axes.Bottom.TickLabelStyle.Alignment = Alignment.MiddleRight;
        plot.Title(title);
        plot.XLabel("predicted");
        plot.YLabel("true");
        return plot.GetImageBytes(Width, Height, ImageFormat.Png);
    }

    /// <summary>Per-class precision and recall bars, ours beside the plain Markov comparison's F1.</summary>
    public static byte[] PerClass(ClassificationReport ours, ClassificationReport markov)
    {
        var plot = new Plot();
        var n = ours.PerClass.Count;
        var markovF1 = ours.PerClass.Select(c => markov.PerClass.FirstOrDefault(m => m.Label == c.Label)?.F1 ?? 0).ToArray();
        AddBars(plot, n, 0, ours.PerClass.Select(c => c.Precision).ToArray(), "precision", Colors.SteelBlue);
        AddBars(plot, n, 1, ours.PerClass.Select(c => c.Recall).ToArray(), "recall", Colors.Orange);
        AddBars(plot, n, 2, markovF1, "Markov baseline F1", Colors.Gray);
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(
            Enumerable.Range(0, n).Select(i => (i * 4) + 1.0).ToArray(), [.. ours.PerClass.Select(c => c.Label)]);
        plot.Axes.SetLimitsY(0, 1.05);
        plot.ShowLegend(Alignment.LowerRight);
        plot.Title("Per-class precision and recall (test fold)");
        return plot.GetImageBytes(Width, Height, ImageFormat.Png);
    }

    /// <summary>Reliability diagram before and after temperature scaling.</summary>
    public static byte[] Calibration(IReadOnlyList<ReliabilityBin> before, IReadOnlyList<ReliabilityBin> after)
    {
        var plot = new Plot();
        var diagonal = plot.Add.Line(0, 0, 1, 1);
        diagonal.LinePattern = LinePattern.Dashed;
        diagonal.LegendText = "perfect";
        AddCurve(plot, [.. before.Select(b => b.MeanConfidence)], [.. before.Select(b => b.Accuracy)], "uncalibrated", Colors.Gray);
        AddCurve(plot, [.. after.Select(b => b.MeanConfidence)], [.. after.Select(b => b.Accuracy)], "temperature-scaled", Colors.SteelBlue);
        plot.Axes.SetLimits(0, 1, 0, 1);
        plot.XLabel("confidence (top probability)");
        plot.YLabel("accuracy");
        plot.ShowLegend(Alignment.LowerRight);
        plot.Title($"Calibration, {CalibrationMetrics.DefaultBins} bins (test fold)");
        return plot.GetImageBytes(Width, Height, ImageFormat.Png);
    }

    /// <summary>Anomaly ROC curves: the per-role baselines against the plain Markov comparison.</summary>
    public static byte[] Roc(IReadOnlyList<(double Fpr, double Tpr)> ours, IReadOnlyList<(double Fpr, double Tpr)> markov)
    {
        var plot = new Plot();
        var diagonal = plot.Add.Line(0, 0, 1, 1);
        diagonal.LinePattern = LinePattern.Dashed;
        AddCurve(plot, [.. ours.Select(p => p.Fpr)], [.. ours.Select(p => p.Tpr)], "per-role baselines", Colors.SteelBlue);
        AddCurve(plot, [.. markov.Select(p => p.Fpr)], [.. markov.Select(p => p.Tpr)], "plain Markov", Colors.Gray);
        plot.Axes.SetLimits(0, 1, 0, 1.02);
        plot.XLabel("false positive rate");
        plot.YLabel("true positive rate");
        plot.ShowLegend(Alignment.LowerRight);
        plot.Title("Anomaly ROC (test fold)");
        return plot.GetImageBytes(Width, Height, ImageFormat.Png);
    }

    private static void AddBars(Plot plot, int n, int offset, double[] values, string legend, Color color)
    {
        var bars = plot.Add.Bars(Enumerable.Range(0, n).Select(i => (i * 4.0) + offset).ToArray(), values);
        bars.LegendText = legend;
        bars.Color = color;
    }

    private static void AddCurve(Plot plot, double[] xs, double[] ys, string legend, Color color)
    {
        var scatter = plot.Add.Scatter(xs, ys);
        scatter.LegendText = legend;
        scatter.Color = color;
    }
}
