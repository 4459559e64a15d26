using System.CommandLine;
using CstmML.Host;
using CstmML.Host.Configuration;
using CstmML.Host.Models;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace CstmML.Cli.Commands;

/// <summary><c>cstm serve --model DIR --urls URL</c>: runs the scoring host (the same host as CstmML.Host's own entry point).</summary>
internal static class ServeCommand
{
    /// <summary>Default listen address: loopback only, so nothing is exposed unless asked.</summary>
    public const string DefaultUrls = "http://127.0.0.1:8080";

    /// <summary>Default store folder, relative to the working folder.</summary>
    public const string DefaultStore = "cstm-store";

    public static Command Create(CliEnvironment env, ScorerLoader loader)
    {
        var model = new Option<DirectoryInfo>("--model") { Description = "The model folder (the only place models are loaded from; re-published models are hot-reloaded).", Required = true };
        var urls = new Option<string>("--urls") { Description = "Listen URLs, ';'-separated.", DefaultValueFactory = _ => DefaultUrls };
        var store = new Option<DirectoryInfo>("--store") { Description = $"Folder of the durable alert store (default ./{DefaultStore})." };
        var keys = new Option<FileInfo>("--api-keys") { Description = "File of 'TENANT SHA256-HEX' lines (see 'cstm keys new')." };
        var command = new Command("serve", "Run the scoring HTTP host: /v1/score, /v1/alerts, /v1/detections, /v1/models, /healthz, /readyz, /metrics. Other settings: ScoringHost__* environment variables (docs/api.md).");
        command.Options.Add(model);
        command.Options.Add(urls);
        command.Options.Add(store);
        command.Options.Add(keys);
        command.SetAction((parsed, cancellationToken) => Task.FromResult(VerbAction.Run(env, () =>
        {
            var settings = new Dictionary<string, string?>
            {
                [$"{ScoringHostDefaults.Section}:{nameof(ScoringHostOptions.ModelDirectory)}"] = parsed.GetValue(model)!.FullName,
                [$"{ScoringHostDefaults.Section}:{nameof(ScoringHostOptions.StoreDirectory)}"] = (parsed.GetValue(store)?.FullName) ?? Path.GetFullPath(DefaultStore),
            };
            if (parsed.GetValue(keys) is { } file)
            {
                if (!file.Exists)
                {
                    throw new CliUsageException($"--api-keys: file not found: {file.FullName}");
                }

                settings[$"{ScoringHostDefaults.Section}:{nameof(ScoringHostOptions.ApiKeysFile)}"] = file.FullName;
            }

            var builder = WebApplication.CreateBuilder();
            builder.Configuration.AddInMemoryCollection(settings);
            builder.WebHost.UseUrls(parsed.GetValue(urls)!);
            builder.AddScoringHost(loader);
            try
            {
                using var app = builder.Build();
                app.MapScoringHost();
                app.StartAsync(cancellationToken).GetAwaiter().GetResult();

                // Ctrl+C (the command line's token) or SIGTERM stops the host gracefully: requests drain, the store flushes.
                ((IHost)app).WaitForShutdownAsync(cancellationToken).GetAwaiter().GetResult();
                app.StopAsync(CancellationToken.None).GetAwaiter().GetResult();
                return ExitCodes.Ok;
            }
            catch (OptionsValidationException ex)
            {
                throw new CliUsageException(string.Join("; ", ex.Failures));
            }
        })));
        return command;
    }
}
