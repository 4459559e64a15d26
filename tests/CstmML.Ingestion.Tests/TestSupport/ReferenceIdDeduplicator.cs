namespace CstmML.Ingestion.Tests.TestSupport;

/// <summary>
/// The original <c>IdDeduplicator</c> (a string set and a time-ordered queue), kept as the reference its faster
/// replacement must agree with decision for decision. Ids of equal time are forgotten in the order they were first seen.
/// </summary>
internal sealed class ReferenceIdDeduplicator(TimeSpan window, int minRemembered)
{
    private readonly HashSet<string> _ids = new(StringComparer.Ordinal);
    private readonly PriorityQueue<string, (DateTimeOffset Time, long Arrival)> _byTime = new();
    private long _arrivals;
    private DateTimeOffset _maxTime = DateTimeOffset.MinValue;

    public int Count => _ids.Count;

    public bool IsDuplicate(string id, DateTimeOffset time)
    {
        if (!_ids.Add(id))
        {
            return true;
        }

        if (time > _maxTime)
        {
            _maxTime = time;
            var horizon = _maxTime - window;
            while (_ids.Count > minRemembered && _byTime.TryPeek(out var old, out var t) && t.Time < horizon)
            {
                _byTime.Dequeue();
                _ids.Remove(old);
            }
        }

        _byTime.Enqueue(id, (time, _arrivals++));
        return false;
    }
}
