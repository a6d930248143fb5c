using System.Text.Json;
using Hearth.Hardware;

namespace Hearth.Text.Analysis;

/// <summary>One line of <c>hearth analyze</c>'s JSON Lines output, the same whether run locally or on a cluster.</summary>
public static class AnalysisLine
{
    public static string Of(string id, AnalysisResult result) => JsonSerializer.Serialize(new { id, result }, HearthJson.Compact);

    /// <summary>A document that could not be read or analysed: reported, not retried.</summary>
    public static string Error(string id, string error) => JsonSerializer.Serialize(new { id, error }, HearthJson.Compact);
}
