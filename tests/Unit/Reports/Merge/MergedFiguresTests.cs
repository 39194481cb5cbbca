using System.Globalization;
using SlmEnergyBench.Harness.Reports.Merge;

namespace SlmEnergyBench.Unit.Reports.Merge;

/// <summary>
/// A merged report of three real runs (fake, synthetic, imported seed study): every row is one machine's own figures for one
/// model, equal to what that run's files give on their own, never pooled with another machine's; labels distinct; methods kept.
/// </summary>
public sealed class MergedFiguresTests
{
    private static readonly ThreeMachines Runs = ThreeMachines.Make();

    [Fact]
    public void Csv_ThreeRuns_EachRowEqualsThatRunsOwnFiguresComputedFromItsCases()
    {
        // Arrange: each run's figures from its own cases.jsonl, computed here.
        var own = Runs.Folders.SelectMany(OwnFigures.Of).ToList();
        own.Select(f => f.RunId).Distinct().Should().HaveCount(3);
        own.Count(f => f.Model == ThreeMachines.SharedModel).Should().Be(3, "the shared model is on all three machines");

        // Act
        var rows = TestCsv.Rows(MergedCsv.Render(Runs.Merge()));

        // Assert: one row per (run, model), each with that run's own figures to the last bit of a mean's rounding.
        rows.Should().HaveCount(own.Count);
        foreach (var expected in own)
        {
            var row = rows.Should().ContainSingle(r => r["run_id"] == expected.RunId && r["model"] == expected.Model).Subject;
            int.Parse(row["passed"], CultureInfo.InvariantCulture).Should().Be(expected.Passed);
            Value(row, "latency_s").Should().BeApproximately(expected.LatencyS, 1e-9 * expected.LatencyS);
            Value(row, "tokens_per_s").Should().BeApproximately(expected.TokensPerSecond, 1e-9 * expected.TokensPerSecond);
            Value(row, "energy_j").Should().BeApproximately(expected.JoulesPerResponse, 1e-9 * expected.JoulesPerResponse);
            Value(row, "average_power_w").Should().BeApproximately(expected.AveragePowerW, 1e-9 * expected.AveragePowerW);
            Value(row, "joules_per_token_ratio_of_totals").Should().BeApproximately(expected.JoulesPerToken, 1e-9 * expected.JoulesPerToken);
        }
    }

    [Fact]
    public void Csv_SharedModel_KeepsEachMachinesFigureApartFromThePooledMean()
    {
        // Arrange: the shared model's three runs, and what pooling their passed cases would give.
        var own = Runs.Folders.SelectMany(OwnFigures.Of).Where(f => f.Model == ThreeMachines.SharedModel).ToList();
        var pooled = own.Sum(f => f.JoulesPerResponse * f.Passed) / own.Sum(f => f.Passed);

        // Act
        var rows = TestCsv.Rows(MergedCsv.Render(Runs.Merge())).Where(r => r["model"] == ThreeMachines.SharedModel).ToList();

        // Assert
        rows.Select(r => Value(r, "energy_j")).Should().BeEquivalentTo(own.Select(f => f.JoulesPerResponse), o => o.Using<double>(x => x.Subject.Should().BeApproximately(x.Expectation, 1e-9)).WhenTypeIs<double>());
        rows.Should().OnlyContain(r => Math.Abs(Value(r, "energy_j") - pooled) > 1e-6, "no row may be the three machines pooled");
    }

    [Fact]
    public void Csv_ThreeRuns_KeepsEachRunsMethodMeterAndDomains()
    {
        // Act
        var rows = TestCsv.Rows(MergedCsv.Render(Runs.Merge()));

        // Assert: the fake and synthetic runs are SIMULATED powermetrics over cpu, gpu, ane; the study's import is IMPORTED cpu + gpu.
        rows.Where(r => r["run_id"] != "20261126-120000-seed-import").Should().OnlyContain(r => r["method"] == "simulated" && r["meter"] == "powermetrics" && r["domains"] == "cpu gpu ane");
        rows.Where(r => r["run_id"] == "20261126-120000-seed-import").Should().ContainSingle()
            .Which.Should().Contain("method", "imported").And.Contain("meter", "powermetrics (seed study)").And.Contain("domains", "cpu gpu");
    }

    [Fact]
    public void Merge_SameMachineTwice_LabelsDistinctByRunIdEachWithItsMethod()
    {
        // Act
        var machines = Runs.Merge().Machines;

        // Assert: the fake and the synthetic run share the fixture's machine and meter, so their run ids set them apart.
        machines.Select(m => m.Label).Should().OnlyHaveUniqueItems();
        const string Vm = "Intel Xeon Processor · fake GPT4All · powermetrics (SIMULATED) · ";
        machines[0].Label.Should().Be(Vm + "20261126-202418-fake");
        machines[1].Label.Should().Be(Vm + "20261130-120000-synthetic");
        machines[2].Label.Should().Be("Apple M1 Pro · gpt4all · powermetrics (seed study) (IMPORTED)");
        machines.Should().OnlyContain(m => m.Legend == m.Label, "an automatic label already holds its method");
    }

    private static double Value(Dictionary<string, string> row, string column) => double.Parse(row[column], CultureInfo.InvariantCulture);
}
