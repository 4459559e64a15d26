using System.Text.Json;
using CstmML.Ingestion.Identity;
using CstmML.Ingestion.Json;

namespace CstmML.Ingestion.Sources.CloudTrail;

/// <summary>
/// The fast path of <see cref="CloudTrailSource"/>: reads a plain CloudTrail API record in one forward
/// <see cref="Utf8JsonReader"/> pass over its UTF-8 bytes, without a <c>JsonDocument</c>. It only accepts records
/// whose outcome it can guarantee equals the document path's: every top-level key is a documented CloudTrail
/// record field (so no wrapper, Lake, Insights or other provider shape, and no other source's detection keys),
/// no field the alert uses appears twice, and each has the expected JSON type (eventTime an ISO 8601 string,
/// eventID and eventName non-empty strings...). Anything else returns false and the caller takes the document path.
/// </summary>
internal static class CloudTrailUtf8Reader
{
    private static readonly JsonReaderOptions Options = new() { MaxDepth = 256 };

    private enum Field
    {
        Unknown,
        Other,
        EventVersion,
        EventTime,
        EventId,
        EventName,
        EventSource,
        AwsRegion,
        RecipientAccountId,
        UserIdentity,
        SourceIpAddress,
        UserAgent,
        ErrorCode,
        ReadOnly,
        RequestParameters,
        ResponseElements,
    }

