namespace Hearth.Text.Input;

/// <summary>A document to analyse, or why it could not be read.</summary>
/// <param name="Id">Where it came from: a path relative to the input, <c>file.jsonl:12</c>, or <c>-</c>.</param>
public sealed record InputDocument(string Id, string? Text, string? Error);
