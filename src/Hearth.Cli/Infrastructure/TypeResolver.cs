using Microsoft.Extensions.DependencyInjection;
using Spectre.Console.Cli;

namespace Hearth.Cli.Infrastructure;

/// <summary>Resolves commands and their dependencies; disposes the container (and ILGPU, ONNX Runtime) at exit.</summary>
internal sealed class TypeResolver(ServiceProvider provider) : ITypeResolver, IDisposable
{
    public object? Resolve(Type? type) => type is null ? null : provider.GetService(type);

    public void Dispose() => provider.Dispose();
}
