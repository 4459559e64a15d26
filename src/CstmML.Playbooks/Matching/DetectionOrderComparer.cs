namespace CstmML.Playbooks.Matching;

/// <summary>Deterministic output order of detections: end, playbook id, group key, start.</summary>
internal sealed class DetectionOrderComparer : IComparer<PlaybookDetection>
{
    public static readonly DetectionOrderComparer Instance = new();

    public int Compare(PlaybookDetection? x, PlaybookDetection? y)
    {
        if (ReferenceEquals(x, y))
        {
            return 0;
        }

        if (x is null || y is null)
        {
            return x is null ? -1 : 1;
        }

        var c = x.End.CompareTo(y.End);
        if (c == 0)
        {
            c = string.CompareOrdinal(x.PlaybookId, y.PlaybookId);
        }

        if (c == 0)
        {
            c = string.CompareOrdinal(x.GroupKey, y.GroupKey);
        }

        return c != 0 ? c : x.Start.CompareTo(y.Start);
    }
}
