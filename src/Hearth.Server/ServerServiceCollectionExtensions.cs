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
    public static IServiceCollection AddHearthServer(this IServiceCollection services, HearthServerOptions options)
    {
        services.AddSingleton<IValidateOptions<HearthServerOptions>, HearthServerOptionsValidator>();
        services.AddOptions<HearthServerOptions>()
            .Configure(o => (o.Port, o.Bind, o.Interval, o.Webhook) = (options.Port, options.Bind, options.Interval, options.Webhook))
            .ValidateOnStart();
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
        services.AddOpenApi("v1");
        return services;
    }
}
