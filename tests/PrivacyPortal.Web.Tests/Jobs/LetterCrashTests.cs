using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PrivacyPortal.Domain.Requests;
using PrivacyPortal.Infrastructure.Data;
using PrivacyPortal.Infrastructure.Jobs;
using PrivacyPortal.Infrastructure.Letters;
using PrivacyPortal.Web.Tests.Support;

namespace PrivacyPortal.Web.Tests.Jobs;

/// <summary>
/// Letters against a real Chromium that is killed (SIGKILL) in the middle of printing: the letter in flight is marked
/// failed and retried later, the next letter prints on a new browser, and a letter whose record cannot be saved leaves
/// no file behind. Printing never changes the request's version.
/// </summary>
public sealed class LetterCrashTests() : PortalTest(new PortalFactory { Settings = { ["Letters:PrintPages"] = "1" } })
{
    [Fact]
    public async Task ChromiumKilledMidPrint_FailsThatLetterForARetry_AndTheNextLetterPrints()
    {
        using var first = await ReceivedCase.FileAsync(Factory, "netone", ["correction"]);
        // Letters print oldest first: the second one is a second younger.
        Factory.Clock.Advance(TimeSpan.FromSeconds(1));
        using var second = await ReceivedCase.FileAsync(Factory, "ntt-resonant", ["disclosure"]);
        var versions = (first.Load().Version, second.Load().Version);
        var printer = Factory.Services.GetRequiredService<ChromiumPdfPrinter>();
        var kills = 0;
        printer.BeforePrint = async () =>
        {
            if (Interlocked.Increment(ref kills) == 1)
            {
                await KillBrowserAsync(printer.InstanceTag);
            }
        };

        Assert.Equal((1, 1), await PrintAsync());

        var killed = first.Load().Letters.Single();
        Assert.Equal(LetterStatus.Pending, killed.Status);
        Assert.Equal(1, killed.Attempts);
        Assert.NotNull(killed.LastError);
        Assert.Equal(Factory.Clock.GetUtcNow().UtcDateTime.AddMinutes(1), killed.NextAttemptAtUtc);
        Assert.Contains(first.Load().AuditEvents, e => e.Action == "letter-failed");
        var printed = second.Load().Letters.Single();
        Assert.Equal(LetterStatus.Ready, printed.Status);
        Assert.StartsWith("%PDF", System.Text.Encoding.ASCII.GetString(await ReadAsync(printed))[..4], StringComparison.Ordinal);

        // Not due again yet; then retried, on the new browser, and printed.
        Assert.Equal((0, 0), await PrintAsync());
        Factory.Clock.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal((1, 0), await PrintAsync());
        Assert.Equal(LetterStatus.Ready, first.Load().Letters.Single().Status);
        Assert.Equal(3, kills);

        Assert.Equal(versions, (first.Load().Version, second.Load().Version));
        Assert.Equal(2, StoredFiles().Count);
    }

    [Fact]
    public async Task ALetterWhoseRecordCannotBeSaved_LeavesNoFile_AndTheNextLetterPrints()
    {
        using var blocked = await ReceivedCase.FileAsync(Factory, "netone", ["correction"]);
        using var fine = await ReceivedCase.FileAsync(Factory, "ntt-resonant", ["disclosure"]);
        var letterId = blocked.Load().Letters.Single().Id;
        // The database refuses any change to this letter's printing state, as a full disk or a lost connection would
        // (its claim by the worker still goes through: the worker holds it while printing).
        Execute($"CREATE TRIGGER refuse_letter BEFORE UPDATE OF Status, StoredName, Sha256, Attempts, LastError, NextAttemptAtUtc ON RequestLetters WHEN OLD.Id = '{letterId.ToString().ToUpperInvariant()}' BEGIN SELECT RAISE(ABORT, 'disk I/O error'); END;");

        var (printed, failed) = await PrintAsync();

        Assert.Equal((1, 1), (printed, failed));
        Assert.Equal(LetterStatus.Pending, blocked.Load().Letters.Single().Status);
        Assert.Null(blocked.Load().Letters.Single().StoredName);
        Assert.Equal(LetterStatus.Ready, fine.Load().Letters.Single().Status);
        var file = Assert.Single(StoredFiles());
        Assert.EndsWith(fine.Load().Letters.Single().StoredName!.Split('/')[^1], file, StringComparison.Ordinal);
        var status = Factory.Services.GetRequiredService<PortalJobStatus>().Jobs.Single(j => j.Name == "letters");
        Assert.Equal(2, status.ItemFailures);
        Assert.Contains("disk I/O error", status.LastError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnOfficerSavingTheCaseWhileItsLetterPrints_IsNotToldSomeoneElseChangedIt()
    {
        using var filed = await ReceivedCase.FileAsync(Factory, "netone", ["correction"]);
        using var officer = await StaffClient.SignInAsync(Factory, "officer@example.jp", Infrastructure.Staff.StaffRoles.PrivacyOfficer, "netone");
        var seen = filed.Load().Version;

        Assert.Equal((1, 0), await PrintAsync());
        Assert.Contains(filed.Load().AuditEvents, e => e.Action == "letter-printed");

        using var saved = await officer.ActAsync(filed.Id, "Note", seen, new() { ["note"] = "Phoned the requester." });
        Assert.Equal(System.Net.HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Contains(filed.Load().Notes, n => n.Text == "Phoned the requester.");
    }

    private async Task<(int Printed, int Failed)> PrintAsync()
    {
        using var scope = Factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<LetterPrinting>().RunOnceAsync(CancellationToken.None);
    }

    private async Task<byte[]> ReadAsync(RequestLetter letter) =>
        await Factory.Services.GetRequiredService<Infrastructure.Storage.DocumentVault>().ReadAsync(letter.Id, letter.StoredName!, CancellationToken.None);

    private List<string> StoredFiles()
    {
        var documents = Path.Combine(Factory.DataDirectory, "documents");
        return Directory.Exists(documents) ? [.. Directory.GetFiles(documents, "*.bin", SearchOption.AllDirectories)] : [];
    }

    private void Execute(string sql)
    {
        using var scope = Factory.Services.CreateScope();
        scope.ServiceProvider.GetRequiredService<PortalDbContext>().Database.ExecuteSqlRaw(sql);
    }

    /// <summary>SIGKILL to this printer's browser, found by the switch it was started with.</summary>
    private static async Task KillBrowserAsync(string tag)
    {
        var (exit, _) = await ChildProcess.RunAsync(new ProcessStartInfo("pkill", ["-KILL", "-f", $"portal-printer={tag}"]));
        Assert.Equal(0, exit);
    }
}
