using System.Text.Json;

namespace Hearth.Cli.Output;

/// <summary>Writes <c>--json</c> output in Hearth's JSON style.</summary>
internal static class JsonOutput
{
    public static void Write<T>(T value) => Console.Out.WriteLine(JsonSerializer.Serialize(value, Hardware.HearthJson.Options));
}
