using System.Net.Http.Json;
using Hearth.Hardware;
using Hearth.Hardware.Watchdog;
using Microsoft.Extensions.Logging;

namespace Hearth.Server.Alerts;

/// <summary>POSTs each raised or cleared alert as JSON to the configured webhook; a failing webhook is logged, never fatal.</summary>
public sealed partial class WebhookNotifier(HttpClient http, HearthServerOptions options, ILogger<WebhookNotifier> logger)
{
    public void Notify(Alert alert)
    {
        if (options.Webhook is not { } url)
        {
            return;
        }

        _ = Task.Run(async () =>
        {
            try
            {
                using var response = await http.PostAsJsonAsync(url, new { source = "hearth", host = Environment.MachineName, alert },
                    HearthJson.Options).ConfigureAwait(false);
                if (!response.IsSuccessStatusCode)
                {
                    LogRefused(logger, url.Host, (int)response.StatusCode, alert.Key);
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                LogUnreachable(logger, url.Host, e.Message, alert.Key);
            }
        });
    }

    [LoggerMessage(EventId = 4001, Level = LogLevel.Warning, Message = "Webhook at {Host} answered {Status} for alert {Key}")]
    private static partial void LogRefused(ILogger logger, string host, int status, string key);

    [LoggerMessage(EventId = 4002, Level = LogLevel.Warning, Message = "Webhook at {Host} unreachable ({Reason}) for alert {Key}")]
    private static partial void LogUnreachable(ILogger logger, string host, string reason, string key);
}
