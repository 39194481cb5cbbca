using System.Text;
using SlmEnergyBench.Harness.Text;

namespace SlmEnergyBench.Harness.Metering;

/// <summary>
/// The first <see cref="MaxBytes"/> bytes a meter process wrote on stdout, kept to show what a command that never
/// gave a sample printed instead (e.g. a <c>Meter:Command</c> that is not powermetrics). Thread-safe.
/// </summary>
internal sealed class StdoutHead
{
    /// <summary>Bytes kept: enough to recognize what a program prints, short enough for a message.</summary>
    public const int MaxBytes = 160;

    private readonly Lock _gate = new();
    private readonly byte[] _head = new byte[MaxBytes];
    private int _length;

    public void Append(ReadOnlySpan<byte> bytes)
    {
        lock (_gate)
        {
            var keep = Math.Min(bytes.Length, MaxBytes - _length);
            bytes[..keep].CopyTo(_head.AsSpan(_length));
            _length += keep;
        }
    }

    /// <summary>
    /// For a command that gave no sample: what it printed instead, as a sign that <paramref name="commandPath"/> is not
    /// powermetrics; empty when it printed nothing.
    /// </summary>
    public string NoPlistSentence(string commandPath) => Quoted() is { } head
        ? $" Its output began {head}, which is no powermetrics plist (-f plist): check that Meter:Command ({commandPath}) is powermetrics."
        : "";

    /// <summary>
    /// The head as readable text in quotes (line breaks as " | ", other control characters and invalid UTF-8 as '?'),
    /// or null when nothing was written.
    /// </summary>
    public string? Quoted()
    {
        string text;
        lock (_gate)
            text = Encoding.UTF8.GetString(_head, 0, _length);
        text = text.Trim();
        return text.Length == 0 ? null : "'" + PrintableText.OneLine(text, " | ") + "'";
    }
}
