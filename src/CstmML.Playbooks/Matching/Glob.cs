namespace CstmML.Playbooks.Matching;

/// <summary>A <c>*</c>/<c>?</c> wildcard pattern, or an exact value when it has neither.</summary>
internal sealed class Glob
{
    private readonly string _pattern;
    private readonly StringComparison _comparison;

    public Glob(string pattern, bool ignoreCase)
    {
        _pattern = pattern;
        _comparison = ignoreCase ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
        IsExact = !IsPattern(pattern);
    }

    /// <summary>True when the pattern has no wildcard.</summary>
    public bool IsExact { get; }

    public string Pattern => _pattern;

    public static bool IsPattern(string s) => s.Contains('*', StringComparison.Ordinal) || s.Contains('?', StringComparison.Ordinal);

    public bool IsMatch(string? value)
    {
        if (value is null)
        {
            return false;
        }

        return IsExact ? string.Equals(_pattern, value, _comparison) : Wildcard(_pattern.AsSpan(), value.AsSpan());
    }

    // Iterative wildcard match with single backtrack point: linear for typical patterns.
    private bool Wildcard(ReadOnlySpan<char> p, ReadOnlySpan<char> s)
    {
        int pi = 0, si = 0, star = -1, mark = 0;
        var ignoreCase = _comparison == StringComparison.OrdinalIgnoreCase;
        while (si < s.Length)
        {
            if (pi < p.Length && (p[pi] == '?' || CharEq(p[pi], s[si], ignoreCase)))
            {
                pi++;
                si++;
            }
            else if (pi < p.Length && p[pi] == '*')
            {
                star = pi++;
                mark = si;
            }
            else if (star >= 0)
            {
                pi = star + 1;
                si = ++mark;
            }
            else
            {
                return false;
            }
        }

        while (pi < p.Length && p[pi] == '*')
        {
            pi++;
        }

        return pi == p.Length;
    }

    private static bool CharEq(char a, char b, bool ignoreCase) =>
        a == b || (ignoreCase && char.ToUpperInvariant(a) == char.ToUpperInvariant(b));
}
