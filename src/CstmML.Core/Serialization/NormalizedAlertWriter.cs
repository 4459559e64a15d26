using System.Text.Json;
using CstmML.Core.Alerts;

namespace CstmML.Core.Serialization;

/// <summary>
/// Writes a <see cref="NormalizedAlert"/> exactly as the source-generated <see cref="CstmJsonContext"/> contract does
/// (same property order and names, nulls omitted, the same writer calls for every value), without the serializer's
/// per-property machinery: `cstm map` writes one alert per input record, and the generic path was a sixth of its CPU.
/// Enum names come from the contract itself; a value outside the enum falls back to the contract's converter.
/// </summary>
internal static class NormalizedAlertWriter
{
    private static readonly JsonEncodedText Id = JsonEncodedText.Encode("id");
    private static readonly JsonEncodedText Time = JsonEncodedText.Encode("time");
    private static readonly JsonEncodedText Ingested = JsonEncodedText.Encode("ingested");
    private static readonly JsonEncodedText Provider = JsonEncodedText.Encode("provider");
    private static readonly JsonEncodedText Product = JsonEncodedText.Encode("product");
    private static readonly JsonEncodedText Type = JsonEncodedText.Encode("type");
    private static readonly JsonEncodedText Principal = JsonEncodedText.Encode("principal");
    private static readonly JsonEncodedText PrincipalType = JsonEncodedText.Encode("principal_type");
    private static readonly JsonEncodedText SessionName = JsonEncodedText.Encode("session_name");
    private static readonly JsonEncodedText Account = JsonEncodedText.Encode("account");
    private static readonly JsonEncodedText Region = JsonEncodedText.Encode("region");
    private static readonly JsonEncodedText SourceIp = JsonEncodedText.Encode("source_ip");
    private static readonly JsonEncodedText UserAgent = JsonEncodedText.Encode("user_agent");
    private static readonly JsonEncodedText AccessKeyId = JsonEncodedText.Encode("access_key_id");
    private static readonly JsonEncodedText Outcome = JsonEncodedText.Encode("outcome");
    private static readonly JsonEncodedText Severity = JsonEncodedText.Encode("severity");
    private static readonly JsonEncodedText Service = JsonEncodedText.Encode("service");
    private static readonly JsonEncodedText Techniques = JsonEncodedText.Encode("techniques");
    private static readonly JsonEncodedText Tactics = JsonEncodedText.Encode("tactics");
    private static readonly JsonEncodedText Mapping = JsonEncodedText.Encode("mapping");
    private static readonly JsonEncodedText RawRefName = JsonEncodedText.Encode("raw_ref");
    private static readonly JsonEncodedText Technique = JsonEncodedText.Encode("technique");
    private static readonly JsonEncodedText Source = JsonEncodedText.Encode("source");
    private static readonly JsonEncodedText Confidence = JsonEncodedText.Encode("confidence");
    private static readonly JsonEncodedText Rule = JsonEncodedText.Encode("rule");
    private static readonly JsonEncodedText File = JsonEncodedText.Encode("file");
    private static readonly JsonEncodedText Line = JsonEncodedText.Encode("line");
    private static readonly JsonEncodedText Index = JsonEncodedText.Encode("index");

    private static readonly JsonEncodedText[] Providers = Names(CstmJsonContext.Default.CloudProvider);
    private static readonly JsonEncodedText[] Products = Names(CstmJsonContext.Default.AlertProduct);
    private static readonly JsonEncodedText[] Sources = Names(CstmJsonContext.Default.MappingSource);

