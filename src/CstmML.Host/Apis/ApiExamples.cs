namespace CstmML.Host.Apis;

/// <summary>Request and response examples shown in the OpenAPI document (descriptions, Markdown).</summary>
internal static class ApiExamples
{
    public const string ScoreDescription = """
        Body: raw alerts as a JSON array, JSON Lines or a provider envelope (CloudTrail `Records`, EventBridge, SCC, ...),
        formats may be mixed; or pre-built sequences as `{"sequences":[{"alerts":[...]}]}` (each sequence one principal).
        At most `MaxAlertsPerRequest` (default 5000) alerts and `MaxRequestBytes` (default 16 MiB) per request.

        Request example:
        ```json
        [{"eventVersion":"1.09","eventID":"e1","eventTime":"2024-05-01T10:00:00Z","eventSource":"iam.amazonaws.com",
          "eventName":"CreateAccessKey","awsRegion":"us-east-1",
          "userIdentity":{"type":"IAMUser","arn":"arn:aws:iam::111122223333:user/alice","accountId":"111122223333"}}]
        ```
        Response example (200):
        ```json
        {"model":{"name":"cstm","version":"1.0.0"},"alert_count":1,
         "results":[{"sequence_id":"s:0f3c...","account":"111122223333","principal":"arn:aws:iam::111122223333:user/alice",
           "start":"2024-05-01T10:00:00+00:00","end":"2024-05-01T10:00:00+00:00","alert_count":1,"techniques":["T1098.001"],
           "velocity":{...},"risk":{"score":42,"reasons":[...]},"model":{"name":"cstm","version":"1.0.0"}}],
         "rejects":[]}
        ```
        """;

    public const string AlertsDescription = """
        Same body formats as /v1/score. Alerts are stored durably (SQLite WAL, synchronous=FULL) before the 202; an alert id
        already stored for the tenant is counted as a duplicate and ignored.

        Response example (202):
        ```json
        {"accepted":48,"duplicates":2,"detections":1,"rejects":[]}
        ```
        """;

    public const string DetectionsDescription = """
        `since`: the `next_cursor` of the previous page (or 0); `limit`: 1..1000 (default 100). Cursors are stable and increase.

        Response example (200):
        ```json
        {"detections":[{"cursor":"17","trigger":"risk_threshold","session":"open","detected_at":"2024-05-01T10:05:00+00:00",
          "result":{"sequence_id":"s:...","risk":{"score":81,"reasons":[...]}, "...": "..."}}],"next_cursor":"17"}
        ```
        """;
}
