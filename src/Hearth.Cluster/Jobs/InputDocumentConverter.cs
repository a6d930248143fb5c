using Hearth.Text.Input;

namespace Hearth.Cluster.Jobs;

/// <summary>Lets Orleans carry <see cref="InputDocument"/>s through <see cref="InputDocumentSurrogate"/>.</summary>
[RegisterConverter]
internal sealed class InputDocumentConverter : IConverter<InputDocument, InputDocumentSurrogate>
{
    public InputDocument ConvertFromSurrogate(in InputDocumentSurrogate surrogate) => new(surrogate.Id, surrogate.Text, surrogate.Error);

    public InputDocumentSurrogate ConvertToSurrogate(in InputDocument value) => new(value.Id, value.Text, value.Error);
}
