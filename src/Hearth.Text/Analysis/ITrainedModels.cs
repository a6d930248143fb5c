using Hearth.Text.Entities;
using Hearth.Text.Segmentation;

namespace Hearth.Text.Analysis;

/// <summary>The models a user trained (<c>hearth train</c>), by name, for a request to use in place of the shipped ones.</summary>
public interface ITrainedModels
{
    /// <summary>A model that labels texts (classify, sentiment).</summary>
    ITextClassifier Classifier(string name);

    /// <summary>A model that tags names (ner).</summary>
    IEntityModel Entities(string name);
}

/// <summary>Finds names with a model trained with <c>hearth train ner</c>, in place of the rules.</summary>
public interface IEntityModel
{
    string Name { get; }

    /// <summary>The names in the sentences; a line break ends a name.</summary>
    IReadOnlyList<EntityMention> Find(IReadOnlyList<Sentence> sentences, CancellationToken cancellationToken = default);
}
