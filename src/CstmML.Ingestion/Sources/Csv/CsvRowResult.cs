using CstmML.Core.Alerts;

namespace CstmML.Ingestion.Sources.Csv;

/// <summary>One CSV row read: its normalization result, its location and (for rejects) an excerpt.</summary>
internal readonly record struct CsvRowResult(NormalizeResult Result, RawRef RawRef, string? Excerpt);
