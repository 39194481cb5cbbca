using SlmEnergyBench.Harness.Configuration;

namespace SlmEnergyBench.Harness.Fakes.Slots;

/// <summary>
/// A batching fake's slot curve (<see cref="FakeOptions.SlotCurve"/>) and the truth it implies: the factors at n active streams,
/// the server's throughput, and the steady-state joules per output token while n streams decode, which a measured sweep over
/// concurrency is checked against.
/// </summary>
/// <remarks>
/// Power follows the fake powermetrics (fixtures/fake-powermetrics/powermetrics): while the busy file exists its "cpu_mW gpu_mW"
/// IS the machine's power, in place of the idle power (not on top of it), and it holds the model's ActiveCpuPowerW and
/// ActiveGpuPowerW x <see cref="FakeOptions.PowerFactor"/> x PowerFactor(n) (x the jitter, 1 without noise). So with n streams
/// decoding the machine draws P(n) = (ActiveCpuPowerW + ActiveGpuPowerW) x PowerFactor x PowerFactor(n) W and produces
/// R(n) = n x TokensPerSecond x SpeedFactor x SpeedFactor(n) tokens/s: gross J/token = P(n) / R(n), net of idle =
/// (P(n) - IdleCpuPowerW - IdleGpuPowerW) / R(n). The busy file holds whole mW for the fake powermetrics (it drops the
/// fraction), an error below 1 mW in the watts.
/// </remarks>
public static class FakeSlotCurve
{
    /// <summary>Each stream's speed factor with <paramref name="active"/> streams (1 for an empty curve).</summary>
    public static double SpeedFactor(IReadOnlyList<FakeSlotPoint> curve, int active) => At(curve, active, p => p.SpeedFactor);

    /// <summary>The server's power factor with <paramref name="active"/> streams (1 for an empty curve).</summary>
    public static double PowerFactor(IReadOnlyList<FakeSlotPoint> curve, int active) => At(curve, active, p => p.PowerFactor);

    /// <summary>
    /// Output tokens per second of all <paramref name="active"/> streams together while they decode:
    /// n x TokensPerSecond x <see cref="FakeOptions.SpeedFactor"/> x SpeedFactor(n), without jitter.
    /// </summary>
    /// <exception cref="ArgumentException">No model of <paramref name="fake"/> has the name <paramref name="model"/>, or n is below 1.</exception>
    public static double TokensPerSecond(FakeOptions fake, string model, int active)
    {
        ArgumentNullException.ThrowIfNull(fake);
        ArgumentOutOfRangeException.ThrowIfLessThan(active, 1);
        return active * Model(fake, model).TokensPerSecond * fake.SpeedFactor * SpeedFactor(fake.SlotCurve, active);
    }

    /// <summary>
    /// The server's power while <paramref name="active"/> streams of <paramref name="model"/> decode, W (CPU + GPU, idle included
    /// since the busy power replaces it): (ActiveCpuPowerW + ActiveGpuPowerW) x <see cref="FakeOptions.PowerFactor"/> x PowerFactor(n).
    /// </summary>
    /// <exception cref="ArgumentException">As <see cref="TokensPerSecond"/>.</exception>
    public static double PowerW(FakeOptions fake, string model, int active)
    {
        ArgumentNullException.ThrowIfNull(fake);
        ArgumentOutOfRangeException.ThrowIfLessThan(active, 1);
        var m = Model(fake, model);
        return (m.ActiveCpuPowerW + m.ActiveGpuPowerW) * fake.PowerFactor * PowerFactor(fake.SlotCurve, active);
    }

    /// <summary>
    /// Gross joules per output token while <paramref name="active"/> streams decode (steady state: all n slots busy):
    /// <see cref="PowerW"/> / <see cref="TokensPerSecond"/>, J/token. Exact without noise (<see cref="FakeOptions.NoisePercent"/> 0).
    /// </summary>
    /// <exception cref="ArgumentException">As <see cref="TokensPerSecond"/>.</exception>
    public static double SteadyStateJoulesPerToken(FakeOptions fake, string model, int active) =>
        PowerW(fake, model, active) / TokensPerSecond(fake, model, active);

