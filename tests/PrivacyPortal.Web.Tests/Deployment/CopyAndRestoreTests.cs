using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using PrivacyPortal.Cli;
using PrivacyPortal.Domain.Requests;
using PrivacyPortal.Infrastructure.Data;
using PrivacyPortal.Infrastructure.Security;
using PrivacyPortal.Infrastructure.Staff;
using PrivacyPortal.Infrastructure.Storage;
using PrivacyPortal.Web.Tests.Support;

namespace PrivacyPortal.Web.Tests.Deployment;

/// <summary>
/// Moving house and backups. An embedded SQLite portal with requests in many statuses, an identity document, a
/// printed letter, staff and the audit trail is copied to PostgreSQL by `portal copy-database`: every table has the
/// same rows (count and SHA-256 of their values), and the PostgreSQL portal opens the document and the notice links
/// with the copied key ring and files. Its pg_dump restored into an empty database opens the document again; so
/// does a SQLite backup made with VACUUM INTO and restored with its files into a new folder.
/// </summary>
public sealed class CopyAndRestoreTests : IAsyncLifetime, IDisposable
{
    private static readonly byte[] Scan = ReceivedCase.Pdf;
    private readonly PortalFactory _embedded = new();
    private readonly List<IDisposable> _cleanup = [];

    public Task InitializeAsync() => Task.CompletedTask;

    public void Dispose() => _embedded.Dispose();

    public async Task DisposeAsync()
    {
        await _embedded.DisposeAsync();
        foreach (var item in _cleanup)
        {
            item.Dispose();
        }
    }

    [Fact]
    public async Task CopyDatabase_MovesEveryRowFileAndKey_ToPostgres_AndAPgDumpRestoresIt()
    {
        var (documentCase, document) = await FillAsync();
        var target = Track(TestPostgres.Create("copy"));

        var (exit, output, error) = await CliAsync(["copy-database", "--to-provider", "Postgres", "--to", target.ConnectionString]);
        Assert.True(exit == 0, output + error);
        Assert.Contains("Requests: ", error, StringComparison.Ordinal);

        await using (var scope = _embedded.Services.CreateAsyncScope())
        await using (var copy = PortalDatabase.Open(Infrastructure.Data.PortalProvider.Postgres, target.ConnectionString))
        {
            var source = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            var statuses = await source.Requests.Select(r => r.Status).Distinct().ToListAsync();
            Assert.Superset(new HashSet<RequestStatus> { RequestStatus.Draft, RequestStatus.Received, RequestStatus.InReview, RequestStatus.AwaitingFee, RequestStatus.Withdrawn }, statuses.ToHashSet());
            foreach (var table in DatabaseCopier.Tables(source.Model).Where(t => t.GetTableName() is not ("Blobs" or "DataProtectionKeys")))
            {
                var (sourceCount, sourceHash) = await DigestAsync(source, table.ClrType);
                var (copyCount, copyHash) = await DigestAsync(copy, table.ClrType);
                Assert.True(sourceCount == copyCount, $"{table.GetTableName()}: {sourceCount} rows, {copyCount} copied");
                Assert.True(sourceHash == copyHash, $"{table.GetTableName()}: the copied rows differ");
            }

            Assert.Equal(5, await source.Requests.CountAsync());
            Assert.True(await copy.Blobs.CountAsync(b => b.Name.StartsWith("documents/")) >= 2, "the scan and the letter");
            Assert.True(await copy.DataProtectionKeys.AnyAsync());
        }

        await AssertOpensAsync(Postgres(target.ConnectionString), documentCase, document);

        // Backup and restore: pg_dump of the copy, pg_restore into an empty database.
        var dump = Path.Combine(_embedded.DataDirectory, "portal.dump");
        await PgAsync("pg_dump", target.ConnectionString, ["--format=custom", "--file", dump]);
        var restored = Track(TestPostgres.Create("restored"));
        await PgAsync("pg_restore", restored.ConnectionString, ["--no-owner", dump]);
        await AssertOpensAsync(Postgres(restored.ConnectionString), documentCase, document);
    }

