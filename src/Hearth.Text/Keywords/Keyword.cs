namespace Hearth.Text.Keywords;

/// <summary>A key phrase with its relevance (0–1, the best is 1) and how often it occurs.</summary>
public sealed record Keyword(string Text, double Relevance, int Count);
