using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PrivacyPortal.Cli;
using PrivacyPortal.Infrastructure.Audit;
using PrivacyPortal.Infrastructure.Data;
using PrivacyPortal.Infrastructure.Staff;
using PrivacyPortal.Web.Tests.Support;

namespace PrivacyPortal.Web.Tests.Audit;

/// <summary>
/// The auditor area through real HTTP: who may open it, the request log and its exports (exactly the rows of the
/// page, CSV for Excel and JSON Lines, recorded with filter and row count), masking and audited unmasking, auditors
/// limited to a controller, metrics with their tables and CSV, and the published transparency report.
/// </summary>
public sealed class AuditAreaTests
{
    [Theory]
    [InlineData("/staff/audit")]
    [InlineData("/staff/audit/trail")]
    [InlineData("/staff/audit/admin-trail")]
    [InlineData("/staff/audit/verify")]
    [InlineData("/staff/audit/export?kind=requests&format=csv")]
    public async Task OnlyAuditors_OpenTheAuditArea(string url)
    {
        await using var factory = new PortalFactory();
        using var anonymous = StaffClient.Anonymous(factory);
        using var officer = await StaffClient.SignInAsync(factory, "officer@example.jp", StaffRoles.PrivacyOfficer, "ntt-smartconnect");
        using var admin = await StaffClient.SignInAsync(factory, "admin@example.jp", StaffRoles.Administrator);
        using var auditor = await StaffClient.SignInAsync(factory, "auditor@example.jp", StaffRoles.Auditor);

        using (var response = await anonymous.GetResponseAsync(url))
        {
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        }

        foreach (var refused in new[] { officer, admin })
        {
            using var response = await refused.GetResponseAsync(url);
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        }

        using var allowed = await auditor.GetResponseAsync(url);
        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task TheExport_HoldsExactlyTheRowsOfThePage_AsExcelReadyCsvAndJsonLines_AndIsRecorded(string provider)
    {
        await using var factory = new PortalFactory { Provider = provider };
        var ours = new List<ReceivedCase>();
        for (var i = 0; i < 3; i++)
        {
            ours.Add(await ReceivedCase.FileAsync(factory, "ntt-smartconnect"));
        }

        using var other = await ReceivedCase.FileAsync(factory, "netone", ["correction"]);
        using var auditor = await StaffClient.SignInAsync(factory, "auditor@example.jp", StaffRoles.Auditor);
        const string Query = "from=2026-11-01&to=2026-11-30&controller=ntt-smartconnect";

        var (page, _) = await auditor.GetAsync("/staff/audit?" + Query);
        var shown = System.Text.RegularExpressions.Regex.Matches(page, "data-reference=\"([^\"]+)\"").Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(3, shown.Count);
        Assert.All(shown, r => Assert.StartsWith("NTTSMC-", r, StringComparison.Ordinal));

        using var csv = await auditor.GetResponseAsync("/staff/audit/export?kind=requests&format=csv&" + Query);
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        Assert.Contains("requests_2026-11-01_2026-11-30_ntt-smartconnect.csv", csv.Content.Headers.ContentDisposition?.ToString(), StringComparison.Ordinal);
        var bytes = await csv.Content.ReadAsByteArrayAsync();
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(string.Join(',', RequestLogRow.Columns), lines[0]);
        Assert.Equal(shown, lines.Skip(1).Select(l => l.Split(',')[0]).ToList());

        using var jsonl = await auditor.GetResponseAsync("/staff/audit/export?kind=requests&format=jsonl&" + Query);
        var records = (await jsonl.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(shown, records.Select(r => r.GetProperty("reference").GetString()!).ToList());
        Assert.All(records, r => Assert.Equal("ntt-smartconnect", r.GetProperty("controller").GetString()));
        Assert.DoesNotContain("hanako", await jsonl.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);

        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var exported = await db.AdminAuditEvents.AsNoTracking().Where(e => e.Action == "exported").OrderBy(e => e.Seq).ToListAsync();
        Assert.Equal(2, exported.Count);
        Assert.All(exported, e => Assert.Equal("auditor@example.jp", e.Actor));
        Assert.Contains("controller=ntt-smartconnect", exported[0].Detail, StringComparison.Ordinal);
        Assert.EndsWith("rows=3", exported[0].Detail, StringComparison.Ordinal);
        Assert.True((await AuditChainVerifier.VerifyAsync(db, Domain.Audit.AuditChain.Administration)).Intact);
        foreach (var c in ours)
        {
            c.Dispose();
        }
    }

    [Fact]
    public async Task CsvCells_ThatASpreadsheetWouldRunAsFormulas_AreDefused_AndQuotedPerRfc4180()
    {
        using var output = new MemoryStream();
        string?[][] rows = [["=1+1", "+cmd", "-2", "@SUM(A1)", "\tlead", "\rlead"], ["a,b", "say \"hi\"", "line\nbreak", "plain", "日本語", null]];
        var count = await ExportWriter.WriteAsync(output, ExportFormat.Csv, ["a", "b", "c", "d", "e", "f"], rows.ToAsyncEnumerable(), r => r);

        Assert.Equal(2, count);
        var text = Encoding.UTF8.GetString(output.ToArray().AsSpan(3));
        var expected = "a,b,c,d,e,f\r\n"
            + "\"'=1+1\",\"'+cmd\",\"'-2\",\"'@SUM(A1)\",\"'\tlead\",\"'\rlead\"\r\n"
            + "\"a,b\",\"say \"\"hi\"\"\",\"line\nbreak\",plain,日本語,\r\n";
        Assert.Equal(expected, text);
    }

    [Fact]
    public async Task TheTrails_ReadInTheAuditorsLanguage_WhileTheExportKeepsTheCodes()
    {
        await using var factory = new PortalFactory();
        using var filed = await ReceivedCase.FileAsync(factory);
        using var auditor = await StaffClient.SignInAsync(factory, "ja", "auditor@example.jp", StaffRoles.Auditor, []);

        var (trail, trailStatus) = await auditor.GetAsync($"/staff/audit/cases/{filed.Id}");
        Assert.Equal(HttpStatusCode.OK, trailStatus);
        var caseTrail = Html.Text(System.Text.RegularExpressions.Regex.Match(trail, "<table class=\"queue trail\" id=\"trail\".*?</table>", System.Text.RegularExpressions.RegexOptions.Singleline).Value);
        Assert.Contains("（下書き → 受付済み）", caseTrail, StringComparison.Ordinal);
        Assert.Contains("請求者", caseTrail, StringComparison.Ordinal);
        Assert.DoesNotContain("requester", caseTrail, StringComparison.Ordinal);
        Assert.DoesNotContain("Received", caseTrail, StringComparison.Ordinal);
        // Details are codes and values on the event, written out in the reader's words: the types filed, the reference.
        Assert.Contains("請求の種類：開示", caseTrail, StringComparison.Ordinal);
        Assert.Contains($"受付番号 {filed.Load().Reference}", caseTrail, StringComparison.Ordinal);
        Assert.DoesNotContain("{\"code\"", caseTrail, StringComparison.Ordinal);
        Assert.DoesNotContain("disclosure", caseTrail, StringComparison.Ordinal);

        var (adminTrail, adminTrailStatus) = await auditor.GetAsync("/staff/audit/admin-trail");
        Assert.Equal(HttpStatusCode.OK, adminTrailStatus);
        var rows = Html.Text(System.Text.RegularExpressions.Regex.Match(adminTrail, "<table class=\"queue trail\" id=\"admin-trail\".*?</table>", System.Text.RegularExpressions.RegexOptions.Singleline).Value);
        Assert.Contains("サインイン", rows, StringComparison.Ordinal);
        Assert.DoesNotContain("signed-in", rows, StringComparison.Ordinal);

        using var export = await auditor.GetResponseAsync("/staff/audit/export?kind=admin-audit&format=jsonl");
        Assert.Contains("\"signed-in\"", await export.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var caseExport = await auditor.GetResponseAsync("/staff/audit/export?kind=audit&format=jsonl");
        // The export keeps the stored detail: its code and values.
        var filedRow = (await caseExport.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => JsonDocument.Parse(line).RootElement).Single(row => row.GetProperty("action").GetString() == "filed");
        Assert.Equal("""{"code":"types","values":["disclosure"]}""", filedRow.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task PersonalData_IsMaskedUntilAnAuditorGivesAReason_AndTheUnmaskingIsOnTheTrail()
    {
        await using var factory = new PortalFactory();
        using var filed = await ReceivedCase.FileAsync(factory);
        using var auditor = await StaffClient.SignInAsync(factory, "auditor@example.jp", StaffRoles.Auditor);
        var url = $"/staff/audit/cases/{filed.Id}";
        var versionBefore = filed.Load().Version;

        var (masked, status) = await auditor.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("h•••@example.jp", masked, StringComparison.Ordinal);
        Assert.DoesNotContain("hanako@example.jp", masked, StringComparison.Ordinal);
        Assert.DoesNotContain("handler=Verify", masked, StringComparison.Ordinal);

        using (var bare = await auditor.PostFormAsync(url + "?handler=Unmask", new() { ["reason"] = " " }, url))
        {
            Assert.Equal(HttpStatusCode.BadRequest, bare.StatusCode);
            Assert.Contains("Give the reason for seeing the personal data.", Html.Text(await bare.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        }

        using var shown = await auditor.PostFormAsync(url + "?handler=Unmask", new() { ["reason"] = "Complaint AB-12 to the PPC" }, url);
        Assert.Equal(HttpStatusCode.OK, shown.StatusCode);
        Assert.Contains("hanako@example.jp", await shown.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var events = filed.Load().AuditEvents;
        Assert.Contains(events, e => e.Action == "viewed" && e.Actor == "auditor@example.jp");
        Assert.Contains(events, e => e.Action == "unmasked" && e.Actor == "auditor@example.jp" && e.Text!.Value == "Complaint AB-12 to the PPC");

        // The case's full record: its log row, then every event, typed text masked even after unmasking on the page.
        using var record = await auditor.GetResponseAsync($"/staff/audit/export?kind=case&format=jsonl&caseId={filed.Id}");
        Assert.Contains($"case_{filed.Load().Reference}.jsonl", record.Content.Headers.ContentDisposition?.ToString(), StringComparison.Ordinal);
        var body = await record.Content.ReadAsStringAsync();
        var lines = body.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal("request", lines[0].GetProperty("record").GetString());
        Assert.Equal(filed.Load().Reference, lines[0].GetProperty("reference").GetString());
        Assert.All(lines.Skip(1), l => Assert.Equal("event", l.GetProperty("record").GetString()));
        Assert.Equal(filed.Load().AuditEvents.Count, lines.Count - 1);
        Assert.Contains(lines, l => l.GetProperty("event_action").GetString() == "unmasked" && l.GetProperty("event_text").GetString() == TrailRow.MaskedText);
        Assert.DoesNotContain("AB-12", body, StringComparison.Ordinal);
        Assert.DoesNotContain("hanako", body, StringComparison.OrdinalIgnoreCase);

        // Reading, unmasking and exporting changed nothing on the case itself.
        Assert.Equal(versionBefore, filed.Load().Version);

        using var missing = await auditor.GetResponseAsync($"/staff/audit/cases/{Guid.NewGuid()}");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task AnAuditorLimitedToAController_SeesOnlyItsRequests_AndNotTheAdministrationTrail()
    {
        await using var factory = new PortalFactory();
        using var theirs = await ReceivedCase.FileAsync(factory, "netone", ["correction"]);
        using var notTheirs = await ReceivedCase.FileAsync(factory, "ntt-smartconnect");
        using var auditor = await StaffClient.SignInAsync(factory, "limited@example.jp", StaffRoles.Auditor, "netone");

        var (log, _) = await auditor.GetAsync("/staff/audit");
        Assert.Contains($"/staff/audit/cases/{theirs.Id}", log, StringComparison.Ordinal);
        Assert.DoesNotContain($"/staff/audit/cases/{notTheirs.Id}", log, StringComparison.Ordinal);
        using (var hidden = await auditor.GetResponseAsync($"/staff/audit/cases/{notTheirs.Id}"))
        {
            Assert.Equal(HttpStatusCode.NotFound, hidden.StatusCode);
        }

        using (var export = await auditor.GetResponseAsync("/staff/audit/export?kind=requests&format=jsonl&controller=ntt-smartconnect"))
        {
            // A controller the auditor does not audit is dropped from the filter like any unknown value: their own rows only.
            var body = await export.Content.ReadAsStringAsync();
            Assert.DoesNotContain("NTTSMC-", body, StringComparison.Ordinal);
            Assert.Contains("NETONE-", body, StringComparison.Ordinal);
        }

        using (var trail = await auditor.GetResponseAsync("/staff/audit/admin-trail"))
        {
            Assert.Equal(HttpStatusCode.Forbidden, trail.StatusCode);
        }

        using var adminExport = await auditor.GetResponseAsync("/staff/audit/export?kind=admin-audit&format=csv");
        Assert.Equal(HttpStatusCode.Forbidden, adminExport.StatusCode);
    }

    [Fact]
    public async Task Metrics_CountTheRequests_EachChartHasItsTableAndCsv_ForAuditorsAndAdministrators()
    {
        await using var factory = new PortalFactory();
        using var first = await ReceivedCase.FileAsync(factory, "ntt-smartconnect");
        using var second = await ReceivedCase.FileAsync(factory, "netone", ["correction"]);
        using var admin = await StaffClient.SignInAsync(factory, "admin@example.jp", StaffRoles.Administrator);
        using var officer = await StaffClient.SignInAsync(factory, "officer@example.jp", StaffRoles.PrivacyOfficer, "netone");

        var (page, status) = await admin.GetAsync("/staff/audit/metrics?from=2026-11-01&to=2026-11-30");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("id=\"figure-received\">2<", page, StringComparison.Ordinal);
        Assert.Contains("<svg class=\"chart\" id=\"by-type-chart\" role=\"img\"", page, StringComparison.Ordinal);
        Assert.Contains("id=\"by-type-table\"", page, StringComparison.Ordinal);
        using var csv = await admin.GetResponseAsync("/staff/audit/metrics?from=2026-11-01&to=2026-11-30&handler=Csv&chart=by-controller");
        var text = Encoding.UTF8.GetString((await csv.Content.ReadAsByteArrayAsync()).AsSpan(3));
        Assert.StartsWith("label,count\r\n", text, StringComparison.Ordinal);
        Assert.Equal(3, text.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length);
        // Over time: a month by company table, and its CSV a row per month and company.
        Assert.Contains("id=\"monthly-controller-table\"", page, StringComparison.Ordinal);
        using var monthly = await admin.GetResponseAsync("/staff/audit/metrics?from=2026-10-01&to=2026-11-30&handler=Csv&chart=monthly-controller");
        var monthlyRows = Encoding.UTF8.GetString((await monthly.Content.ReadAsByteArrayAsync()).AsSpan(3)).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(1 + (2 * 2), monthlyRows.Length);
        Assert.Contains("\"2026-10 Net One Systems Co., Ltd.\",0", monthlyRows);
        Assert.Contains("\"2026-11 Net One Systems Co., Ltd.\",1", monthlyRows);
        using var refused = await officer.GetResponseAsync("/staff/audit/metrics");
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
    }

    [Theory]
    [InlineData("from=9999-01-01&to=9999-12-31", "2026-11-24", "2026-11-24")]
    [InlineData("from=0001-01-01&to=9999-12-31", "2016-11-24", "2026-11-24")]
    [InlineData("from=2026-12-01&to=2026-11-01", "2026-11-01", "2026-11-01")]
    [InlineData("to=0001-01-01", "0001-01-01", "0001-01-01")]
    public async Task Metrics_OfAnyPeriodTyped_AreDrawn_WithinTenYearsEndingToday(string query, string from, string to)
    {
        await using var factory = new PortalFactory();
        using var admin = await StaffClient.SignInAsync(factory, "admin@example.jp", StaffRoles.Administrator);

        var (page, status) = await admin.GetAsync($"/staff/audit/metrics?{query}");
        using var csv = await admin.GetResponseAsync($"/staff/audit/metrics?{query}&handler=Csv&chart=by-month");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.Contains($"id=\"from\" name=\"from\" value=\"{from}\"", page, StringComparison.Ordinal);
        Assert.Contains($"id=\"to\" name=\"to\" value=\"{to}\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ATransparencyReport_IsPublicOnlyOncePublished_InBothLanguages_AndAsPdf()
    {
        await using var factory = new PortalFactory();
        using var filed = await ReceivedCase.FileAsync(factory, "netone", ["correction"]);
        using var admin = await StaffClient.SignInAsync(factory, "admin@example.jp", StaffRoles.Administrator);
        using var auditor = await StaffClient.SignInAsync(factory, "auditor@example.jp", StaffRoles.Auditor);
        using var visitor = new IntakeClient(factory);
        using var visitorJa = new IntakeClient(factory, "ja");
        const string Public = "/transparency/netone/2026";

        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync(Public)).Item2);
        const string Reports = "/staff/audit/reports?controller=netone&year=2026";
        using (var byAuditor = await auditor.PostFormAsync("/staff/audit/reports?handler=Publish", new() { ["controller"] = "netone", ["year"] = "2026" }, Reports))
        {
            Assert.Equal(HttpStatusCode.Forbidden, byAuditor.StatusCode);
        }

        using (var published = await admin.PostFormAsync("/staff/audit/reports?handler=Publish", new() { ["controller"] = "netone", ["year"] = "2026" }, Reports))
        {
            Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);
        }

        var (en, enStatus) = await visitor.GetAsync(Public);
        Assert.Equal(HttpStatusCode.OK, enStatus);
        Assert.Contains("transparency report FY2026", Html.Text(en), StringComparison.Ordinal);
        Assert.Contains("Requests received", Html.Text(en), StringComparison.Ordinal);
        var (ja, _) = await visitorJa.GetAsync(Public);
        Assert.Contains("透明性レポート 2026年度", Html.Text(ja), StringComparison.Ordinal);
        using var pdf = await visitor.SendGetAsync(Public + "/pdf");
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Requests received", Pdf.Text(await pdf.Content.ReadAsByteArrayAsync()), StringComparison.Ordinal);

        // Later requests do not change what was published.
        using var later = await ReceivedCase.FileAsync(factory, "netone", ["correction"]);
        Assert.Equal(en, (await visitor.GetAsync(Public)).Item1);
        await using var scope = factory.Services.CreateAsyncScope();
        Assert.Contains(scope.ServiceProvider.GetRequiredService<PortalDbContext>().AdminAuditEvents, e => e.Action == "transparency-report-published" && e.Subject == "netone FY2026");
    }

    [Fact]
    public async Task ThePortalExportCommand_WritesTheFile_ReportsProgress_AndRefusesBadArguments()
    {
        await using var factory = new PortalFactory();
        using var filed = await ReceivedCase.FileAsync(factory);
        using var folder = new TempDirectory();
        var output = Path.Combine(folder.Path, "requests.csv");
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();

        var exit = await PortalCli.RunAsync(["export", "requests", "--from", "2026-11-01", "--to", "2026-11-30", "--format", "csv", "--out", output], stdout, stderr, factory.CliSettings);

        Assert.Equal(ExitCodes.Ok, exit);
        Assert.Contains("exported 1 rows to", stderr.ToString(), StringComparison.Ordinal);
        var bytes = await File.ReadAllBytesAsync(output);
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.StartsWith("reference,", lines[0], StringComparison.Ordinal);
        Assert.False(File.Exists(output + ".part"));
        var audit = Path.Combine(folder.Path, "audit.jsonl");
        Assert.Equal(ExitCodes.Ok, await PortalCli.RunAsync(["export", "audit", "--from", "2026-11-01", "--to", "2026-11-30", "--format", "jsonl", "--out", audit], stdout, stderr, factory.CliSettings));
        var trail = File.ReadAllLines(audit);
        Assert.Equal(filed.Load().AuditEvents.Count, trail.Length);
        Assert.All(trail, l => Assert.Equal(64, JsonDocument.Parse(l).RootElement.GetProperty("hash").GetString()!.Length));

        // The period is days in Japan: nothing happened in December.
        Assert.Equal(ExitCodes.Ok, await PortalCli.RunAsync(["export", "audit", "--from", "2026-12-01", "--to", "2026-12-31", "--format", "jsonl", "--out", audit], stdout, stderr, factory.CliSettings));
        Assert.Empty(File.ReadAllLines(audit));
        Assert.Equal(ExitCodes.Usage, await PortalCli.RunAsync(["export", "everything", "--from", "2026-11-01", "--to", "2026-11-30", "--format", "csv", "--out", output], stdout, stderr, factory.CliSettings));
        Assert.Equal(ExitCodes.Usage, await PortalCli.RunAsync(["export", "requests", "--from", "2026-11-30", "--to", "2026-11-01", "--format", "csv", "--out", output], stdout, stderr, factory.CliSettings));
        Assert.Equal(ExitCodes.Usage, await PortalCli.RunAsync(["export", "requests", "--from", "2026-11-01", "--to", "2026-11-30", "--format", "xlsx", "--out", output], stdout, stderr, factory.CliSettings));
        Assert.Equal(ExitCodes.NotFound, await PortalCli.RunAsync(["export", "requests", "--from", "2026-11-01", "--to", "2026-11-30", "--controller", "nobody", "--format", "csv", "--out", output], stdout, stderr, factory.CliSettings));
    }
}
