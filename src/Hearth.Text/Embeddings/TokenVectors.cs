namespace Hearth.Text.Embeddings;

/// <summary>One text's tokens as MiniLM saw them: vocabulary ids and a 384-dimension vector each.</summary>
public sealed record TokenVectors(int[] Ids, float[][] Vectors);
