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
        services.AddSingleton<IWordTagger>(provider => provider.GetRequiredService<TrainedModels>().Shipped()); // loaded on first use
        return services;
    }
}
