using System.IO.Compression;

namespace Hearth.Learning.Data;

/// <summary>A data file that cannot be used, with the line to fix.</summary>
public sealed class DataFileException(string message) : Exception(message);

/// <summary>Opening training data: plain or gzipped, with a clear error when the file is missing.</summary>
public static class DataFile
{
    /// <summary>The whole file as text (gzip undone), and its name without a .gz ending: what travels in a cluster train job.</summary>
    public static (string Name, string Text) Read(string path)
    {
        using var reader = Open(path);
        return (Path.GetFileName(Format(path)), reader.ReadToEnd());
    }

    public static StreamReader Open(string path)
    {
        if (!File.Exists(path))
        {
            throw new DataFileException($"{path}: no such file");
        }

        var stream = path.EndsWith(".gz", StringComparison.Ordinal) ? (Stream)new GZipStream(File.OpenRead(path), CompressionMode.Decompress)
            : File.OpenRead(path);
        return new StreamReader(stream);
    }

    /// <summary>The file's name without a .gz ending, to tell its format by.</summary>
    public static string Format(string path) => path.Replace(".gz", "", StringComparison.Ordinal);

    public static string Shorten(string text) => text.Length > 60 ? text[..60] + "…" : text;
}
