using Hearth.Cli;
using Hearth.Cli.Commands;
using Hearth.Cli.Commands.Devices;
using Hearth.Cli.Commands.Jobs;
using Hearth.Cli.Commands.Submit;
using Hearth.Cli.Infrastructure;
using Hearth.Hardware;
using Hearth.Learning;
using Hearth.Text;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console.Cli;

if (Console.IsOutputRedirected)
{
    // Piped to a file or another program: no terminal width to fit, so tables keep each row on one line (job ids whole).
    Spectre.Console.AnsiConsole.Profile.Width = 512;
}

var services = new ServiceCollection()
    .AddHearthHardware()
    .AddHearthText()
    .AddHearthLearning();

var app = new CommandApp(new TypeRegistrar(services));
app.Configure(config =>
{
    config.SetApplicationName("hearth");
    config.Settings.StrictParsing = true; // an unknown option is an error (exit 2), not silently ignored
    config.SetApplicationVersion(typeof(Program).Assembly.GetName().Version?.ToString(3) ?? "dev");
    config.AddCommand<DoctorCommand>("doctor")
        .WithDescription("Find every CPU and GPU, prove with real work that each computes correctly, and say in plain words what is not working.")
        .WithExample("doctor")
        .WithExample("doctor", "--json")
        .WithExample("doctor", "--expect-gpu");
    config.AddCommand<BenchCommand>("bench")
        .WithDescription("Measure SGEMM over a size sweep, memory bandwidth and embedding throughput per device; keep a history.")
        .WithExample("bench")
        .WithExample("bench", "--compare")
        .WithExample("bench", "--sizes", "1024,2048", "--json");
    config.AddCommand<WatchCommand>("watch")
        .WithDescription("Watch every CPU and GPU live: utilisation sparklines, temperature, power, memory, GPU processes and alerts.")
        .WithExample("watch")
        .WithExample("watch", "--interval", "2");
    config.AddCommand<RunCommand>("run")
        .WithDescription("Run any program, follow its whole process tree on the CPUs and GPUs, and say where the work really ran.")
        .WithExample("run", "--expect", "gpu", "--", "python3", "train.py")
        .WithExample("run", "--", "dotnet", "MyTrainer.dll");
    config.AddCommand<AnalyzeCommand>("analyze")
        .WithDescription("Analyse text on this machine (nothing leaves it): language, sentences, entities, keywords, sentiment, emotion, tone. "
            + "JSON for one document, JSON Lines for many.")
        .WithExample("analyze", "report.txt")
        .WithExample("analyze", "corpus/", "-o", "results.jsonl", "--resume")
        .WithExample("analyze", "-", "--features", "entities,keywords");
    config.AddCommand<TrainCommand>("train")
        .WithDescription("Fine-tune MiniLM's top layers and a classifier on your labelled texts, on this machine; the best epoch is kept as a model.")
        .WithExample("train", "sentiment", "--data", "reviews.tsv", "--dev", "dev.tsv")
        .WithExample("train", "classify", "--data", "tickets.jsonl", "--layers", "all", "--name", "tickets", "--resume");
    config.AddCommand<EvalCommand>("eval")
        .WithDescription("Score a trained model on labelled texts: accuracy, precision/recall/F1 per class, confusion table, worst errors.")
        .WithExample("eval", "sentiment", "--data", "dev.tsv")
        .WithExample("eval", "tickets", "--data", "test.jsonl", "--json");
    config.AddCommand<ModelsCommand>("models")
        .WithDescription("Show the model cards of the text models: what they are, what they were trained on, their measured quality.");
    config.AddCommand<UpCommand>("up")
        .WithDescription("Start the local Hearth node: live dashboard, REST API, Prometheus /metrics, watchdog. Loopback only unless --bind says "
            + "otherwise.")
        .WithExample("up")
        .WithExample("up", "--port", "8080", "--bind", "0.0.0.0");
    config.AddBranch("submit", submit =>
    {
        submit.SetDescription("Run a job over the Hearth cluster (every node that can take part), with a progress bar.");
        submit.AddCommand<SubmitAnalyzeCommand>("analyze")
            .WithDescription("'hearth analyze' over the cluster: the same JSON Lines, in input order.")
            .WithExample("submit", "analyze", "corpus/", "-o", "results.jsonl")
            .WithExample("submit", "analyze", "mails.jsonl", "--features", "entities,sentiment", "--detach");
        submit.AddCommand<SubmitBenchCommand>("bench")
            .WithDescription("'hearth bench' on every node, one line of figures per node (each node keeps the run in its history).")
            .WithExample("submit", "bench", "--sizes", "1024,2048", "--no-ai");
        submit.AddCommand<SubmitTrainCommand>("train")
            .WithDescription("Train a model on the node with the most compute (a proven GPU first); the model is then copied to every node.")
            .WithExample("submit", "train", "sentiment", "--data", "reviews.tsv", "--dev", "dev.tsv", "--name", "reviews");
        submit.AddCommand<SubmitSentimentCommand>("sentiment-int8")
            .WithDescription("Sentiment with the head on a paired microcontroller (int8) and the document vectors on its node's CPU or GPU.")
            .WithExample("submit", "sentiment-int8", "reviews.jsonl", "-o", "sentiment.jsonl");
    });
    config.AddBranch("devices", devices =>
    {
        devices.SetDescription("Microcontrollers attached to the node ('hearth up --device NAME=/dev/ttyACM0').");
        devices.AddCommand<DevicesListCommand>("list").WithDescription("Every attached board: what it announced, its state, retries and bad frames.");
        devices.AddCommand<DevicesPairCommand>("pair").WithDescription("Let a board get work.").WithExample("devices", "pair", "uno0");
        devices.AddCommand<DevicesHeaderCommand>("header").WithDescription("The quantised sentiment head as weights.h for the Arduino "
            + "firmware.").WithExample("devices", "header", "-o", "build/weights.h");
    });
    config.AddBranch("jobs", jobs =>
    {
        jobs.SetDescription("The cluster jobs this node coordinates.");
        jobs.AddCommand<JobsListCommand>("list").WithDescription("Every job, newest first, with progress and shards by node.");
        jobs.AddCommand<JobsWatchCommand>("watch").WithDescription("Follow a job until it ends.").WithExample("jobs", "watch",
            "20261129-101500-a1b2c3");
        jobs.AddCommand<JobsResultCommand>("result").WithDescription("A finished job's JSON Lines.").WithExample("jobs", "result",
            "20261129-101500-a1b2c3", "-o", "results.jsonl");
    });
    config.AddCommand<TokenCommand>("token")
        .WithDescription("Print the node's bearer token (needed when 'hearth up --bind' listens beyond loopback).");
    config.SetExceptionHandler((exception, _) =>
    {
        // Plain stderr: never wrapped at the terminal width, so scripts can match it.
        var message = exception is Microsoft.Extensions.Options.OptionsValidationException invalid ? string.Join("; ", invalid.Failures)
            : exception.Message;
        Console.Error.WriteLine($"error: {message}");
        return ExitCodes.UsageOrInternal;
    });
});

using var cancellation = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancellation.Cancel();
};
// Spectre.Console.Cli reads a lone "-" as an option without a name: "analyze -" means standard input.
var arguments = args.Length > 0 && args[0] == "analyze" ? args.Select(a => a == "-" ? "/dev/stdin" : a).ToArray() : args;
return await app.RunAsync(arguments, cancellation.Token).ConfigureAwait(false);
