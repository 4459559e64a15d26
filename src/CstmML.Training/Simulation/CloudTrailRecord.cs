using System.Text.Json;

namespace CstmML.Training.Simulation;

/// <summary>Writes one <see cref="SimApiCall"/> as a CloudTrail record (eventVersion 1.09), field order as AWS delivers it.</summary>
internal static class CloudTrailRecord
{
    public static void Write(Utf8JsonWriter w, SimApiCall c)
    {
        var id = c.Identity;
        var call = c.Call;
        var console = call.Name == "ConsoleLogin";
        w.WriteStartObject();
        w.WriteString("eventVersion", "1.09");
        WriteUserIdentity(w, c, console);
        w.WriteString("eventTime", Tenancy.Iso(c.Time));
        w.WriteString("eventSource", call.EventSource);
        w.WriteString("eventName", call.Name);
        w.WriteString("awsRegion", c.Region);
        w.WriteString("sourceIPAddress", c.SourceIp);
        w.WriteString("userAgent", c.UserAgent);
        if (c.ErrorCode is { } code)
        {
            w.WriteString("errorCode", code);
            w.WriteString("errorMessage", ErrorMessage(c, code));
        }

        w.WritePropertyName("requestParameters");
        RequestParameters.Write(w, c);
        w.WritePropertyName("responseElements");
        if (c.ErrorCode is null)
        {
            RequestParameters.WriteResponse(w, c);
        }
        else
        {
            w.WriteNullValue();
        }

        if (console)
        {
            w.WriteStartObject("additionalEventData");
            w.WriteString("LoginTo", "https://console.aws.amazon.com/console/home");
            w.WriteString("MobileVersion", "No");
            w.WriteString("MFAUsed", "Yes");
            w.WriteEndObject();
        }

        w.WriteString("requestID", c.RequestId.ToString());
        w.WriteString("eventID", c.EventId.ToString());
        w.WriteBoolean("readOnly", call.ReadOnly);
        w.WriteString("eventType", console ? "AwsConsoleSignIn" : "AwsApiCall");
        w.WriteBoolean("managementEvent", !call.IsDataEvent);
        w.WriteString("recipientAccountId", id.Account);
        w.WriteString("eventCategory", call.IsDataEvent ? "Data" : "Management");
        w.WriteEndObject();
    }

    private static void WriteUserIdentity(Utf8JsonWriter w, SimApiCall c, bool console)
    {
        var id = c.Identity;
        w.WriteStartObject("userIdentity");
        if (id.Kind == IdentityKind.AwsUser)
        {
            w.WriteString("type", "IAMUser");
            w.WriteString("principalId", id.PrincipalId);
            w.WriteString("arn", id.Principal);
            w.WriteString("accountId", id.Account);
            if (!console)
            {
                w.WriteString("accessKeyId", c.AccessKeyId);
            }

            w.WriteString("userName", id.Name);
        }
        else
        {
            w.WriteString("type", "AssumedRole");
            w.WriteString("principalId", id.PrincipalId + ":" + c.SessionName);
            w.WriteString("arn", $"arn:aws:sts::{id.Account}:assumed-role/{id.Name}/{c.SessionName}");
            w.WriteString("accountId", id.Account);
            if (!console)
            {
                w.WriteString("accessKeyId", c.AccessKeyId);
            }

            w.WriteStartObject("sessionContext");
            w.WriteStartObject("sessionIssuer");
            w.WriteString("type", "Role");
            w.WriteString("principalId", id.PrincipalId);
            w.WriteString("arn", id.Principal);
            w.WriteString("accountId", id.Account);
            w.WriteString("userName", id.Name);
            w.WriteEndObject();
            w.WriteStartObject("attributes");
            w.WriteString("creationDate", Tenancy.Iso(c.SessionStart));
            w.WriteString("mfaAuthenticated", c.SessionName.Contains('@', StringComparison.Ordinal) ? "true" : "false");
            w.WriteEndObject();
            w.WriteEndObject();
        }

        w.WriteEndObject();
    }

    private static string ErrorMessage(SimApiCall c, string code)
    {
        if (code == "Client.UnauthorizedOperation")
        {
            return "You are not authorized to perform this operation.";
        }

        var who = c.Identity.Kind == IdentityKind.AwsUser
            ? c.Identity.Principal
            : $"arn:aws:sts::{c.Identity.Account}:assumed-role/{c.Identity.Name}/{c.SessionName}";
        return $"User: {who} is not authorized to perform: {c.Call.Action} because no identity-based policy allows the {c.Call.Action} action";
    }
}
