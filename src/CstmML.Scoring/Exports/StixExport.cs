using System.Text.Json.Nodes;

namespace CstmML.Scoring.Exports;

/// <summary>A STIX 2.1 bundle and the notes about input the writer could not express (bad addresses, capped lists).</summary>
public sealed record StixExport(JsonObject Bundle, IReadOnlyList<string> Notes);
