namespace CstmML.Training.Dataset;

/// <summary>
/// Union-find over campaign/incident keys: keys that share a sequence become one group, named by its ordinal-first key,
/// so a grouped split can never put two halves of linked incidents on both sides.
/// </summary>
internal sealed class GroupMerger
{
    private readonly Dictionary<string, string> _parent = new(StringComparer.Ordinal);

    public void Link(IReadOnlyList<string> keys)
    {
        for (var i = 0; i < keys.Count; i++)
        {
            var root = Find(keys[i]);
            if (i > 0)
            {
                var first = Find(keys[0]);
                if (first != root)
                {
                    // The ordinal-smaller root wins, so the group name does not depend on link order.
                    if (string.CompareOrdinal(first, root) < 0)
                    {
                        _parent[root] = first;
                    }
                    else
                    {
                        _parent[first] = root;
                    }
                }
            }
        }
    }

    public string Find(string key)
    {
        if (!_parent.TryGetValue(key, out var parent))
        {
            _parent[key] = key;
            return key;
        }

        if (parent == key)
        {
            return key;
        }

        var root = Find(parent);
        _parent[key] = root;
        return root;
    }
}
