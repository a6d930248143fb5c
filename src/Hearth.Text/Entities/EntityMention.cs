namespace Hearth.Text.Entities;

/// <summary>One mention of an entity in the text.</summary>
/// <param name="Type">PERSON, ORGANIZATION, LOCATION, DATE, TIME, MONEY, PERCENT, QUANTITY, EMAIL, URL, or a user-defined type.</param>
/// <param name="Source">What found it: <c>pattern</c>, <c>gazetteer</c> or a model's name.</param>
public sealed record EntityMention(string Type, string Text, int Start, int Length, double Confidence, string Source)
{
    public int End => Start + Length;
}