    /// <summary>Reads the values of <paramref name="utf8"/> (one complete JSON object); false: use the document path.</summary>
    public static bool TryRead(ReadOnlySpan<byte> utf8, Utf8StringCache cache, out CloudTrailValues values)
    {
        values = default;
        try
        {
            var r = new Utf8JsonReader(utf8, Options);
            return r.Read() && r.TokenType == JsonTokenType.StartObject && ReadRecord(ref r, cache, ref values);
        }
        catch (JsonException)
        {
            // Deeper than the options allow, or not what the reader promised: the document path decides.
            return false;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    /// <summary>
    /// Like <see cref="TryRead"/> for a JSON Lines line not yet checked by the record reader: false also when
    /// <paramref name="line"/> is not exactly one JSON object (anything after it) or nests deeper than
    /// <paramref name="maxDepth"/>, so a true answer is one the record reader would have produced the same bytes for.
    /// </summary>
    public static bool TryReadLine(ReadOnlySpan<byte> line, int maxDepth, Utf8StringCache cache, out CloudTrailValues values)
    {
        values = default;
        try
        {
            var r = new Utf8JsonReader(line, new JsonReaderOptions { MaxDepth = maxDepth });
            return r.Read() && r.TokenType == JsonTokenType.StartObject && ReadRecord(ref r, cache, ref values) &&
                r.TokenType == JsonTokenType.EndObject && r.CurrentDepth == 0 && r.BytesConsumed == line.Length;
        }
        catch (JsonException)
        {
            return false;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    private static bool ReadRecord(ref Utf8JsonReader r, Utf8StringCache cache, ref CloudTrailValues v)
    {
        var seen = 0;
        while (r.Read() && r.TokenType == JsonTokenType.PropertyName)
        {
            var field = r.ValueIsEscaped ? Field.Unknown : Classify(r.ValueSpan);
            if (field == Field.Unknown)
            {
                return false;
            }

            if (field != Field.Other)
            {
                var bit = 1 << (int)field;
                if ((seen & bit) != 0)
                {
                    return false;
                }

                seen |= bit;
            }

            r.Read();
            if (!ReadValue(ref r, field, cache, ref v))
            {
                return false;
            }
        }

        const int Required = (1 << (int)Field.EventVersion) | (1 << (int)Field.EventTime) | (1 << (int)Field.EventId) | (1 << (int)Field.EventName);
        return (seen & Required) == Required;
    }

    private static bool ReadValue(ref Utf8JsonReader r, Field field, Utf8StringCache cache, ref CloudTrailValues v)
    {
        var token = r.TokenType;
        switch (field)
        {
            case Field.EventVersion:
                // Detection needs it present and not null.
                r.Skip();
                return token != JsonTokenType.Null;
            case Field.EventTime:
                if (token != JsonTokenType.String || !r.TryGetDateTimeOffset(out var time))
                {
                    return false;
                }

                v.Time = time.ToUniversalTime();
                return true;
            case Field.EventId:
                // Unique per record: not worth caching.
                return token == JsonTokenType.String && r.GetString() is { Length: > 0 } id && Set(out v.Id, id);
            case Field.EventName:
                return token == JsonTokenType.String && cache.Get(ref r) is { Length: > 0 } name && Set(out v.EventName, name);
            case Field.EventSource:
                return ReadString(ref r, cache, nonEmpty: false, out v.EventSource);
            case Field.AwsRegion:
                return ReadString(ref r, cache, nonEmpty: true, out v.AwsRegion);
            case Field.RecipientAccountId:
                return ReadString(ref r, cache, nonEmpty: true, out v.RecipientAccountId);
            case Field.SourceIpAddress:
                return ReadString(ref r, cache, nonEmpty: true, out v.SourceIpAddress);
            case Field.UserAgent:
                return ReadString(ref r, cache, nonEmpty: true, out v.UserAgent);
            case Field.ErrorCode:
                return ReadString(ref r, cache, nonEmpty: true, out v.ErrorCode);
            case Field.ReadOnly:
                v.ReadOnly = token switch
                {
                    JsonTokenType.True => true,
                    JsonTokenType.False => false,
                    JsonTokenType.String when r.ValueTextEquals("true"u8) => true,
                    JsonTokenType.String when r.ValueTextEquals("false"u8) => false,
                    _ => null,
                };
                r.Skip();
                return true;
            case Field.UserIdentity:
                if (token == JsonTokenType.Null)
                {
                    return true;
                }

                v.HasIdentity = true;
                return token == JsonTokenType.StartObject && ReadIdentity(ref r, cache, out v.Identity);
            case Field.RequestParameters:
                return token != JsonTokenType.StartObject ? Skip(ref r) : ReadOne(ref r, "instanceType"u8, cache, out v.InstanceType, out _);
            case Field.ResponseElements:
                if (token != JsonTokenType.StartObject)
                {
                    return Skip(ref r);
                }

                if (!ReadOne(ref r, "ConsoleLogin"u8, cache, out var login, out _))
                {
                    return false;
                }

                v.ConsoleLoginFailure = login == CloudTrailFields.ConsoleLoginFailure;
                return true;
            default:
                return Skip(ref r);
        }
    }

    // A string field read with NonEmpty semantics (or plain string semantics): null stays null, other types fall back.
    private static bool ReadString(ref Utf8JsonReader r, Utf8StringCache cache, bool nonEmpty, out string? value)
    {
        value = null;
        switch (r.TokenType)
        {
            case JsonTokenType.Null:
                return true;
            case JsonTokenType.String:
                var s = cache.Get(ref r);
                value = nonEmpty && s.Length == 0 ? null : s;
                return true;
            default:
                return false;
        }
    }

    // In the object just opened, the string value of the one property named name (null when missing or not a
    // string); false when the name appears twice. The rest is skipped. exists: the property is there and not null.
    private static bool ReadOne(ref Utf8JsonReader r, ReadOnlySpan<byte> name, Utf8StringCache cache, out string? value, out bool exists)
    {
        value = null;
        exists = false;
        var seen = false;
        while (r.Read() && r.TokenType == JsonTokenType.PropertyName)
        {
            var match = r.ValueTextEquals(name);
            r.Read();
            if (match)
            {
                if (seen)
                {
                    return false;
                }

                seen = true;
                exists = r.TokenType != JsonTokenType.Null;
                if (r.TokenType == JsonTokenType.String)
                {
                    value = cache.Get(ref r);
                    continue;
                }
            }

            r.Skip();
        }

        return true;
    }

    private static bool ReadIdentity(ref Utf8JsonReader r, Utf8StringCache cache, out AwsIdentity identity)
    {
        identity = default;
        string? type = null, arn = null, account = null, principalId = null, userName = null, invokedBy = null;
        string? provider = null, accessKey = null, issuerArn = null, onBehalfUser = null, onBehalfStore = null;
        var seen = 0;
        while (r.Read() && r.TokenType == JsonTokenType.PropertyName)
        {
            var key = r.ValueIsEscaped ? -1 : IdentityKey(r.ValueSpan);
            if (key < 0)
            {
                return false;
            }

            r.Read();
            if (key == 0)
            {
                r.Skip();
                continue;
            }

            if ((seen & (1 << key)) != 0)
            {
                return false;
            }

            seen |= 1 << key;
            var ok = key switch
            {
                1 => ReadString(ref r, cache, nonEmpty: false, out type),
                2 => ReadString(ref r, cache, nonEmpty: true, out arn),
                3 => ReadString(ref r, cache, nonEmpty: true, out account),
                4 => ReadString(ref r, cache, nonEmpty: true, out principalId),
                5 => ReadString(ref r, cache, nonEmpty: true, out userName),
                6 => ReadString(ref r, cache, nonEmpty: true, out invokedBy),
                7 => ReadString(ref r, cache, nonEmpty: true, out provider),
                8 => ReadString(ref r, cache, nonEmpty: true, out accessKey),
                9 => r.TokenType != JsonTokenType.StartObject ? Skip(ref r) : ReadSessionContext(ref r, cache, out issuerArn),
                _ => r.TokenType != JsonTokenType.StartObject ? Skip(ref r) : ReadOnBehalfOf(ref r, cache, out onBehalfUser, out onBehalfStore),
            };
            if (!ok)
            {
                return false;
            }
        }

        identity = new AwsIdentity
        {
            Type = type,
            Arn = arn,
            AccountId = account,
            PrincipalId = principalId,
            UserName = userName,
            InvokedBy = invokedBy,
            IdentityProvider = provider,
            AccessKeyId = accessKey,
            IssuerArn = issuerArn,
            OnBehalfOfUserId = onBehalfUser,
            OnBehalfOfStoreArn = onBehalfStore,
        };
        return true;
    }

    // sessionContext: only sessionIssuer.arn is used (non-empty string).
    private static bool ReadSessionContext(ref Utf8JsonReader r, Utf8StringCache cache, out string? issuerArn)
    {
        issuerArn = null;
        var seen = false;
        while (r.Read() && r.TokenType == JsonTokenType.PropertyName)
        {
            var match = r.ValueTextEquals("sessionIssuer"u8);
            r.Read();
            if (!match)
            {
                r.Skip();
                continue;
            }

            if (seen)
            {
                return false;
            }

            seen = true;
            if (r.TokenType != JsonTokenType.StartObject)
            {
                r.Skip();
                continue;
            }

            if (!ReadOne(ref r, "arn"u8, cache, out var arn, out _))
            {
                return false;
            }

            issuerArn = arn is { Length: > 0 } ? arn : null;
        }

        return true;
    }

    private static bool ReadOnBehalfOf(ref Utf8JsonReader r, Utf8StringCache cache, out string? userId, out string? storeArn)
    {
        userId = null;
        storeArn = null;
        var seen = 0;
        while (r.Read() && r.TokenType == JsonTokenType.PropertyName)
        {
            var key = r.ValueTextEquals("userId"u8) ? 1 : r.ValueTextEquals("identityStoreArn"u8) ? 2 : 0;
            r.Read();
            if (key == 0)
            {
                r.Skip();
                continue;
            }

            if ((seen & key) != 0)
            {
                return false;
            }

            seen |= key;
            var ok = key == 1 ? ReadString(ref r, cache, nonEmpty: true, out userId) : ReadString(ref r, cache, nonEmpty: true, out storeArn);
            if (!ok)
            {
                return false;
            }
        }

        return true;
    }

    private static bool Skip(ref Utf8JsonReader r)
    {
        r.Skip();
        return true;
    }

    private static bool Set(out string target, string value)
    {
        target = value;
        return true;
    }

    // userIdentity keys: 0 other, 1..10 read; -1 never (escaped names are rejected by the caller).
    private static int IdentityKey(ReadOnlySpan<byte> n) => n.Length switch
    {
        3 when n.SequenceEqual("arn"u8) => 2,
        4 when n.SequenceEqual("type"u8) => 1,
        8 when n.SequenceEqual("userName"u8) => 5,
        9 when n.SequenceEqual("accountId"u8) => 3,
        9 when n.SequenceEqual("invokedBy"u8) => 6,
        10 when n.SequenceEqual("onBehalfOf"u8) => 10,
        11 when n.SequenceEqual("principalId"u8) => 4,
        11 when n.SequenceEqual("accessKeyId"u8) => 8,
        14 when n.SequenceEqual("sessionContext"u8) => 9,
        16 when n.SequenceEqual("identityProvider"u8) => 7,
        _ => 0,
    };

    // The documented CloudTrail record fields (AWS "CloudTrail record contents"); anything else is Unknown.
    private static Field Classify(ReadOnlySpan<byte> n) => n.Length switch
    {
        7 when n.SequenceEqual("eventID"u8) => Field.EventId,
        8 when n.SequenceEqual("readOnly"u8) => Field.ReadOnly,
        8 when n.SequenceEqual("addendum"u8) => Field.Other,
        9 when n.SequenceEqual("eventTime"u8) => Field.EventTime,
        9 when n.SequenceEqual("eventName"u8) => Field.EventName,
        9 when n.SequenceEqual("awsRegion"u8) => Field.AwsRegion,
        9 when n.SequenceEqual("userAgent"u8) => Field.UserAgent,
        9 when n.SequenceEqual("errorCode"u8) => Field.ErrorCode,
        9 when n.SequenceEqual("requestID"u8) => Field.Other,
        9 when n.SequenceEqual("eventType"u8) => Field.Other,
        9 when n.SequenceEqual("resources"u8) => Field.Other,
        10 when n.SequenceEqual("apiVersion"u8) => Field.Other,
        10 when n.SequenceEqual("tlsDetails"u8) => Field.Other,
        11 when n.SequenceEqual("eventSource"u8) => Field.EventSource,
        12 when n.SequenceEqual("eventVersion"u8) => Field.EventVersion,
        12 when n.SequenceEqual("userIdentity"u8) => Field.UserIdentity,
        12 when n.SequenceEqual("errorMessage"u8) => Field.Other,
        13 when n.SequenceEqual("sharedEventID"u8) => Field.Other,
        13 when n.SequenceEqual("vpcEndpointId"u8) => Field.Other,
        13 when n.SequenceEqual("eventCategory"u8) => Field.Other,
        15 when n.SequenceEqual("sourceIPAddress"u8) => Field.SourceIpAddress,
        15 when n.SequenceEqual("managementEvent"u8) => Field.Other,
        16 when n.SequenceEqual("responseElements"u8) => Field.ResponseElements,
        17 when n.SequenceEqual("requestParameters"u8) => Field.RequestParameters,
        17 when n.SequenceEqual("edgeDeviceDetails"u8) => Field.Other,
        18 when n.SequenceEqual("recipientAccountId"u8) => Field.RecipientAccountId,
        19 when n.SequenceEqual("additionalEventData"u8) => Field.Other,
        19 when n.SequenceEqual("serviceEventDetails"u8) => Field.Other,
        20 when n.SequenceEqual("vpcEndpointAccountId"u8) => Field.Other,
        28 when n.SequenceEqual("sessionCredentialFromConsole"u8) => Field.Other,
        _ => Field.Unknown,
    };
}
