using CstmML.Host;
using CstmML.Host.Models;

// The scoring host: every registration and endpoint is listed in HostSetup (shared with `cstm serve`).
var builder = WebApplication.CreateBuilder(args);
builder.AddScoringHost(ScorerLoaders.Default);
var app = builder.Build();
app.MapScoringHost();
app.Run();

/// <summary>The entry point, visible to WebApplicationFactory in tests.</summary>
public partial class Program;
