#:project ../src/Hearth.Server/Hearth.Server.csproj
#:package Microsoft.Playwright
#:property PublishAot=false
// The dashboard's first paint and first live point in Debian's headless Chromium, against a real node
// sampling this machine. Target: first paint under 1 s. Usage: dotnet run bench/dashboard-paint.cs [RUNS]
using Hearth.Server;
using Microsoft.AspNetCore.Builder;
using Microsoft.Playwright;

var runs = args.Length > 0 ? int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 5;
Environment.SetEnvironmentVariable("HEARTH_HOME", Directory.CreateTempSubdirectory("hearth-paint-").FullName);
var app = HearthServer.Build(o => o.Port = 0);
await app.StartAsync();
var url = app.Urls.First();
using var playwright = await Playwright.CreateAsync();
await using var browser = await playwright.Chromium.LaunchAsync(new()
{
    ExecutablePath = "/usr/bin/chromium",
    Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
});
var paints = new List<double>();
var firstPoints = new List<double>();
for (var run = 0; run < runs; run++)
{
    var page = await browser.NewPageAsync();
    await page.GotoAsync(url);
    paints.Add(await page.EvaluateAsync<double>("() => new Promise(done => new PerformanceObserver((list, observer) => { const e = "
        + "list.getEntries().find(x => x.name === 'first-contentful-paint'); if (e) { observer.disconnect(); done(e.startTime); } }).observe({ "
            + "type: 'paint', buffered: true }))"));
    await page.WaitForFunctionAsync("() => +document.querySelector(\"canvas[data-series='cpu.util']\")?.dataset.points > 0");
    firstPoints.Add(await page.EvaluateAsync<double>("() => performance.now()"));
    await page.CloseAsync();
}

await app.StopAsync();
paints.Sort();
firstPoints.Sort();
Console.WriteLine($"dashboard first contentful paint: best {paints[0]:0} ms, median {paints[paints.Count / 2]:0} ms over {runs} loads (target < "
    + $"1000 ms)");
Console.WriteLine($"first live chart point drawn:    best {firstPoints[0]:0} ms, median {firstPoints[firstPoints.Count / 2]:0} ms");
