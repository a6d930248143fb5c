using Hearth.Text.Analysis;
using Hearth.Text.Entities;
using Hearth.Text.Language;
using Microsoft.Extensions.DependencyInjection;

namespace Hearth.Text;

/// <summary>Registers the text pipeline.</summary>
public static class TextServiceCollectionExtensions
{
    public static IServiceCollection AddHearthText(this IServiceCollection services)
    {
        services.AddSingleton<LanguageDetector>();
        services.AddSingleton(Gazetteer.Empty);
        services.AddSingleton(_ => new TextModels());
        services.AddSingleton<TextAnalyzer>();
        return services;
    }
}
