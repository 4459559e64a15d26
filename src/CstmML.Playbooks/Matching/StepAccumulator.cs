using CstmML.Playbooks.Model;

namespace CstmML.Playbooks.Matching;

/// <summary>Progress of a count or distinct step inside one partial match. Memory is bounded by the step's minimums.</summary>
internal sealed class StepAccumulator
{
    private readonly Queue<long> _times = new();
    private HashSet<string>? _values;

    public bool IsEmpty => _times.Count == 0 && (_values is null || _values.Count == 0);

    /// <summary>Adds one matching alert; true once the step holds.</summary>
    public bool Add(long ticks, string? distinctValue, CountRequirement? count, DistinctRequirement? distinct)
    {
        var countOk = true;
        if (count is not null)
        {
            _times.Enqueue(ticks);
            while (_times.Count > 0 && ticks - _times.Peek() > count.Period.Ticks)
            {
                _times.Dequeue();
            }

            // Only the newest 'min' times can decide whether 'min' fit in one period.
            while (_times.Count > count.Min)
            {
                _times.Dequeue();
            }

            countOk = _times.Count >= count.Min;
        }

        var distinctOk = true;
        if (distinct is not null)
        {
            _values ??= new HashSet<string>(StringComparer.Ordinal);
            if (distinctValue is not null && _values.Count < distinct.Min)
            {
                _values.Add(distinctValue);
            }

            distinctOk = _values.Count >= distinct.Min;
        }

        return countOk && distinctOk;
    }
}
