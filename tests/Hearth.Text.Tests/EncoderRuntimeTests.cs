using Hearth.Hardware;
using Hearth.Hardware.Ai;
using Hearth.Hardware.Doctor;
using Hearth.Text.Embeddings;
using Microsoft.Extensions.DependencyInjection;

namespace Hearth.Text.Tests;

public sealed class EncoderRuntimeTests
{
    [Fact]
    public void The_real_minilm_model_on_the_cpu_provider_produces_sound_embeddings()
    {
        using var runtime = new EncoderRuntime();

        var (run, vectors) = runtime.Embed(ExecutionProviders.Cpu, null, CancellationToken.None);

        Assert.True(run.Works, run.Detail);
        Assert.True(run.SentencesPerSecond > 0);
        Assert.Equal(MiniLmEncoder.Dimensions, vectors![0].Length);
        Assert.Contains(ExecutionProviders.Cpu, runtime.ListedProviders());
    }

    [Fact]
    public void A_provider_that_cannot_run_is_reported_for_that_provider_and_the_shared_encoder_stays_on_the_cpu()
    {
        using var runtime = new EncoderRuntime();

        var (run, vectors) = runtime.Embed("NoSuchExecutionProvider", null, CancellationToken.None);

        Assert.False(run.Works);
        Assert.Null(vectors);
        Assert.False(string.IsNullOrWhiteSpace(run.Detail));
        Assert.Equal(ExecutionProviders.Cpu, runtime.Placement().Provider);
    }

    [Fact]
    public void The_doctor_proves_the_very_encoder_object_that_analysis_runs_on()
    {
        using var services = new ServiceCollection().AddHearthHardware().AddHearthText().BuildServiceProvider();
        var analysisEncoder = services.GetRequiredService<TextModels>().Encoder;
        var before = analysisEncoder.SentencesEncoded;

        var report = services.GetRequiredService<DoctorRunner>().Run(new DoctorOptions(CpuGemmSize: 128, MeasureClock: false),
            CancellationToken.None);

        // The doctor's check (a warm-up of 8 sentences, then the sanity set) ran on the object analysis uses, not on a copy.
        Assert.Equal(before + 8 + EmbeddingSanity.Sentences.Count, analysisEncoder.SentencesEncoded);
        Assert.Same(analysisEncoder, services.GetRequiredService<EncoderRuntime>().Encoder);
        Assert.Equal(analysisEncoder.Provider, report.AiEncoder!.Provider);
        Assert.Contains(report.AiRuntime, r => r.Provider == analysisEncoder.Provider && r.Works);
    }
}
