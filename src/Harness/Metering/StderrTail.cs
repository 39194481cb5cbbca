using System.Text;

namespace SlmEnergyBench.Harness.Metering;

/// <summary>The last few kilobytes of a child process's stderr, kept for error messages. Thread-safe.</summary>
internal sealed class StderrTail
{
    private const int MaxChars = 2000;
    private readonly Lock _gate = new();
    private readonly StringBuilder _text = new();

    public void AppendLine(string line)
    {
        lock (_gate)
        {
            _text.Append(line).Append('\n');
            if (_text.Length > MaxChars)
                _text.Remove(0, _text.Length - MaxChars);
        }
    }

    /// <summary>Reads <paramref name="reader"/> to its end (or cancellation) into the tail.</summary>
    public async Task DrainAsync(TextReader reader, CancellationToken cancellationToken)
    {
        try
        {
            while (await reader.ReadLineAsync(cancellationToken) is { } line)
                AppendLine(line);
        }
        catch (Exception e) when (e is OperationCanceledException or IOException or ObjectDisposedException)
        {
            // The process is gone or we stopped listening: the tail holds what was read.
        }
    }

    public override string ToString()
    {
        lock (_gate)
            return _text.ToString().Trim();
    }

    /// <summary>The tail quoted for a message, or "(empty)".</summary>
    public string Quoted()
    {
        var text = ToString();
        return text.Length == 0 ? "(empty)" : $"'{text.ReplaceLineEndings(" | ")}'";
    }
}
