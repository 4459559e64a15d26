using System.Globalization;
using CstmML.Core.Alerts;
using CstmML.Ingestion.Mapping;

namespace CstmML.Ingestion.Sources.Csv;

/// <summary>
/// Turns one row of the documented columns into a <see cref="NormalizedAlert"/>. The same rules serve CSV files and
/// flat JSON objects with the same keys; cells come through a getter so both readers share them.
/// </summary>
internal static class CsvRowNormalizer
{
    /// <summary>Mapping confidence of a technique the row states itself (the user's own label).</summary>
    public const double NativeConfidence = 1.0;

    /// <summary>The rule name recorded on mappings that come from the techniques column.</summary>
    public const string MappingRule = "csv:techniques";

    /// <param name="get">The trimmed cell of a column, or null/empty when absent.</param>
    /// <param name="rawRef">Where the row came from.</param>
    /// <param name="contentId">The stable content id, used when the row has no id.</param>
    public static NormalizeResult Normalize(Func<string, string?> get, RawRef rawRef, Func<string> contentId)
    {
        var timeText = Cell(get, CsvColumns.Time);
        if (timeText is null)
        {
            return NormalizeResult.Fail("time is missing", CsvColumns.Time);
        }

        if (!CsvValues.TryParseTime(timeText, out var time))
        {
            return NormalizeResult.Fail($"time '{timeText}' is not an ISO 8601 timestamp or epoch number", CsvColumns.Time);
        }

        var type = Cell(get, CsvColumns.Type);
        if (type is null)
        {
            return NormalizeResult.Fail("type is missing", CsvColumns.Type);
        }

        var principal = Cell(get, CsvColumns.Principal);
        if (principal is null)
        {
            return NormalizeResult.Fail("principal is missing", CsvColumns.Principal);
        }

        var product = AlertProduct.Csv;
        if (Cell(get, CsvColumns.Product) is { } productText && !CsvValues.TryParseProduct(productText, out product))
        {
            return NormalizeResult.Fail($"product '{productText}' is not one of guardduty, cloudtrail, defender, scc, prisma, csv", CsvColumns.Product);
        }

        CloudProvider provider;
        if (Cell(get, CsvColumns.Provider) is { } providerText)
        {
            if (!CsvValues.TryParseProvider(providerText, out provider))
            {
                return NormalizeResult.Fail($"provider '{providerText}' is not one of aws, azure, gcp, prisma", CsvColumns.Provider);
            }
        }
        else if (CsvValues.ProviderOf(product) is { } implied)
        {
            provider = implied;
        }
        else
        {
            return NormalizeResult.Fail("provider is missing (aws, azure, gcp or prisma; or a product that implies one)", CsvColumns.Provider);
        }

        double severity = 0;
        if (Cell(get, CsvColumns.Severity) is { } sevText &&
            (!double.TryParse(sevText, NumberStyles.Float, CultureInfo.InvariantCulture, out severity) || severity is < 0 or > 10 || double.IsNaN(severity)))
        {
            return NormalizeResult.Fail($"severity '{sevText}' is not a number from 0 to 10", CsvColumns.Severity);
        }

        List<string>? notes = null;
        var principalType = PrincipalTypes.Unknown;
        if (Cell(get, CsvColumns.PrincipalType) is { } ptText)
        {
            var pt = ptText.ToLowerInvariant();
            if (CsvValues.PrincipalTypeValues.Contains(pt))
            {
                principalType = pt;
            }
            else
            {
                (notes ??= []).Add($"principal_type '{ptText}' is not a known principal type; read as unknown");
            }
        }

        var mapping = new MappingBuilder();
        if (Cell(get, CsvColumns.Techniques) is { } techniques)
        {
            foreach (var t in Split(techniques))
            {
                mapping.Add(t, MappingSource.Native, NativeConfidence, MappingRule);
            }
        }

        if (Cell(get, CsvColumns.Tactics) is { } tactics)
        {
            foreach (var t in Split(tactics))
            {
                mapping.AddTactic(t);
            }
        }

        var (techs, tacs, maps) = mapping.Build();
        if (mapping.Notes.Count > 0)
        {
            (notes ??= []).AddRange(mapping.Notes);
        }

        var alert = new NormalizedAlert
        {
            Id = Cell(get, CsvColumns.Id) ?? contentId(),
            Time = time,
            Provider = provider,
            Product = product,
            Type = type,
            Principal = principal,
            PrincipalType = principalType,
            SessionName = Cell(get, CsvColumns.SessionName),
            Account = Cell(get, CsvColumns.Account) ?? string.Empty,
            Region = Cell(get, CsvColumns.Region),
            SourceIp = Cell(get, CsvColumns.SourceIp),
            UserAgent = Cell(get, CsvColumns.UserAgent),
            Outcome = Cell(get, CsvColumns.Outcome) ?? Outcomes.Success,
            Severity = severity,
            Service = Cell(get, CsvColumns.Service),
            Techniques = techs,
            Tactics = tacs,
            Mapping = maps,
            RawRef = rawRef,
        };
        return NormalizeResult.Ok(alert, notes);
    }

    private static string? Cell(Func<string, string?> get, string column) =>
        get(column) is { } v && v.Trim() is { Length: > 0 } t ? t : null;

    private static string[] Split(string list) =>
        list.Split([.. CsvColumns.ListSeparators], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
