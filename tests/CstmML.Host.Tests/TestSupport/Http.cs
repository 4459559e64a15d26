using System.Text;
using System.Text.Json;

namespace CstmML.Host.Tests.TestSupport;

/// <summary>Request helpers.</summary>
internal static class Http
{
    public static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    public static async Task<JsonDocument> ReadJsonAsync(this HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync());

    /// <summary>Posts and returns status and parsed body.</summary>
    public static async Task<(int Status, JsonElement Body)> PostAsync(this HttpClient client, string route, string body)
    {
        using var response = await client.PostAsync(route, Json(body));
        var text = await response.Content.ReadAsStringAsync();
        return ((int)response.StatusCode, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone());
    }

    public static async Task<(int Status, JsonElement Body)> GetJsonAsync(this HttpClient client, string route)
    {
        using var response = await client.GetAsync(route);
        var text = await response.Content.ReadAsStringAsync();
        return ((int)response.StatusCode, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone());
    }
}
