using Hearth.Hardware.History;
using Hearth.Hardware.Telemetry;
using Hearth.Hardware.Watchdog;
using Hearth.Server.Alerts;
using Hearth.Server.Live;
using Hearth.Server.Security;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Hearth.Server;

/// <summary>Registers the node: live telemetry, history, watchdog, alerts, token.</summary>
public static class ServerServiceCollectionExtensions
{
    /// <summary>
    /// The node's services, with its options from <paramref name="configure"/>; they are validated when the node starts
    /// (an <see cref="OptionsValidationException"/> whose failures say how to fix each problem).
    /// </summary>
    public static IServiceCollection AddHearthServer(this IServiceCollection services, Action<HearthServerOptions> configure)
    {
        services.AddOptions<HearthServerOptions>().Configure(configure).ValidateOnStart();
        services.AddSingleton<IValidateOptions<HearthServerOptions>, HearthServerOptionsValidator>();
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<HearthServerOptions>>().Value);
        services.AddSingleton(_ => new LiveSeries(TimeSpan.FromMinutes(10)));
        services.AddSingleton(sp => new TelemetryStore(sp.GetRequiredService<HearthDatabase>(), RetentionPolicy.Default));
        services.AddSingleton(_ => new WatchdogEngine(WatchdogEngine.DefaultRules));
        services.AddSingleton<LiveHub>();
        services.AddSingleton<AlertStore>();
        services.AddSingleton<AlertBook>();
        services.AddHttpClient<WebhookNotifier>(http => http.Timeout = TimeSpan.FromSeconds(10));
        services.AddSingleton(_ => new NodeToken(() => HearthHome.Resolve()));
        services.TryAddSingleton<TelemetryService>();
        services.AddHostedService(sp => sp.GetRequiredService<TelemetryService>());
        services.ConfigureHttpJsonOptions(json => Hardware.HearthJson.Configure(json.SerializerOptions));
        services.AddOpenApi("v1", openApi => openApi.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "Hearth node API";
            document.Info.Description = "Devices, live and historical telemetry, jobs, alerts, doctor and bench reports of one Hearth node "
                + "(docs/api.md).";
            return Task.CompletedTask;
        }));
        return services;
    }
}