    /// <summary>
    /// Joules per output token net of idle while <paramref name="active"/> streams decode: (<see cref="PowerW"/> - IdleCpuPowerW -
    /// IdleGpuPowerW) / <see cref="TokensPerSecond"/>, J/token.
    /// </summary>
    /// <exception cref="ArgumentException">As <see cref="TokensPerSecond"/>.</exception>
    public static double SteadyStateNetJoulesPerToken(FakeOptions fake, string model, int active)
    {
        ArgumentNullException.ThrowIfNull(fake);
        return (PowerW(fake, model, active) - fake.IdleCpuPowerW - fake.IdleGpuPowerW) / TokensPerSecond(fake, model, active);
    }

    /// <summary>
    /// What is wrong with <paramref name="fake"/>'s <see cref="FakeOptions.Slots"/> and <see cref="FakeOptions.SlotCurve"/>, as
    /// (configuration key, value, what is allowed); none when they are right. <paramref name="oneAtATime"/>: a server that answers
    /// one request at a time (the fake GPT4All), which takes only 1 slot.
    /// </summary>
    public static IEnumerable<(string Key, object Value, string Allowed)> Problems(FakeOptions fake, bool oneAtATime = false)
    {
        ArgumentNullException.ThrowIfNull(fake);
        if (oneAtATime && fake.Slots != 1)
            yield return ("Fake:Slots", fake.Slots, "1 for the fake GPT4All: GPT4All's server answers one request at a time (Slots is for fake-ollama and fake-openai)");
        else if (fake.Slots is < 1 or > 1024)
            yield return ("Fake:Slots", fake.Slots, "1 to 1024 requests generated at once (like llama-server --parallel N)");
        for (var i = 0; i < fake.SlotCurve.Count; i++)
        {
            var point = fake.SlotCurve[i];
            if (point is null)
            {
                yield return ($"Fake:SlotCurve:{i}", "(empty)", "a point { \"Active\": n, \"SpeedFactor\": s, \"PowerFactor\": p }");
                continue;
            }

            if (point.Active < 1 || (i > 0 && fake.SlotCurve[i - 1] is { } previous && point.Active <= previous.Active))
                yield return ($"Fake:SlotCurve:{i}:Active", point.Active, "1 or more, and strictly more than the point before (the curve's points in increasing Active)");
            if (!(point.SpeedFactor > 0) || !double.IsFinite(point.SpeedFactor))
                yield return ($"Fake:SlotCurve:{i}:SpeedFactor", point.SpeedFactor, "a number greater than 0 (each stream's speed at Active streams, relative to alone)");
            if (!(point.PowerFactor > 0) || !double.IsFinite(point.PowerFactor))
                yield return ($"Fake:SlotCurve:{i}:PowerFactor", point.PowerFactor, "a number greater than 0 (the server's power at Active streams, relative to one)");
        }
    }

    /// <summary>One of <see cref="Problems"/> as a sentence, e.g. <c>Fake:Slots = 0: allowed 1 to 1024 ...</c>.</summary>
    internal static string Describe((string Key, object Value, string Allowed) problem) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{problem.Key} = {problem.Value}: allowed {problem.Allowed}.");

    private static FakeModelOptions Model(FakeOptions fake, string model) =>
        fake.Models.FirstOrDefault(m => string.Equals(m.Name, model, StringComparison.Ordinal))
        ?? throw new ArgumentException($"The fake has no model '{model}' (its models: {string.Join(", ", fake.Models.Select(m => m.Name))}).", nameof(model));

    /// <summary>Linear interpolation on the curve's points at <paramref name="active"/>; the end values beyond them; 1 on an empty curve.</summary>
    private static double At(IReadOnlyList<FakeSlotPoint> curve, int active, Func<FakeSlotPoint, double> factor)
    {
        ArgumentNullException.ThrowIfNull(curve);
        if (curve.Count == 0)
            return 1;
        if (active <= curve[0].Active)
            return factor(curve[0]);
        for (var i = 1; i < curve.Count; i++)
        {
            if (active == curve[i].Active)
                return factor(curve[i]);
            if (active < curve[i].Active)
            {
                var (low, high) = (curve[i - 1], curve[i]);
                return factor(low) + ((factor(high) - factor(low)) * (active - low.Active) / (high.Active - low.Active));
            }
        }

        return factor(curve[^1]);
    }
}
