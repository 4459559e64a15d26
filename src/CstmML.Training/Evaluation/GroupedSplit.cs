namespace CstmML.Training.Evaluation;

/// <summary>
/// Splits by group so that no campaign or incident sits in two folds: the group is the campaign id, else the incident
/// id, else the sequence itself. Groups are shuffled with a seed, or ordered by their first event (time holdout), and
/// filled into train, calibration, test in that order until each fold's share of rows is reached.
/// </summary>
public static class GroupedSplit
{
    /// <summary>The group key of a row.</summary>
    public static string GroupOf(LabelledSequence row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return !string.IsNullOrEmpty(row.CampaignId) ? "campaign:" + row.CampaignId
            : !string.IsNullOrEmpty(row.IncidentId) ? "incident:" + row.IncidentId
            : "sequence:" + row.Sequence.SequenceId;
    }

    /// <summary>Splits <paramref name="rows"/>; rows keep their input order inside each fold.</summary>
    public static SplitResult Split(IReadOnlyList<LabelledSequence> rows, SplitOptions options)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(options);
        if (options.TrainFraction <= 0 || options.CalibrationFraction < 0 || options.TrainFraction + options.CalibrationFraction > 1)
        {
            throw new ArgumentException(
                $"Split fractions train={options.TrainFraction}, calibration={options.CalibrationFraction} must be positive and sum to at most 1.",
                nameof(options));
        }

        var groups = rows
            .Select((row, index) => (Key: GroupOf(row), Index: index, row.Sequence.Start))
            .GroupBy(x => x.Key, StringComparer.Ordinal)
            .Select(g => (Key: g.Key, Start: g.Min(x => x.Start), Indexes: g.Select(x => x.Index).ToArray()))
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .ToList();

        if (options.TimeOrdered)
        {
            groups = [.. groups.OrderBy(g => g.Start).ThenBy(g => g.Key, StringComparer.Ordinal)];
        }
        else
        {
            var random = new Random(options.Seed);
            for (var i = groups.Count - 1; i > 0; i--)
            {
                var j = random.Next(i + 1);
                (groups[i], groups[j]) = (groups[j], groups[i]);
            }
        }

        var fold = new int[rows.Count];
        var trainEnd = options.TrainFraction * rows.Count;
        var calibrationEnd = (options.TrainFraction + options.CalibrationFraction) * rows.Count;
        var seen = 0;
        foreach (var g in groups)
        {
            // A group goes to the fold in which its first row would fall.
            var f = seen < trainEnd ? 0 : seen < calibrationEnd ? 1 : 2;
            foreach (var i in g.Indexes)
            {
                fold[i] = f;
            }

            seen += g.Indexes.Length;
        }

        return new SplitResult(
            [.. rows.Where((_, i) => fold[i] == 0)],
            [.. rows.Where((_, i) => fold[i] == 1)],
            [.. rows.Where((_, i) => fold[i] == 2)]);
    }
}
