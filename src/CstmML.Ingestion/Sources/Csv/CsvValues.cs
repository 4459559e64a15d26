using System.Globalization;
using CstmML.Core.Alerts;

namespace CstmML.Ingestion.Sources.Csv;

/// <summary>Parsers for CSV cell text. None throws: failure is false.</summary>
internal static class CsvValues
{
    /// <summary>ISO 8601 (any offset; no offset means UTC) or Unix epoch seconds / milliseconds.</summary>
    public static bool TryParseTime(string text, out DateTimeOffset time)
    {
        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out time))
        {
            time = time.ToUniversalTime();
            return true;
        }

        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var n))
        {
            // Seconds until year 5138; above that the value is milliseconds (same rule as the JSON sources).
            var ms = n > 1e11 ? n : n * 1000d;
            if (ms is > 0 and < 253402300799999d)
            {
                time = DateTimeOffset.FromUnixTimeMilliseconds((long)ms);
                return true;
            }
        }

        time = default;
        return false;
    }

    public static bool TryParseProvider(string text, out CloudProvider provider)
    {
        provider = default;
        switch (text.Trim().ToUpperInvariant())
        {
            case "AWS": provider = CloudProvider.Aws; return true;
            case "AZURE": provider = CloudProvider.Azure; return true;
            case "GCP": provider = CloudProvider.Gcp; return true;
            case "PRISMA": provider = CloudProvider.Prisma; return true;
            default: return false;
        }
    }

    public static bool TryParseProduct(string text, out AlertProduct product)
    {
        product = default;
        switch (text.Trim().ToUpperInvariant())
        {
            case "GUARDDUTY": product = AlertProduct.GuardDuty; return true;
            case "CLOUDTRAIL": product = AlertProduct.CloudTrail; return true;
            case "DEFENDER": product = AlertProduct.Defender; return true;
            case "SCC": product = AlertProduct.Scc; return true;
            case "PRISMA": product = AlertProduct.Prisma; return true;
            case "CSV": product = AlertProduct.Csv; return true;
            default: return false;
        }
    }

    /// <summary>The provider a product implies, when it implies one.</summary>
    public static CloudProvider? ProviderOf(AlertProduct product) => product switch
    {
        AlertProduct.GuardDuty or AlertProduct.CloudTrail => CloudProvider.Aws,
        AlertProduct.Defender => CloudProvider.Azure,
        AlertProduct.Scc => CloudProvider.Gcp,
        AlertProduct.Prisma => CloudProvider.Prisma,
        _ => null,
    };

    /// <summary>The principal_type values of <see cref="PrincipalTypes"/>.</summary>
    public static IReadOnlyList<string> PrincipalTypeValues { get; } =
    [
        PrincipalTypes.Role, PrincipalTypes.User, PrincipalTypes.Root, PrincipalTypes.Service, PrincipalTypes.Federated,
        PrincipalTypes.ServiceAccount, PrincipalTypes.Application, PrincipalTypes.Unknown,
    ];
}
