using Microsoft.Playwright;

namespace Hearth.Server.Tests;

/// <summary>Debian's Chromium (installed by ./test.sh), driven by Playwright's bundled driver: no browser download.</summary>
internal static class Browser
{
    public const string ChromiumPath = "/usr/bin/chromium";

    public static async Task<(IPlaywright Playwright, IBrowser Browser)> LaunchAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException($"{ChromiumPath} is missing: install Debian's chromium (./test.sh does)");
        }

        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run"],
        });
        return (playwright, browser);
    }

    /// <summary>Where screenshots go: artifacts/test-results in the checkout (kept by CI), else a temporary folder.</summary>
    public static string ArtifactPath(string name)
    {
        var folder = AppContext.BaseDirectory;
        while (folder is not null && !File.Exists(Path.Combine(folder, "Hearth.slnx")))
        {
            folder = Path.GetDirectoryName(folder);
        }

        var results = Path.Combine(folder ?? Path.GetTempPath(), "artifacts", "test-results");
        Directory.CreateDirectory(results);
        return Path.Combine(results, name);
    }
}
