using Hearth.Hardware.Ai;
using Hearth.Text.Embeddings;

namespace Hearth.Text.Tests;

/// <summary>Where ONNX Runtime ran the model's nodes, read from its own profile.</summary>
public sealed class ProfiledPlacementTests
{
    [Fact]
    public void A_real_profile_on_the_cpu_shows_the_compute_nodes_there_and_not_on_cuda()
    {
        using var encoder = new MiniLmEncoder(ExecutionProviders.Cpu); // no cache: the session is profiled once

        var placement = encoder.Placement!;

        Assert.Null(placement.Problem(ExecutionProviders.Cpu));
        Assert.Contains("compute nodes ran on another provider than CUDAExecutionProvider (MatMul ", placement.Problem(ExecutionProviders.Cuda),
            StringComparison.Ordinal);
    }

    /// <summary>Events in the format ONNX Runtime writes (written here, for want of a GPU): shape nodes stay on the CPU.</summary>
    private static string Profile(string matMulProvider) => $$$"""
        [
        {"cat" : "Session","pid" :1,"tid" :1,"dur" :900,"ts" :1,"ph" : "X","name" :"model_run","args" : {}},
        {"cat" : "Node","pid" :1,"tid" :1,"dur" :3,"ts" :10,"ph" : "X","name" :"/encoder/layer.0/Shape_kernel_time",
         "args" : {"op_name" : "Shape","provider" : "CPUExecutionProvider"}},
        {"cat" : "Node","pid" :1,"tid" :1,"dur" :2,"ts" :12,"ph" : "X","name" :"/encoder/layer.0/Gather_kernel_time",
         "args" : {"op_name" : "Gather","provider" : "CPUExecutionProvider"}},
        {"cat" : "Node","pid" :1,"tid" :1,"dur" :40,"ts" :20,"ph" : "X","name" :"/encoder/layer.0/query/MatMul_kernel_time",
         "args" : {"op_name" : "MatMul","provider" : "{{{matMulProvider}}}"}},
        {"cat" : "Node","pid" :1,"tid" :1,"dur" :40,"ts" :60,"ph" : "X","name" :"/encoder/layer.0/query/MatMul_kernel_time",
         "args" : {"op_name" : "MatMul","provider" : "{{{matMulProvider}}}"}},
        {"cat" : "Node","pid" :1,"tid" :1,"dur" :9,"ts" :90,"ph" : "X","name" :"/encoder/layer.0/LayerNorm_kernel_time",
         "args" : {"op_name" : "LayerNormalization","provider" : "CUDAExecutionProvider"}}
        ]
        """;

    [Fact]
    public void Shape_nodes_on_the_cpu_do_not_count_against_a_gpu_whose_compute_nodes_ran_there()
    {
        var placement = ProfiledPlacement.Read(Profile("CUDAExecutionProvider"));

        Assert.Null(placement.Problem(ExecutionProviders.Cuda));
        Assert.Equal("2 compute nodes on CUDAExecutionProvider (MatMul 1, LayerNormalization 1), 2 other nodes (shapes, indices) on the CPU as "
            + "ONNX Runtime places them", placement.Summary(ExecutionProviders.Cuda));
    }

    [Fact]
    public void A_matrix_product_left_on_the_cpu_is_named()
    {
        var placement = ProfiledPlacement.Read(Profile("CPUExecutionProvider"));

        Assert.Equal("1 of 2 compute nodes ran on another provider than CUDAExecutionProvider (MatMul 1 on the CPU)",
            placement.Problem(ExecutionProviders.Cuda));
    }
}
