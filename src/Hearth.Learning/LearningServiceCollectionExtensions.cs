using Hearth.Hardware.History;
using Hearth.Learning.Models;
using Hearth.Learning.Serving;
using Hearth.Text.Analysis;
using Microsoft.Extensions.DependencyInjection;

namespace Hearth.Learning;

/// <summary>Registers the models trained here (HEARTH_HOME/models) and their serving.</summary>
public static class LearningServiceCollectionExtensions
{
    public static IServiceCollection AddHearthLearning(this IServiceCollection services)
    {
        services.AddSingleton(_ => new ModelStore(HearthHome.Resolve()));
        services.AddSingleton<TrainedModels>();
        // The shipped joint model: what Hearth reads in English sentences, loaded on first use.
        services.AddSingleton<ISentenceReader>(provider => provider.GetRequiredService<TrainedModels>().Shipped());
        return services;
    }
}
