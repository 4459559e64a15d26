using System.Text.Json;
using CstmML.Training.Evaluation;

namespace CstmML.Training.Dataset;

/// <summary>
/// The model's split, saved beside it as <c>split.json</c> (listed and hashed in the manifest): the split rule and
/// options, and every group key in each fold. <c>cstm evaluate</c> reads it to score only what the model never saw:
/// test-fold groups and groups absent from the file; train and calibration groups are left out.
/// </summary>
public static class HeldOutSplit
{
    /// <summary>The file name inside a model folder.</summary>
    public const string FileName = "split.json";

    private const string Train = "train";
    private const string Calibration = "calibration";
    private const string Test = "test";
    private const string Folds = "folds";

    /// <summary>Serializes <paramref name="split"/> deterministically (keys sorted, LF line ends).</summary>
    public static byte[] ToJson(SplitResult split, SplitOptions options)
    {
        ArgumentNullException.ThrowIfNull(split);
        ArgumentNullException.ThrowIfNull(options);
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, NewLine = "\n" }))
        {
            w.WriteStartObject();
            w.WriteString("group_rule", "campaign id, else incident id, else sequence id (GroupedSplit.GroupOf)");
            w.WriteString("mode", options.TimeOrdered ? "time_ordered" : "shuffled");
            w.WriteNumber("seed", options.Seed);
            w.WriteNumber("train_fraction", options.TrainFraction);
            w.WriteNumber("calibration_fraction", options.CalibrationFraction);
            w.WriteStartObject(Folds);
            WriteFold(w, Train, split.Train);
            WriteFold(w, Calibration, split.Calibration);
            WriteFold(w, Test, split.Test);
            w.WriteEndObject();
            w.WriteEndObject();
        }

        buffer.WriteByte((byte)'\n');
        return buffer.ToArray();
    }

    /// <summary>Selects the rows of <paramref name="rows"/> the model with split file <paramref name="json"/> did not learn from.</summary>
    /// <exception cref="InvalidDataException">The file is not a split file; the message names <paramref name="source"/>.</exception>
    public static HeldOutSelection Select(byte[] json, string source, IReadOnlyList<LabelledSequence> rows)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(rows);
        var fold = new Dictionary<string, string>(StringComparer.Ordinal);
        try
        {
            using var doc = JsonDocument.Parse(json);
            if (!doc.RootElement.TryGetProperty(Folds, out var folds) || folds.ValueKind != JsonValueKind.Object)
            {
                throw new InvalidDataException($"{source}: missing object '{Folds}'.");
            }

            foreach (var name in new[] { Train, Calibration, Test })
            {
                if (!folds.TryGetProperty(name, out var keys) || keys.ValueKind != JsonValueKind.Array)
                {
                    throw new InvalidDataException($"{source}: missing array '{Folds}.{name}'.");
                }

                foreach (var key in keys.EnumerateArray())
                {
                    fold[key.GetString() ?? throw new InvalidDataException($"{source}: '{Folds}.{name}' holds a non-string key.")] = name;
                }
            }
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"{source}: not valid JSON ({ex.Message}).", ex);
        }

        var selected = new List<LabelledSequence>();
        int test = 0, unseen = 0, excluded = 0;
        foreach (var row in rows)
        {
            switch (fold.GetValueOrDefault(GroupedSplit.GroupOf(row)))
            {
                case Test:
                    test++;
                    selected.Add(row);
                    break;
                case null:
                    unseen++;
                    selected.Add(row);
                    break;
                default:
                    excluded++;
                    break;
            }
        }

        return new HeldOutSelection(selected, test, unseen, excluded);
    }

    private static void WriteFold(Utf8JsonWriter w, string name, IReadOnlyList<LabelledSequence> rows)
    {
        w.WriteStartArray(name);
        foreach (var key in rows.Select(GroupedSplit.GroupOf).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            w.WriteStringValue(key);
        }

        w.WriteEndArray();
    }
}
