using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PrivacyPortal.Domain.Audit;
using PrivacyPortal.Domain.Requests;
using PrivacyPortal.Infrastructure.Audit;
using PrivacyPortal.Infrastructure.Data;
using PrivacyPortal.Infrastructure.Jobs;
using PrivacyPortal.Infrastructure.Notices;
using PrivacyPortal.Infrastructure.Staff;
using PrivacyPortal.Infrastructure.Storage;
using PrivacyPortal.Web.Tests.Support;

namespace PrivacyPortal.Web.Tests.Audit;

/// <summary>
/// A request filed with distinctive values goes through the whole case (documents asked for and sent, a note,
/// identity, a decision letter, every notice sent) to the end of its retention; after the purge no table of the
/// database and no stored file holds any of those values, and the audit chain still verifies.
/// </summary>
public sealed class ErasureTests
{
    private static readonly string[] Distinctive =
    [
        "Quoxil Vantrebb", "クオキシル", "Quoxilstrasse 77", "quoxil.vantrebb@example.jp", "09-8765-4321", "QX-778899", "QuoxilDetail", "Quoxil reason", "Quoxil note",
    ];

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task APurgedRequest_LeavesNoPersonalDataInAnyTableOrFile_AndTheChainVerifies(string provider)
    {
        using var smtp = new SmtpServer();
        await using var factory = new PortalFactory { Provider = provider, Settings = new(smtp.Settings) };
        var overrides = new Dictionary<string, string>
        {
            ["Input.FullName"] = "Quoxil Vantrebb",
            ["Input.Kana"] = "クオキシル",
            ["Input.Address"] = "Quoxilstrasse 77",
            ["Input.Email"] = "quoxil.vantrebb@example.jp",
            ["Input.Phone"] = "09-8765-4321",
            ["Input.CustomerNumber"] = "QX-778899",
        };
        foreach (var field in RequestFields.For("disclosure").Where(f => f.Kind != FieldKind.Choice))
        {
            overrides[$"Input.Details[disclosure.{field.Id}]"] = $"QuoxilDetail {field.Id}";
        }

        using var filed = await ReceivedCase.FileAsync(factory, "ntt-resonant", ["disclosure"], overrides: overrides);
        using var officer = await StaffClient.SignInAsync(factory, "officer@example.jp", StaffRoles.PrivacyOfficer, "ntt-resonant");
        await ExpectAsync(await officer.ActAsync(filed.Id, "MoreNeeded", filed.Load().Version, new() { ["reason"] = "Quoxil reason: the copy is cut off" }));
        Assert.Equal(HttpStatusCode.Redirect, await filed.UploadPdfAsync());
        await ExpectAsync(await officer.ActAsync(filed.Id, "Note", filed.Load().Version, new() { ["note"] = "Quoxil note: called back" }));
        await ExpectAsync(await officer.ActAsync(filed.Id, "Verify", filed.Load().Version, IdentityForm.TickedFor("ntt-resonant")));
        await ExpectAsync(await officer.ActAsync(filed.Id, "Decide", filed.Load().Version, new() { ["outcome"] = "Fulfilled" }));
        var letter = await officer.PrintPreviewAndSendAsync(factory, filed.Id);
        Assert.Contains("Quoxil", Pdf.Text(letter), StringComparison.Ordinal);
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            while (await scope.ServiceProvider.GetRequiredService<NoticeDispatcher>().RunOnceAsync(CancellationToken.None) > 0)
            {
            }
        }

        var storedFiles = filed.Load().Letters.Select(l => l.StoredName).OfType<string>().Concat(filed.Load().Documents.Select(d => d.StoredName)).ToList();
        Assert.NotEmpty(storedFiles);
        Assert.NotEmpty(Find(factory));

        // NTT Resonant keeps records one year from the fiscal year of completion: disposed of from 2028-04-01.
        factory.Clock.Advance(new DateTimeOffset(2028, 4, 1, 9, 0, 0, TimeSpan.FromHours(9)) - factory.Clock.GetUtcNow());
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<RetentionPurge>().RunOnceAsync(CancellationToken.None);
        }

        Assert.Empty(Find(factory));
        if (provider == Providers.Sqlite)
        {
            // Deleted content is overwritten (secure_delete), not left in free pages of the database file.
            Assert.Empty(FindInDatabaseFile(factory));
        }

        var store = factory.Services.GetRequiredService<IBlobStore>();
        foreach (var stored in storedFiles)
        {
            Assert.Null(await store.ReadAsync(DocumentVault.BlobName(stored), CancellationToken.None));
        }

        await using var check = factory.Services.CreateAsyncScope();
        var db = check.ServiceProvider.GetRequiredService<PortalDbContext>();
        Assert.True((await AuditChainVerifier.VerifyAsync(db, AuditChain.Cases)).Intact);
        var trail = await AuditTrail.Query(db, db.Requests, new TrailFilter { RequestId = filed.Id }, TextView.Shown).ToListAsync();
        Assert.Contains(trail, e => e.Action == "identity-more-needed" && e.Text == TrailRow.ErasedText);
        Assert.Contains(trail, e => e.Action == "purged");
        var request = await db.Requests.AsNoTracking().SingleAsync(r => r.Id == filed.Id);
        Assert.Equal(RequestStatus.Answered, request.Status);
        Assert.NotNull(request.Reference);
    }

    private static async Task ExpectAsync(HttpResponseMessage response)
    {
        using (response)
        {
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        }

        await Task.CompletedTask;
    }

    private static List<string> FindInDatabaseFile(PortalFactory factory)
    {
        // Read as left by the erasure, write-ahead log included: the test does not checkpoint on the portal's behalf.
        var found = new List<string>();
        foreach (var file in Directory.EnumerateFiles(factory.DataDirectory, "portal.db*"))
        {
            using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            var text = Encoding.UTF8.GetString(copy.ToArray());
            found.AddRange(Distinctive.Where(d => text.Contains(d, StringComparison.OrdinalIgnoreCase)).Select(d => $"{Path.GetFileName(file)}: {d}"));
        }

        return found;
    }

    /// <summary>Every distinctive value found, as "table: value" or "file: value": in every table of the model, every file of the data folder but the database's own.</summary>
    private static List<string> Find(PortalFactory factory)
    {
        var found = new List<string>();
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var connection = db.Database.GetDbConnection();
        db.Database.OpenConnection();
        var tables = db.Model.GetEntityTypes().Select(t => t.GetTableName()).OfType<string>().Distinct().ToList();
        foreach (var table in tables)
        {
            using var command = connection.CreateCommand();
            command.CommandText = $"SELECT * FROM \"{table}\"";
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    var value = reader.IsDBNull(i) ? null : reader.GetValue(i) switch
                    {
                        byte[] bytes => Encoding.UTF8.GetString(bytes),
                        var other => Convert.ToString(other, System.Globalization.CultureInfo.InvariantCulture),
                    };
                    found.AddRange(Distinctive.Where(d => value?.Contains(d, StringComparison.OrdinalIgnoreCase) == true).Select(d => $"{table}.{reader.GetName(i)}: {d}"));
                }
            }
        }

        foreach (var file in Directory.EnumerateFiles(factory.DataDirectory, "*", SearchOption.AllDirectories).Where(f => !Path.GetFileName(f).StartsWith("portal.db", StringComparison.Ordinal)))
        {
            var text = Encoding.UTF8.GetString(File.ReadAllBytes(file));
            found.AddRange(Distinctive.Where(d => text.Contains(d, StringComparison.OrdinalIgnoreCase)).Select(d => $"{file}: {d}"));
        }

        return found;
    }
}
