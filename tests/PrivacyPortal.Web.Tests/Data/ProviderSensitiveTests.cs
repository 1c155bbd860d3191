using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PrivacyPortal.Domain.Notices;
using PrivacyPortal.Domain.Requests;
using PrivacyPortal.Infrastructure.Jobs;
using PrivacyPortal.Infrastructure.Staff;
using PrivacyPortal.Infrastructure.Storage;
using PrivacyPortal.Web.Tests.Support;

namespace PrivacyPortal.Web.Tests.Data;

/// <summary>
/// What depends on the database's own behaviour, on SQLite and on PostgreSQL: optimistic concurrency between two
/// officers, reference numbers under concurrent confirmations, and letters kept in each blob store.
/// </summary>
public sealed partial class ProviderSensitiveTests
{
    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task TwoOfficers_EditingTheSameCase_CannotOverwriteEachOther(string provider)
    {
        await using var factory = new PortalFactory { Provider = provider };
        using var filed = await ReceivedCase.FileAsync(factory);
        using var first = await StaffClient.SignInAsync(factory, "first@example.jp", StaffRoles.PrivacyOfficer, "ntt-smartconnect");
        using var second = await StaffClient.SignInAsync(factory, "second@example.jp", StaffRoles.PrivacyOfficer, "ntt-smartconnect");
        var seen = filed.Load().Version;

        using (var verified = await first.ActAsync(filed.Id, "Verify", seen, IdentityForm.TickedFor("ntt-smartconnect")))
        {
            Assert.Equal(HttpStatusCode.Redirect, verified.StatusCode);
        }

        using var late = await second.ActAsync(filed.Id, "MoreNeeded", seen, new() { ["reason"] = "Need a clearer copy" });

        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
        Assert.Contains("This case was changed by someone else after you opened it. Nothing was saved.", Html.Text(await late.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        var request = filed.Load();
        Assert.Equal(RequestStatus.InReview, request.Status);
        Assert.DoesNotContain(request.AuditEvents, e => e.Action == "identity-more-needed");
        Assert.Empty(filed.Person.Query(db => db.Notices.Where(n => n.Kind == NoticeKind.DocumentsNeeded).ToList()));
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task ConfirmationsAtTheSameMoment_GetUniqueReferences_WithoutGaps(string provider)
    {
        const int People = 16;
        await using var factory = new PortalFactory { Provider = provider };
        var drafts = new List<(IntakeClient Person, string Path, Dictionary<string, string> Form)>();
        for (var i = 0; i < People; i++)
        {
            var person = new IntakeClient(factory);
            await person.FileAsync("netone", ["correction"], new() { ["Input.Email"] = $"person{i}@example.jp" });
            var link = person.Query(db => db.Notices.AsNoTracking().Where(n => n.Kind == NoticeKind.EmailConfirmation && n.Recipient == $"person{i}@example.jp").Single().ProtectedLink!);
            var path = IntakeClient.PathOf(factory.Services.GetRequiredService<Infrastructure.Security.NoticeLinks>().Unprotect(link));
            var (html, _) = await person.GetAsync(path);
            drafts.Add((person, path, IntakeClient.HiddenFields(html)));
        }

        // Everyone presses "confirm" at once.
        var answers = await Task.WhenAll(drafts.Select(d => Task.Run(async () =>
        {
            using var response = await d.Person.PostAsync(d.Path, d.Form);
            return response.StatusCode;
        })));

        Assert.All(answers, status => Assert.Equal(HttpStatusCode.Redirect, status));
        var references = drafts[0].Person.Query(db => db.Requests.Select(r => r.Reference).ToList());
        var numbers = references.Select(r => int.Parse(ReferenceNumber().Match(r!).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).Order().ToList();
        Assert.Equal(Enumerable.Range(1, People), numbers);
        foreach (var draft in drafts)
        {
            draft.Person.Dispose();
        }
    }

    [Theory]
    [InlineData(Providers.Sqlite, "File")]
    [InlineData(Providers.Sqlite, "Database")]
    [InlineData(Providers.Postgres, "Database")]
    public async Task ALetter_IsPrintedIntoTheBlobStore_AndReadBack(string provider, string store)
    {
        await using var factory = new PortalFactory { Provider = provider, BlobStore = store };
        using var filed = await ReceivedCase.FileAsync(factory, "netone", ["correction"]);
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            Assert.Equal((1, 0), await scope.ServiceProvider.GetRequiredService<LetterPrinting>().RunOnceAsync(CancellationToken.None));
        }

        var letter = filed.Load().Letters.Single();
        Assert.Equal(LetterStatus.Ready, letter.Status);
        var vault = factory.Services.GetRequiredService<DocumentVault>();
        Assert.StartsWith("%PDF", System.Text.Encoding.ASCII.GetString((await vault.ReadAsync(letter.Id, letter.StoredName!, CancellationToken.None))[..4]), StringComparison.Ordinal);
        var stored = await vault.ReadStoredAsync(letter.StoredName!, CancellationToken.None);
        Assert.False(stored.AsSpan().IndexOf("%PDF"u8) >= 0, "stored encrypted");
        var onDisk = File.Exists(Path.Combine(factory.DataDirectory, DocumentVault.BlobName(letter.StoredName!)));
        var inTable = filed.Person.Query(db => db.Blobs.Any(b => b.Name == DocumentVault.BlobName(letter.StoredName!)));
        Assert.Equal((store == "File", store == "Database"), (onDisk, inTable));
    }

    [GeneratedRegex(@"-(\d+)$")]
    private static partial Regex ReferenceNumber();
}
