namespace SlmEnergyBench.Unit.Faults;

/// <summary>
/// A file that fills its disk: writes go to the real file until write number <paramref name="failingWrite"/> (1-based),
/// of which only the first half reaches the file before it throws <see cref="IOException"/> "No space left on device"
/// (ENOSPC's text), as a write that runs out of space part-way does; so does every write after it.
/// </summary>
internal sealed class FullDiskStream(string path, int failingWrite) : Stream
{
    private readonly FileStream _file = new(path, FileMode.CreateNew, FileAccess.Write, FileShare.Read, bufferSize: 0);
    private int _writes;

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => _file.Length;

    public override long Position
    {
        get => _file.Position;
        set => throw new NotSupportedException();
    }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        if (++_writes < failingWrite)
        {
            _file.Write(buffer);
            return;
        }

        if (_writes == failingWrite)
            _file.Write(buffer[..(buffer.Length / 2)]);
        throw new IOException("No space left on device");
    }

    public override void Flush() => _file.Flush();

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
            _file.Dispose();
        base.Dispose(disposing);
    }
}