    [Fact]
    public async Task ASqliteBackupWithItsFiles_RestoresIntoANewFolder_AndOpensTheDocument()
    {
        var (documentCase, document) = await FillAsync();
        var backup = Track(new TempDirectory());
        await using (var connection = new SqliteConnection($"Data Source={Path.Combine(_embedded.DataDirectory, "portal.db")};Pooling=False"))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "VACUUM INTO $path";
            command.Parameters.AddWithValue("$path", backup.File("portal.db"));
            await command.ExecuteNonQueryAsync();
        }

        // The document store and the key ring go with it (docs/deploy.md: the folders to back up).
        foreach (var folder in new[] { "documents", "keys" })
        {
            CopyFolder(Path.Combine(_embedded.DataDirectory, folder), Path.Combine(backup.Path, folder));
        }

        await AssertOpensAsync(new Dictionary<string, string?> { ["Portal:DataDirectory"] = backup.Path }, documentCase, document);
    }

    /// <summary>A portal on the restored data reads the document and the case's links as the original did.</summary>
    private async Task AssertOpensAsync(Dictionary<string, string?> settings, Guid requestId, RequestDocument document)
    {
        settings["Portal:ProfilesDirectory"] = RepoPaths.Seeds;
        settings.TryAdd("Portal:DataDirectory", Track(new TempDirectory()).Path);
        // The restored key ring is encrypted: it opens with the certificate that encrypted it, as a real restore needs.
        settings["DataProtection:CertificatePath"] = TestCertificate.Shared;
        settings["DataProtection:CertificatePassword"] = TestCertificate.Password;
        await using var provider = PortalServices.Build(settings);
        await using var scope = provider.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var stored = await db.Requests.Include(r => r.Documents).Include(r => r.Notices).AsNoTracking().SingleAsync(r => r.Id == requestId);
        var vault = scope.ServiceProvider.GetRequiredService<DocumentVault>();
        Assert.Equal(Scan, await vault.ReadAsync(document.Id, stored.Documents.Single().StoredName, CancellationToken.None));
        var links = scope.ServiceProvider.GetRequiredService<NoticeLinks>();
        Assert.All(stored.Notices.Where(n => n.ProtectedLink is not null), n => Assert.StartsWith("http://localhost/", links.Unprotect(n.ProtectedLink!), StringComparison.Ordinal));
    }

    /// <summary>Requests in many statuses, an uploaded document, a printed letter, an officer and their trail.</summary>
    private async Task<(Guid RequestId, RequestDocument Document)> FillAsync()
    {
        using (var draft = new IntakeClient(_embedded))
        {
            await draft.FileAsync("nec-website", ["disclosure"]);
        }

        using var received = await ReceivedCase.FileAsync(_embedded, "ntt-smartconnect", ["disclosure"]);
        Assert.Equal(HttpStatusCode.Redirect, await received.UploadPdfAsync());
        using var inReview = await ReceivedCase.FileAsync(_embedded, "netone", ["correction"]);
        using var awaitingFee = await ReceivedCase.FileAsync(_embedded, "ntt-smartconnect", ["disclosure"]);
        using var withdrawn = await ReceivedCase.FileAsync(_embedded, "ntt-resonant", ["disclosure"]);
        using var officer = await StaffClient.SignInAsync(_embedded, "officer@example.jp", StaffRoles.PrivacyOfficer, "netone", "ntt-smartconnect", "ntt-resonant");
        await SavedAsync(officer.ActAsync(inReview.Id, "Verify", inReview.Load().Version, IdentityForm.TickedFor("netone")));
        await SavedAsync(officer.ActAsync(awaitingFee.Id, "Verify", awaitingFee.Load().Version, IdentityForm.TickedFor("ntt-smartconnect")));
        await SavedAsync(officer.ActAsync(awaitingFee.Id, "RequestFee", awaitingFee.Load().Version, new() { ["payBy"] = "2026-12-08" }));
        await SavedAsync(officer.ActAsync(withdrawn.Id, "Withdraw", withdrawn.Load().Version, new() { ["reason"] = "The requester phoned." }));
        await SavedAsync(officer.ActAsync(inReview.Id, "Note", inReview.Load().Version, new() { ["note"] = "Checked the customer file." }));
        await using (var scope = _embedded.Services.CreateAsyncScope())
        {
            var (printed, _) = await scope.ServiceProvider.GetRequiredService<Infrastructure.Jobs.LetterPrinting>().RunOnceAsync(CancellationToken.None);
            Assert.True(printed >= 1, "a letter printed");
        }

        var document = received.Load().Documents.Single();
        return (received.Id, document);
    }

    private static async Task SavedAsync(Task<HttpResponseMessage> action)
    {
        using var response = await action;
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{response.StatusCode}: {Html.Text(await response.Content.ReadAsStringAsync())}");
    }

    /// <summary>Row count and a SHA-256 over every value of every row (owned parts included), in key order.</summary>
    private static async Task<(int Count, string Hash)> DigestAsync(PortalDbContext db, Type clrType)
    {
        db.ChangeTracker.Clear();
        var rows = await (Task<List<object>>)typeof(CopyAndRestoreTests).GetMethod(nameof(LoadAsync), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!
            .MakeGenericMethod(clrType).Invoke(null, [db])!;
        var lines = rows.Select(row => Line(db.Entry(row))).Order(StringComparer.Ordinal).ToList();
        return (lines.Count, Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', lines)))));
    }

    private static async Task<List<object>> LoadAsync<T>(PortalDbContext db)
        where T : class => (await db.Set<T>().ToListAsync()).Cast<object>().ToList();

    private static string Line(EntityEntry entry) =>
        string.Join('|', entry.Properties.OrderBy(p => p.Metadata.Name, StringComparer.Ordinal).Select(p => $"{p.Metadata.Name}={Text(p.CurrentValue)}"))
        + string.Concat(entry.References.Where(r => r.Metadata.TargetEntityType.IsOwned() && r.TargetEntry is not null).OrderBy(r => r.Metadata.Name, StringComparer.Ordinal).Select(r => $"|{r.Metadata.Name}:[{Line(r.TargetEntry!)}]"));

    private static string Text(object? value) => value switch
    {
        null => "null",
        DateTime time => DateTime.SpecifyKind(time, DateTimeKind.Utc).ToString("O", CultureInfo.InvariantCulture),
        DateTimeOffset offset => offset.UtcDateTime.ToString("O", CultureInfo.InvariantCulture),
        byte[] bytes => Convert.ToBase64String(bytes),
        System.Collections.IEnumerable list and not string => string.Join(",", list.Cast<object>().Select(Text)),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };

    private static Dictionary<string, string?> Postgres(string connectionString) => new()
    {
        ["Database:Provider"] = "Postgres",
        ["Database:ConnectionString"] = connectionString,
    };

    private async Task<(int Exit, string Output, string Error)> CliAsync(string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exit = await PortalCli.RunAsync(args, stdout, stderr, new Dictionary<string, string?> { ["Portal:DataDirectory"] = _embedded.DataDirectory, ["Portal:ProfilesDirectory"] = RepoPaths.Seeds, ["DataProtection:CertificatePath"] = TestCertificate.Shared, ["DataProtection:CertificatePassword"] = TestCertificate.Password });
        return (exit, stdout.ToString(), stderr.ToString());
    }

    private static async Task PgAsync(string tool, string connectionString, string[] arguments)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        var start = new ProcessStartInfo(Path.Combine(TestPostgres.BinDirectory, tool), ["--host", builder.Host!, "--port", builder.Port.ToString(CultureInfo.InvariantCulture), "--username", builder.Username!, "--dbname", builder.Database!, .. arguments]);
        start.Environment["PGPASSWORD"] = builder.Password;
        var (exit, output) = await ChildProcess.RunAsync(start);
        Assert.True(exit == 0, $"{tool}: {output}");
    }

    private static void CopyFolder(string from, string to)
    {
        foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
        {
            var destination = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            File.Copy(file, destination);
        }
    }

    private T Track<T>(T disposable)
        where T : IDisposable
    {
        _cleanup.Add(disposable);
        return disposable;
    }
}
