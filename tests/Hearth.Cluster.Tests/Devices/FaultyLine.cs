namespace Hearth.Cluster.Tests.Devices;

/// <summary>The host-to-board direction of a line, with faults on demand for the next frame written.</summary>
internal sealed class FaultyLine(Stream inner) : Stream
{
    private Func<byte[], Task>? fault;

    /// <summary>Flips one bit in the middle of the next frame: the board sees a CRC mismatch.</summary>
    public void CorruptNextFrame() => fault = async frame =>
    {
        frame[frame.Length / 2] ^= 0x04;
        await inner.WriteAsync(frame);
    };

    /// <summary>Sends half of the next frame, then resets the board, then the rest: a reset in the middle of a request.</summary>
    public void ResetDuringNextFrame(Action reset) => fault = async frame =>
    {
        await inner.WriteAsync(frame.AsMemory(0, frame.Length / 2));
        await inner.FlushAsync();
        reset();
        await inner.WriteAsync(frame.AsMemory(frame.Length / 2));
    };

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (Interlocked.Exchange(ref fault, null) is { } once)
        {
            await once(buffer.ToArray());
        }
        else
        {
            await inner.WriteAsync(buffer, cancellationToken);
        }
    }

    public override Task FlushAsync(CancellationToken cancellationToken) => inner.FlushAsync(cancellationToken);

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override void Flush() => inner.Flush();

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => WriteAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();
}
