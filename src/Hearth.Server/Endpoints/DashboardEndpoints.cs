using System.Reflection;

namespace Hearth.Server.Endpoints;

/// <summary>The dashboard: static files built into the assembly (no Node build step, nothing to install).</summary>
internal static class DashboardEndpoints
{
    private static readonly (string Path, string Resource, string ContentType)[] Files =
    [
        ("/", "dashboard/index.html", "text/html; charset=utf-8"),
        ("/index.html", "dashboard/index.html", "text/html; charset=utf-8"),
        ("/app.js", "dashboard/app.js", "text/javascript; charset=utf-8"),
        ("/style.css", "dashboard/style.css", "text/css; charset=utf-8"),
        ("/favicon.svg", "dashboard/favicon.svg", "image/svg+xml"),
    ];

    public static void MapDashboard(this WebApplication app)
    {
        foreach (var (path, resource, contentType) in Files)
        {
            var bytes = Read(resource);
            app.MapGet(path, () => Results.Bytes(bytes, contentType)).ExcludeFromDescription();
        }
    }

    private static byte[] Read(string resource)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"the dashboard file {resource} is missing from the build");
        using var memory = new MemoryStream();
        stream.CopyTo(memory);
        return memory.ToArray();
    }
}