    /// <summary>Writes <paramref name="alert"/> as one JSON object.</summary>
    public static void Write(Utf8JsonWriter writer, NormalizedAlert alert)
    {
        writer.WriteStartObject();
        String(writer, Id, alert.Id);
        writer.WriteString(Time, alert.Time);
        if (alert.Ingested is { } ingested)
        {
            writer.WriteString(Ingested, ingested);
        }

        writer.WritePropertyName(Provider);
        Enum(writer, Providers, alert.Provider, CstmJsonContext.Default.CloudProvider);
        writer.WritePropertyName(Product);
        Enum(writer, Products, alert.Product, CstmJsonContext.Default.AlertProduct);
        String(writer, Type, alert.Type);
        String(writer, Principal, alert.Principal);
        String(writer, PrincipalType, alert.PrincipalType);
        String(writer, SessionName, alert.SessionName);
        String(writer, Account, alert.Account);
        String(writer, Region, alert.Region);
        String(writer, SourceIp, alert.SourceIp);
        String(writer, UserAgent, alert.UserAgent);
        String(writer, AccessKeyId, alert.AccessKeyId);
        String(writer, Outcome, alert.Outcome);
        writer.WriteNumber(Severity, alert.Severity);
        String(writer, Service, alert.Service);
        if (alert.Techniques is { } techniques)
        {
            writer.WriteStartArray(Techniques);
            for (var i = 0; i < techniques.Count; i++)
            {
                writer.WriteStringValue(techniques[i].Value);
            }

            writer.WriteEndArray();
        }

        if (alert.Tactics is { } tactics)
        {
            writer.WriteStartArray(Tactics);
            for (var i = 0; i < tactics.Count; i++)
            {
                writer.WriteStringValue(tactics[i].Value);
            }

            writer.WriteEndArray();
        }

        if (alert.Mapping is { } mapping)
        {
            writer.WriteStartArray(Mapping);
            for (var i = 0; i < mapping.Count; i++)
            {
                WriteMapping(writer, mapping[i]);
            }

            writer.WriteEndArray();
        }

        if (alert.RawRef is { } rawRef)
        {
            writer.WriteStartObject(RawRefName);
            String(writer, File, rawRef.File);
            writer.WriteNumber(Line, rawRef.Line);
            if (rawRef.Index is { } index)
            {
                writer.WriteNumber(Index, index);
            }

            writer.WriteEndObject();
        }

        writer.WriteEndObject();
    }

    private static void WriteMapping(Utf8JsonWriter writer, TechniqueMapping? m)
    {
        if (m is null)
        {
            writer.WriteNullValue();
            return;
        }

        writer.WriteStartObject();
        writer.WriteString(Technique, m.Technique.Value);
        writer.WritePropertyName(Source);
        Enum(writer, Sources, m.Source, CstmJsonContext.Default.MappingSource);
        writer.WriteNumber(Confidence, m.Confidence);
        String(writer, Rule, m.Rule);
        writer.WriteEndObject();
    }

    // A string property, omitted when null (the contract's WhenWritingNull).
    private static void String(Utf8JsonWriter writer, JsonEncodedText name, string? value)
    {
        if (value is not null)
        {
            writer.WriteString(name, value);
        }
    }

    private static void Enum<T>(Utf8JsonWriter writer, JsonEncodedText[] names, T value, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> typeInfo)
        where T : struct, Enum
    {
        var i = System.Runtime.CompilerServices.Unsafe.As<T, int>(ref value);
        if ((uint)i < (uint)names.Length)
        {
            writer.WriteStringValue(names[i]);
        }
        else
        {
            JsonSerializer.Serialize(writer, value, typeInfo);
        }
    }

    // The name the contract writes for each value 0..n-1 of an enum whose values are exactly 0..n-1.
    private static JsonEncodedText[] Names<T>(System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> typeInfo)
        where T : struct, Enum
    {
        var values = System.Enum.GetValues<T>();
        if (System.Runtime.CompilerServices.Unsafe.SizeOf<T>() != sizeof(int))
        {
            return [];
        }

        var names = new JsonEncodedText[values.Length];
        for (var i = 0; i < values.Length; i++)
        {
            if (System.Runtime.CompilerServices.Unsafe.As<T, int>(ref values[i]) != i)
            {
                return [];
            }

            names[i] = JsonEncodedText.Encode(JsonSerializer.Deserialize(JsonSerializer.Serialize(values[i], typeInfo), CstmJsonContext.Default.String)!);
        }

        return names;
    }
}
