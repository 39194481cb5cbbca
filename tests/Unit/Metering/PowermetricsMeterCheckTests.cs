namespace SlmEnergyBench.Unit.Metering;

[Collection(ProcessTestsCollection.Name)]
public sealed class PowermetricsMeterCheckTests : IDisposable
{
    private readonly FakePowermetrics _fake = new();
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    public void Dispose() => _fake.Dispose();

    [Fact]
    public async Task CheckAsync_RealCommandOffMacOs_UnavailableSuggestingFakeProfile()
    {
        // Arrange
        Assert.SkipWhen(OperatingSystem.IsMacOS(), "powermetrics exists on macOS");
        await using var meter = _fake.Meter(FakePowermetrics.Options(command: "/usr/bin/powermetrics", sudoPrefix: "sudo -n"));

        // Act
        var availability = await meter.CheckAsync(_ct);

        // Assert
        availability.IsAvailable.Should().BeFalse();
        availability.Reason.Should().Contain("only on macOS").And.Contain("profile `fake`");
    }

    [Fact]
    public async Task CheckAsync_MissingCommand_UnavailableNamingThePath()
    {
        // Arrange
        await using var meter = _fake.Meter(FakePowermetrics.Options(command: "fixtures/no-such/powermetrics"));

        // Act
        var availability = await meter.CheckAsync(_ct);

        // Assert
        availability.IsAvailable.Should().BeFalse();
        availability.Reason.Should().Contain(Path.Combine(TestRepository.Root, "fixtures/no-such/powermetrics"));
    }

    [Fact]
    public async Task CheckAsync_FakeWithoutSudo_AvailableAfterItsProbeSample()
    {
        // Arrange
        await using var meter = _fake.Meter();

        // Act
        var availability = await meter.CheckAsync(_ct);

        // Assert: without a sudo prefix the command is probed too, and its sample read.
        availability.IsAvailable.Should().BeTrue(availability.Reason);
        availability.Reason.Should().Be(
            $"`{Path.Combine(TestRepository.Root, FakePowermetrics.Command)} -n 1 --samplers cpu_power,gpu_power -i 50 -f plist` gave a sample with "
            + "processor.cpu_energy (mJ per sample), processor.gpu_energy (mJ per sample), processor.ane_energy (mJ per sample); "
            + "total = cpu + gpu + ane (as combined_power; no total for a sample without cpu or gpu).");
    }

    [Fact]
    public async Task CheckAsync_PowermetricsNotRoot_UnavailableWithTheSudoPrefixAndTheSudoersRule()
    {
        // Arrange: the field case: powermetrics started by an ordinary user, without a sudo prefix.
        await using var meter = _fake.Meter(FakePowermetrics.Options(command: FakePowermetrics.NotRoot));

        // Act
        var availability = await meter.CheckAsync(_ct);

        // Assert
        availability.IsAvailable.Should().BeFalse();
        availability.Reason.Should().StartWith(
            "powermetrics must run as root, and it was started without a sudo prefix (Meter:SudoPrefix is empty): it said 'powermetrics must be invoked as the superuser'. "
            + "Set Meter:SudoPrefix = 'sudo -n' (the default) and allow powermetrics without a password with a sudoers rule")
            .And.Contain($"`{Environment.UserName} ALL = (root) NOPASSWD: {Path.Combine(TestRepository.Root, FakePowermetrics.NotRoot)}`")
            .And.Contain("-n 1 -i 100 --samplers cpu_power");
    }

    [Fact]
    public async Task CheckAsync_PrefixThatDoesNotMakeRoot_SaysThePrefixDidNotWork()
    {
        // Arrange: `env` runs the command as the same ordinary user.
        await using var meter = _fake.Meter(FakePowermetrics.Options(command: FakePowermetrics.NotRoot, sudoPrefix: "env"));

        // Act
        var availability = await meter.CheckAsync(_ct);

        // Assert
        availability.IsAvailable.Should().BeFalse();
        availability.Reason.Should().StartWith("powermetrics must run as root, and the sudo prefix 'env' (Meter:SudoPrefix) did not make it root");
    }

    [Fact]
    public async Task CheckAsync_PrefixThatRunsTheProbe_Available()
    {
        // Arrange: `env` stands in for a sudo that lets the one-sample probe through.
        await using var meter = _fake.Meter(FakePowermetrics.Options(sudoPrefix: "env"));

        // Act
        var availability = await meter.CheckAsync(_ct);

        // Assert
        availability.IsAvailable.Should().BeTrue(availability.Reason);
        availability.Reason.Should().Contain("-n 1");
    }

    [Fact]
    public async Task CheckAsync_SudoWouldPrompt_UnavailableWithSudoersRule()
    {
        // Arrange
        await using var meter = _fake.Meter(FakePowermetrics.Options(sudoPrefix: FakePowermetrics.PasswordRequired + " -n"));

        // Act
        var availability = await meter.CheckAsync(_ct);

        // Assert
        availability.IsAvailable.Should().BeFalse();
        availability.Reason.Should().Contain("would prompt for a password")
            .And.Contain($"{Environment.UserName} ALL = (root) NOPASSWD: ")
            .And.Contain("-n 1 -i 100 --samplers cpu_power");
    }

    [Fact]
    public async Task CheckAsync_ProbeFails_UnavailableWithExitCodeAndStderr()
    {
        // Arrange
        _fake.Environment["FAKE_POWERMETRICS_EXIT_AFTER"] = "0";
        await using var meter = _fake.Meter(FakePowermetrics.Options(sudoPrefix: "env"));

        // Act
        var availability = await meter.CheckAsync(_ct);

        // Assert
        availability.IsAvailable.Should().BeFalse();
        availability.Reason.Should().Contain("exited with code 3").And.Contain("exiting after 0 samples");
    }
}
