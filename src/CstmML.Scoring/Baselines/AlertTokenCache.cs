using CstmML.Core.Alerts;

namespace CstmML.Scoring.Baselines;

/// <summary>
/// One thread's alert tokens (<c>product:type</c>) by product and type, so a type seen before costs a lookup instead of
/// a new string per alert. Per thread (never shared) and bounded: a product's table is emptied when it reaches
/// <see cref="MaxTypesPerProduct"/> types.
/// </summary>
internal sealed class AlertTokenCache
{
    /// <summary>Distinct types remembered per product before its table starts over.</summary>
    internal const int MaxTypesPerProduct = 8192;

    [ThreadStatic]
    private static AlertTokenCache? _current;

    private readonly Dictionary<string, string>?[] _byProduct = new Dictionary<string, string>?[Enum.GetValues<AlertProduct>().Max(p => (int)p) + 1];

    /// <summary>The calling thread's cache.</summary>
    public static AlertTokenCache Current => _current ??= new AlertTokenCache();

    /// <summary>Number of tokens held (tests).</summary>
    internal int Count => _byProduct.Sum(d => d?.Count ?? 0);

    /// <summary>The token of <paramref name="alert"/>, equal to <see cref="SequenceTokens.AlertToken"/>.</summary>
    public string Token(NormalizedAlert alert)
    {
        var index = (int)alert.Product;
        if ((uint)index >= (uint)_byProduct.Length)
        {
            return SequenceTokens.AlertToken(alert); // a product value outside the enum: not worth a table
        }

        var table = _byProduct[index] ??= new Dictionary<string, string>(StringComparer.Ordinal);
        if (table.TryGetValue(alert.Type, out var token))
        {
            return token;
        }

        if (table.Count >= MaxTypesPerProduct)
        {
            table.Clear();
        }

        token = SequenceTokens.AlertToken(alert);
        table.Add(alert.Type, token);
        return token;
    }
}
