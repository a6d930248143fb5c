using Hearth.Hardware.Ai;
using Hearth.Text.Analysis;
using Hearth.Text.Embeddings;
using Hearth.Text.Entities;
using Hearth.Text.Language;
using Microsoft.Extensions.DependencyInjection;

namespace Hearth.Text;

/// <summary>Registers the text pipeline and the encoder runtime the doctor proves (<see cref="IAiRuntime"/>).</summary>
public static class TextServiceCollectionExtensions
{
    public static IServiceCollection AddHearthText(this IServiceCollection services)
    {
        services.AddSingleton(new LanguageDetector(Environment.GetEnvironmentVariable("HEARTH_LANGUAGE") is { Length: > 0 } language ? language
            : "en"));
        services.AddSingleton(Gazetteer.Empty);
        services.AddSingleton<EncoderRuntime>();
        services.AddSingleton<IAiRuntime>(sp => sp.GetRequiredService<EncoderRuntime>());
        services.AddSingleton(sp => new TextModels(sp.GetRequiredService<EncoderRuntime>()));
        services.AddSingleton<TextAnalyzer>();
        return services;
    }
}
