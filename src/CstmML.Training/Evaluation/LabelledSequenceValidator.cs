namespace CstmML.Training.Evaluation;

/// <summary>Rejects bad training or evaluation rows with a message naming the row, the sequence and the field.</summary>
public static class LabelledSequenceValidator
{
    /// <summary>Throws <see cref="ArgumentException"/> at the first bad row.</summary>
    public static void Validate(IReadOnlyList<LabelledSequence> rows, int dimension)
    {
        ArgumentNullException.ThrowIfNull(rows);
        for (var i = 0; i < rows.Count; i++)
        {
            var r = rows[i] ?? throw new ArgumentException($"row {i}: null.", nameof(rows));
            var where = $"row {i} (sequence '{r.Sequence?.SequenceId}')";
            if (r.Sequence is null)
            {
                throw new ArgumentException($"{where}: field 'sequence' is null.", nameof(rows));
            }

            if (r.Features is null || r.Features.Length != dimension)
            {
                throw new ArgumentException($"{where}: field 'features' has {r.Features?.Length ?? 0} values, the schema says {dimension}.", nameof(rows));
            }

            var bad = Array.FindIndex(r.Features, f => !float.IsFinite(f));
            if (bad >= 0)
            {
                throw new ArgumentException($"{where}: field 'features[{bad}]' is {r.Features[bad]}, not a finite number.", nameof(rows));
            }

            if (string.IsNullOrEmpty(r.Role))
            {
                throw new ArgumentException($"{where}: field 'role' is empty.", nameof(rows));
            }

            if (r.Actor is { Length: 0 } || r.Actor == Core.Models.ModelConstants.UnknownActor)
            {
                throw new ArgumentException($"{where}: field 'actor' is '{r.Actor}'; use null for benign sequences.", nameof(rows));
            }
        }
    }
}
