using System.Text.Json;
using PrivacyPortal.Cli;
using PrivacyPortal.Web.Tests.Support;

namespace PrivacyPortal.Web.Tests.Cli;

/// <summary>The operator's `portal` verbs against a real SQLite database, with the exit codes scripts rely on.</summary>
public sealed class CliTests : IDisposable
{
    private readonly TempDirectory _data = new();

    public void Dispose() => _data.Dispose();

    private async Task<(int Exit, string Out, string Error)> RunWithProfilesAsync(string? profiles, params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var settings = new Dictionary<string, string?>
        {
            ["Portal:DataDirectory"] = _data.Path,
            ["Portal:ProfilesDirectory"] = profiles ?? RepoPaths.Seeds,
        };
        var exit = await PortalCli.RunAsync(args, stdout, stderr, settings);
        return (exit, stdout.ToString(), stderr.ToString());
    }

    private Task<(int Exit, string Out, string Error)> RunAsync(params string[] args) => RunWithProfilesAsync(null, args);

    [Fact]
    public async Task Fee_ForNttSmartConnectDisclosure_Is1100YenIncludingTax()
    {
        var (exit, output, _) = await RunAsync("fee", "--controller", "ntt-smartconnect", "--type", "disclosure", "--json");

        Assert.Equal(ExitCodes.Ok, exit);
        using var json = JsonDocument.Parse(output);
        var root = json.RootElement;
        Assert.Equal("charged", root.GetProperty("fee").GetString());
        Assert.Equal(1100, root.GetProperty("amountMinor").GetInt64());
        Assert.Equal("JPY", root.GetProperty("currency").GetString());
        Assert.True(root.GetProperty("taxIncluded").GetBoolean());
        Assert.Equal(1000, root.GetProperty("netMinor").GetInt64());
        Assert.Equal(100, root.GetProperty("taxMinor").GetInt64());
        Assert.Contains("Each request for disclosure", root.GetProperty("covers").GetProperty("en").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Fee_ForNttSmartConnectCorrection_IsNone()
    {
        var (exit, output, _) = await RunAsync("fee", "--controller", "ntt-smartconnect", "--type", "correction", "--json");

        Assert.Equal(ExitCodes.Ok, exit);
        using var json = JsonDocument.Parse(output);
        Assert.Equal("none", json.RootElement.GetProperty("fee").GetString());
        Assert.Equal(0, json.RootElement.GetProperty("amountMinor").GetInt64());
    }

    [Fact]
    public async Task Fee_ForNetOneDisclosure_SaysTheAmountIsNotPublished()
    {
        var (exit, output, _) = await RunAsync("fee", "--controller", "netone", "--type", "disclosure", "--json");

        Assert.Equal(ExitCodes.Ok, exit);
        using var json = JsonDocument.Parse(output);
        Assert.Equal("not-published", json.RootElement.GetProperty("fee").GetString());
        Assert.False(json.RootElement.GetProperty("amountPublished").GetBoolean());
        Assert.False(json.RootElement.TryGetProperty("amountMinor", out _));
    }

    [Fact]
    public async Task Fee_WithoutJson_PrintsOneLine()
    {
        var (exit, output, error) = await RunAsync("fee", "--controller", "ntt-smartconnect", "--type", "disclosure");

        Assert.True(exit == ExitCodes.Ok, error);
        Assert.Equal("ntt-smartconnect disclosure: 1,100 yen including tax (1,000 yen + 10% consumption tax)", output.Trim());
    }

    [Theory]
    [InlineData("no-such", "disclosure", "unknown controller 'no-such'")]
    [InlineData("netone", "access", "netone does not accept request type 'access'")]
    [InlineData("netone", "nonsense", "does not accept request type 'nonsense'")]
    public async Task Fee_ForAnUnknownControllerOrType_ExitsWith3(string controller, string type, string message)
    {
        var (exit, _, error) = await RunAsync("fee", "--controller", controller, "--type", type, "--json");

        Assert.Equal(ExitCodes.NotFound, exit);
        Assert.Contains(message, error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("fee", "--type", "disclosure")]
    [InlineData("fee", "--controller")]
    [InlineData("launch-rockets")]
    public async Task ABadCommandLine_ExitsWith2AndShowsUsage(params string[] args)
    {
        var (exit, _, error) = await RunAsync(args);

        Assert.Equal(ExitCodes.Usage, exit);
        Assert.Contains("Usage: portal <verb>", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Controllers_Json_ListsEveryPolicyWithRegimesAndRequestTypes()
    {
        var (exit, output, _) = await RunAsync("controllers", "--json");

        Assert.Equal(ExitCodes.Ok, exit);
        using var json = JsonDocument.Parse(output);
        var rows = json.RootElement.EnumerateArray().ToList();
        Assert.Equal(["nec-univerge-st500", "nec-website", "netone", "ntt-resonant", "ntt-smartconnect"], rows.Select(r => r.GetProperty("id").GetString()));
        var nec = rows[0];
        Assert.Equal("日本電気株式会社", nec.GetProperty("name").GetProperty("ja").GetString());
        Assert.Equal(["appi", "gdpr"], nec.GetProperty("regimes").EnumerateArray().Select(r => r.GetString()));
        Assert.Contains("portability", nec.GetProperty("requestTypes").EnumerateArray().Select(r => r.GetString()));
    }

    [Fact]
    public async Task Migrate_ThenImport_ThenReimport_IsIdempotent()
    {
        var migrate = await RunAsync("migrate");
        var first = await RunAsync("import-profiles");
        var again = await RunAsync("import-profiles");

        Assert.Equal(ExitCodes.Ok, migrate.Exit);
        Assert.Contains(Infrastructure.Data.PortalMigrations.SqliteBaseline, migrate.Out, StringComparison.Ordinal);
        Assert.Equal(5, first.Out.Split('\n').Count(l => l.StartsWith("added", StringComparison.Ordinal)));
        Assert.Equal(5, again.Out.Split('\n').Count(l => l.StartsWith("unchanged", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task ImportProfiles_FromABrokenDirectory_ExitsWith4NamingTheFileAndField()
    {
        using var seeds = TempDirectory.WithSeedsCopy();
        JsonEdit.Apply(seeds.File("netone/netone.json"), p => JsonEdit.RequestType(p, "correction")["fee"] = "request-fee");

        var (exit, _, error) = await RunAsync("import-profiles", seeds.Path);

        Assert.Equal(ExitCodes.InvalidProfiles, exit);
        Assert.Contains("netone/netone.json: requestTypes[2].fee:", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Help_ExitsWith0()
    {
        var (exit, output, _) = await RunAsync("help");

        Assert.Equal(ExitCodes.Ok, exit);
        Assert.Contains("Exit codes", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Holidays_PrintsSortedCsvLines()
    {
        var (exit, output, _) = await RunAsync("holidays", "--from", "2026-09-01", "--to", "2026-11-30");

        Assert.Equal(ExitCodes.Ok, exit);
        Assert.Equal(
            [
                "2026-09-21,敬老の日,Respect for the Aged Day",
                "2026-09-22,国民の休日,Citizens' holiday",
                "2026-09-23,秋分の日,Autumnal Equinox Day",
                "2026-10-12,スポーツの日,Sports Day",
                "2026-11-03,文化の日,Culture Day",
                "2026-11-23,勤労感謝の日,Labour Thanksgiving Day",
            ],
            output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
    }

    [Theory]
    [InlineData("--from", "2026-11-31", "--to", "2026-12-31")]
    [InlineData("--from", "2026-12-31", "--to", "2026-01-01")]
    [InlineData("--from", "1900-01-01", "--to", "1900-12-31")]
    public async Task Holidays_WithBadDates_ExitsWith2(params string[] args)
    {
        var (exit, _, error) = await RunAsync(["holidays", .. args]);

        Assert.Equal(ExitCodes.Usage, exit);
        Assert.StartsWith("portal: ", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2026-12-25", "2", "2027-01-04")]
    [InlineData("2026-04-30", "2", "2026-05-07")]
    [InlineData("2026-11-21", "0", "2026-11-24")]
    [InlineData("2027-01-04", "-1", "2026-12-28")]
    public async Task BusinessDays_FollowThePolicysCalendar(string from, string add, string expected)
    {
        var (exit, output, _) = await RunAsync("business-days", "--controller", "ntt-smartconnect", "--from", from, "--add", add);

        Assert.Equal(ExitCodes.Ok, exit);
        Assert.Equal(expected, output.Trim());
    }

    [Fact]
    public async Task Deadline_Json_GivesTheAppiDatesAndTheirExplanation()
    {
        var (exit, output, _) = await RunAsync(
            "deadline", "--controller", "ntt-smartconnect", "--type", "disclosure", "--received", "2026-11-24", "--pause", "2026-11-26..2026-11-29", "--json");

        Assert.Equal(ExitCodes.Ok, exit);
        using var json = JsonDocument.Parse(output);
        var root = json.RootElement;
        Assert.Equal("appi", root.GetProperty("regime").GetString());
        Assert.Equal("2026-12-11", root.GetProperty("dueOn").GetString());
        Assert.Equal("2026-12-11", root.GetProperty("sendBy").GetString());
        Assert.Equal("2026-12-09", root.GetProperty("earliestSuitOn").GetString());
        Assert.Equal("Received 2026-11-24; internal target 14 days; paused 3 days awaiting identity documents; target date 2026-12-11; send by 2026-12-11", root.GetProperty("explanation").GetProperty("en").GetString());
        Assert.Equal(3, root.GetProperty("pauses")[0].GetProperty("days").GetInt32());
        Assert.False(root.TryGetProperty("extensionNoticeBy", out _));
    }

    [Fact]
    public async Task Deadline_ForAGdprRight_UsesOneMonth_AndTheExtension()
    {
        var (exit, output, _) = await RunAsync("deadline", "--controller", "nec-website", "--type", "access", "--received", "2025-01-31", "--extended", "--json");

        Assert.Equal(ExitCodes.Ok, exit);
        using var json = JsonDocument.Parse(output);
        Assert.Equal("gdpr", json.RootElement.GetProperty("regime").GetString());
        // LEGAL.md: two further months from the first month's end (2025-02-28), not three months from receipt.
        Assert.Equal("2025-04-28", json.RootElement.GetProperty("dueOn").GetString());
        Assert.Equal("2025-02-28", json.RootElement.GetProperty("extensionNoticeBy").GetString());
    }

    [Fact]
    public async Task Deadline_UnderARegimeThePolicyDoesNotEnable_SaysSo()
    {
        var (exit, output, _) = await RunAsync("deadline", "--controller", "netone", "--type", "disclosure", "--received", "2026-11-24", "--regime", "ccpa", "--json");

        Assert.Equal(ExitCodes.Ok, exit);
        using var json = JsonDocument.Parse(output);
        Assert.False(json.RootElement.GetProperty("regimeEnabled").GetBoolean());
        Assert.Equal("2027-01-07", json.RootElement.GetProperty("dueOn").GetString());
        Assert.Equal("2026-12-07", json.RootElement.GetProperty("acknowledgeBy").GetString());
    }

    [Theory]
    [InlineData("--pause", "2026-11-26")]
    [InlineData("--pause", "2026-11-26..2026-11-20")]
    [InlineData("--pause", "2026-11-20..2026-11-22")]
    [InlineData("--pause", "2026-11-26..2026-11-29:holiday")]
    [InlineData("--regime", "pipeda")]
    public async Task Deadline_WithABadPauseOrRegime_ExitsWith2(string option, string value)
    {
        var (exit, _, error) = await RunAsync("deadline", "--controller", "netone", "--type", "disclosure", "--received", "2026-11-24", option, value);

        Assert.Equal(ExitCodes.Usage, exit);
        Assert.StartsWith("portal: ", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Retention_ForNttResonant_CountsFromTheNextFiscalYear()
    {
        var (exit, output, _) = await RunAsync("retention", "--controller", "ntt-resonant", "--completed", "2024-06-10");

        Assert.Equal(ExitCodes.Ok, exit);
        var lines = output.Split('\n', StringSplitOptions.TrimEntries);
        Assert.Equal("keep-until 2026-03-31", lines[0]);
        Assert.Equal("dispose-from 2026-04-01", lines[1]);
    }

    [Fact]
    public async Task Retention_WherethePolicyIsSilent_SaysNotPublished()
    {
        var (exit, output, _) = await RunAsync("retention", "--controller", "netone", "--completed", "2024-06-10", "--json");

        Assert.Equal(ExitCodes.Ok, exit);
        using var json = JsonDocument.Parse(output);
        Assert.False(json.RootElement.GetProperty("published").GetBoolean());
        Assert.False(json.RootElement.TryGetProperty("keepUntil", out _));
    }

    [Fact]
    public async Task SendTestEmail_WritesToThePickupDirectory_OnTheEmbeddedDefault()
    {
        var (exit, output, _) = await RunAsync("send-test-email", "--to", "ops@example.jp");

        Assert.Equal(ExitCodes.Ok, exit);
        Assert.Contains("written to", output, StringComparison.Ordinal);
        var file = Assert.Single(Directory.GetFiles(Path.Combine(_data.Path, "mail"), "*.eml"));
        Assert.Contains("To: ops@example.jp", Infrastructure.Notices.MailText.Readable(await File.ReadAllTextAsync(file)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendTestEmail_ToABadAddress_ExitsWith2() =>
        Assert.Equal(ExitCodes.Usage, (await RunAsync("send-test-email", "--to", "not an address")).Exit);

    [Fact]
    public async Task SendTestEmail_ToAServerThatIsDown_ExitsWith1()
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var settings = new Dictionary<string, string?>
        {
            ["Portal:DataDirectory"] = _data.Path,
            ["Smtp:Host"] = "127.0.0.1",
            ["Smtp:Port"] = Support.SmtpServer.FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Smtp:UseStartTls"] = "false",
        };

        var exit = await PortalCli.RunAsync(["send-test-email", "--to", "ops@example.jp"], stdout, stderr, settings);

        Assert.Equal(ExitCodes.Failure, exit);
        Assert.StartsWith("portal: sending failed", stderr.ToString(), StringComparison.Ordinal);
    }
}
