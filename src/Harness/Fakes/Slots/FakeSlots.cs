using SlmEnergyBench.Harness.Configuration;

namespace SlmEnergyBench.Harness.Fakes.Slots;

/// <summary>
/// The generation slots of the fake Ollama or a fake OpenAI-compatible server (<see cref="FakeOptions.Slots"/>): up to that many
/// requests hold a slot at once, the rest wait first come, first served. A request that generates counts as active from
/// <see cref="FakeSlot.Generate"/> (right after it got its slot: load and prefill included) to <see cref="FakeSlot.Dispose"/>
/// (after its last token); with n active, each stream's gaps are divided by the curve's SpeedFactor(n) (<see cref="FakeSlot.SpeedFactor"/>)
/// and the busy file holds the server's power: the mean of the active requests' own power (the model's, x PowerFactor, x each
/// request's jitter) x PowerFactor(n), rewritten whenever n changes and deleted when it drops to 0. With one slot the request's
/// prefill power (PrefillCpuPowerW/PrefillGpuPowerW) holds until its first token as before; with more slots prefill power is not
/// told apart (every active request counts with its decode power), so the file holds the curve's power whenever n streams run.
/// </summary>
internal sealed class FakeSlots : IDisposable
{
    private readonly int _capacity;
    private readonly IReadOnlyList<FakeSlotPoint> _curve;
    private readonly BusyFile? _busy;
    private readonly Lock _lock = new();
    private readonly Queue<TaskCompletionSource<FakeSlot>> _waiting = new();
    private readonly List<FakeSlot> _active = [];
    private int _held;
    private bool _disposed;

    /// <param name="options">Slots and slot curve.</param>
    /// <param name="busy">The busy file the fake powermetrics reads, or null.</param>
    public FakeSlots(FakeOptions options, BusyFile? busy)
    {
        ArgumentNullException.ThrowIfNull(options);
        _capacity = options.Slots;
        _curve = [.. options.SlotCurve];
        _busy = busy;
        // WireMock reads a streamed body through a blocking call, so each stream holds a thread-pool thread while it plays: make sure
        // the pool has them at once rather than adding one or two a second while the first streams' tokens run late.
        ThreadPool.GetMinThreads(out var workers, out var completionPorts);
        var wanted = Environment.ProcessorCount + (2 * _capacity);
        if (_capacity > 1 && workers < wanted)
            ThreadPool.SetMinThreads(wanted, completionPorts);
    }

    /// <summary>Requests generated at once.</summary>
    public int Capacity => _capacity;

    /// <summary>A slot, at once when one is free and nobody waits, else when the requests before have been served.</summary>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> fired while the request waited.</exception>
    public async Task<FakeSlot> EnterAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        TaskCompletionSource<FakeSlot> waiter;
        lock (_lock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_held < _capacity && _waiting.Count == 0)
            {
                _held++;
                return new FakeSlot(this, waited: false);
            }

            waiter = new TaskCompletionSource<FakeSlot>(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiting.Enqueue(waiter);
        }

        await using var registration = cancellationToken.Register(() => waiter.TrySetCanceled(cancellationToken)).ConfigureAwait(false);
        return await waiter.Task.ConfigureAwait(false);
    }

    /// <summary>Requests generating now (holding a slot, from <see cref="FakeSlot.Generate"/> to their end).</summary>
    public int Active
    {
        get
        {
            lock (_lock)
                return _active.Count;
        }
    }

    /// <summary>The curve's speed factor at the requests generating now (1 with none).</summary>
    public double SpeedFactor
    {
        get
        {
            lock (_lock)
                return FakeSlotCurve.SpeedFactor(_curve, Math.Max(1, _active.Count));
        }
    }

    /// <summary>Stops: requests still waiting for a slot are cancelled.</summary>
    public void Dispose()
    {
        lock (_lock)
        {
            _disposed = true;
            while (_waiting.TryDequeue(out var waiter))
                waiter.TrySetCanceled();
        }
    }

    internal void Started(FakeSlot slot)
    {
        lock (_lock)
        {
            _active.Add(slot);
            Publish();
        }
    }

    internal void Decoding()
    {
        // Only one slot tells prefill from decode power; with more, the power changes only when n does.
        if (_capacity > 1)
            return;
        lock (_lock)
            Publish();
    }

    internal void Leave(FakeSlot slot)
    {
        lock (_lock)
        {
            if (_active.Remove(slot))
                Publish();
            while (_waiting.TryDequeue(out var next))
            {
                if (next.TrySetResult(new FakeSlot(this, waited: true)))
                    return;
            }

            _held--;
        }
    }

    /// <summary>Writes the server's power now to the busy file, or deletes it when nothing generates. Called under the lock.</summary>
    private void Publish()
    {
        if (_busy is null)
            return;
        if (_active.Count == 0)
        {
            _busy.Clear();
            return;
        }

        var factor = FakeSlotCurve.PowerFactor(_curve, _active.Count);
        var powers = _active.Select(s => _capacity == 1 && !s.IsDecoding ? s.PrefillMw : s.DecodeMw).ToList();
        _busy.Write(powers.Average(p => p.CpuMw) * factor, powers.Average(p => p.GpuMw) * factor);
    }
}
