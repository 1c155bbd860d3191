using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PrivacyPortal.Domain.Notices;
using PrivacyPortal.Infrastructure.Notices;
using PrivacyPortal.Web.Tests.Support;

namespace PrivacyPortal.Web.Tests.Notices;

/// <summary>The outbox sent to a real SMTP server on loopback and read back.</summary>
public sealed class NoticeDispatchTests : IDisposable
{
    private readonly SmtpServer _smtp = new();
    private readonly PortalFactory _factory;

    public NoticeDispatchTests()
    {
        _factory = new PortalFactory { Settings = _smtp.Settings };
    }

    public void Dispose()
    {
        _factory.Dispose();
        _smtp.Dispose();
    }

    private async Task<int> DispatchAsync(PortalFactory? factory = null)
    {
        using var scope = (factory ?? _factory).Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<NoticeDispatcher>().RunOnceAsync(CancellationToken.None);
    }

    private static async Task ConfirmAsync(IntakeClient person, string link)
    {
        var path = IntakeClient.PathOf(link);
        var (page, _) = await person.GetAsync(path);
        using var response = await person.PostAsync(path, IntakeClient.HiddenFields(page));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    [Fact]
    public async Task TheConfirmationAndTheAcknowledgement_ArriveInEnglish_WithWorkingLinks_AndOneMessageIdEach()
    {
        using var person = new IntakeClient(_factory);
        await person.FileAsync("ntt-smartconnect", ["disclosure"]);

        Assert.Equal(1, await DispatchAsync());
        var confirmation = Assert.Single(_smtp.Messages());
        Assert.Contains("Subject: [PrivacyPortal] Confirm your email address (request to NTT SmartConnect Corporation)", confirmation, StringComparison.Ordinal);
        Assert.Contains("To: hanako@example.jp", confirmation, StringComparison.Ordinal);
        var notice = person.Query(db => db.Notices.AsNoTracking().Single());
        Assert.Contains($"Message-ID: {notice.MessageId}", confirmation, StringComparison.Ordinal);
        Assert.NotNull(notice.SentAtUtc);
        Assert.Null(notice.ProtectedLink);
        var link = confirmation.Split('\n').Single(l => l.StartsWith("http", StringComparison.Ordinal)).Trim();

        await ConfirmAsync(person, link);
        Assert.Equal(1, await DispatchAsync());

        // Maildir names do not keep the order of arrival within a second: find the message by its content.
        Assert.Equal(2, _smtp.Messages().Count);
        var acknowledgement = Assert.Single(_smtp.Messages(), m => m.Contains("has been received", StringComparison.Ordinal));
        Assert.Contains("Subject: [PrivacyPortal] Your request has been received (NTTSMC-2026-000001)", acknowledgement, StringComparison.Ordinal);
        var statusLink = acknowledgement.Split('\n').Single(l => l.StartsWith("http", StringComparison.Ordinal) && l.Contains("/r/", StringComparison.Ordinal)).Trim();
        var (statusPage, status) = await person.GetAsync(IntakeClient.PathOf(statusLink));
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("NTTSMC-2026-000001", Html.Text(statusPage), StringComparison.Ordinal);
        Assert.Equal(2, person.Query(db => db.AuditEvents.Count(e => e.Action == "notice-sent")));
        Assert.Equal(0, await DispatchAsync());
    }

    [Fact]
    public async Task WhatTheOfficerDoes_ReachesTheRequester_InTheirLanguage()
    {
        using var filed = await ReceivedCase.FileAsync(_factory, "ntt-smartconnect", ["disclosure"], "ja");
        using var officer = await StaffClient.SignInAsync(_factory, "officer@example.jp", Infrastructure.Staff.StaffRoles.PrivacyOfficer, "ntt-smartconnect");
        await DispatchAsync();
        var before = _smtp.Messages().Count;

        (await officer.ActAsync(filed.Id, "MoreNeeded", filed.Load().Version, new() { ["reason"] = "運転免許証の裏面の写しもお送りください。" })).Dispose();
        Assert.Equal(HttpStatusCode.Redirect, await filed.UploadPdfAsync());
        (await officer.ActAsync(filed.Id, "Verify", filed.Load().Version, new() { ["documentKind"] = "drivers-licence", ["nameMatches"] = "true", ["addressMatches"] = "true", ["currentAndValid"] = "true", ["masked"] = "true" })).Dispose();
        (await officer.ActAsync(filed.Id, "RequestFee", filed.Load().Version, new() { ["payBy"] = "2026-12-08" })).Dispose();
        (await officer.ActAsync(filed.Id, "Payment", filed.Load().Version, new() { ["method"] = "郵便切手", ["paidOn"] = "2026-11-24", ["receipt"] = "R-1" })).Dispose();
        (await officer.ActAsync(filed.Id, "Decide", filed.Load().Version, new() { ["outcome"] = "Fulfilled" })).Dispose();
        var pdf = await officer.PrintPreviewAndSendAsync(_factory, filed.Id);
        Assert.Equal(3, await DispatchAsync());

        var messages = _smtp.Messages();
        Assert.Equal(before + 3, messages.Count);
        var needed = Assert.Single(messages, m => m.Contains("本人確認書類の追加", StringComparison.Ordinal));
        Assert.Contains("運転免許証の裏面の写しもお送りください。", needed, StringComparison.Ordinal);
        var fee = Assert.Single(messages, m => m.Contains("手数料のお支払いのお願い", StringComparison.Ordinal));
        Assert.Contains("金額：1,100円", fee, StringComparison.Ordinal);
        Assert.Contains("お支払い期限：2026年12月8日", fee, StringComparison.Ordinal);
        Assert.Contains("受付番号 NTTSMC-2026-000001 を書き添えて", fee, StringComparison.Ordinal);
        var decision = Assert.Single(messages, m => m.Contains("Subject: 【プライバシーポータル】請求への回答（受付番号 NTTSMC-2026-000001）", StringComparison.Ordinal));
        Assert.Contains("Content-Language: ja", decision, StringComparison.Ordinal);
        Assert.Contains("Attachment: NTTSMC-2026-000001.pdf (application/pdf)", decision, StringComparison.Ordinal);
        var attached = Assert.Single(Assert.Single(_smtp.MimeMessages(), m => m.Subject?.Contains("請求への回答", StringComparison.Ordinal) == true).Attachments.OfType<MimeKit.MimePart>());
        using var attachedBytes = new MemoryStream();
        attached.Content!.DecodeTo(attachedBytes);
        Assert.Equal(pdf, attachedBytes.ToArray());
        var text = Support.Pdf.Text(pdf);
        Assert.Contains("保有個人データの開示等のご請求に対する回答", text, StringComparison.Ordinal);
        Assert.Contains("ご請求のとおり", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("en", "Amount: 550 yen", "What the fee rests on: A fee the policy leaves unpublished (APPI Art. 38", "Pay by: 8 December 2026")]
    [InlineData("ja", "金額：550円", "手数料の根拠：方針に金額の記載がない手数料（個人情報保護法第38条", "お支払い期限：2026年12月8日")]
    public async Task AFeeTheOfficerSets_ReachesTheRequester_WithAmountBasisAndLastDay(string language, string amount, string basis, string payBy)
    {
        using var filed = await ReceivedCase.FileAsync(_factory, "netone", ["disclosure"], language);
        using var officer = await StaffClient.SignInAsync(_factory, "officer@example.jp", Infrastructure.Staff.StaffRoles.PrivacyOfficer, "netone");
        await DispatchAsync();

        (await officer.ActAsync(filed.Id, "SetFee", filed.Load().Version, new() { ["basis"] = "appi-38", ["amount"] = "550", ["payBy"] = "2026-12-08", ["reasons"] = "Copying 40 pages." })).Dispose();
        Assert.Equal(1, await DispatchAsync());

        // The notice carries codes and values, never prose: the email is written from them in the reader's language.
        var detail = FeeDueDetail.Parse(filed.Person.Query(db => db.Notices.AsNoTracking().Single(n => n.Kind == NoticeKind.FeeDue).Detail));
        Assert.Equal(new FeeDueDetail(550, "JPY", new DateOnly(2026, 12, 8), "appi-38"), detail);
        var message = Assert.Single(_smtp.MimeMessages(), m => m.Subject?.Contains("NETONE-2026-000001", StringComparison.Ordinal) == true && m.TextBody?.Contains(amount, StringComparison.Ordinal) == true).TextBody;
        Assert.Contains(basis, message, StringComparison.Ordinal);
        Assert.Contains(payBy, message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnExtension_IsExplainedInEnglish_ToAnEnglishRequester()
    {
        using var filed = await ReceivedCase.FileAsync(_factory, "nec-website", ["access"]);
        using var officer = await StaffClient.SignInAsync(_factory, "officer@example.jp", Infrastructure.Staff.StaffRoles.PrivacyOfficer, "nec");
        await DispatchAsync();

        (await officer.ActAsync(filed.Id, "Extend", filed.Load().Version, new() { ["reasons"] = "Your data is spread over twelve systems." })).Dispose();
        Assert.Equal(1, await DispatchAsync());

        var message = Assert.Single(_smtp.Messages(), m => m.Contains("has been extended", StringComparison.Ordinal));
        Assert.Contains("Subject: [PrivacyPortal] The time to answer your request has been extended (NEC-2026-000001)", message, StringComparison.Ordinal);
        Assert.Contains("Your data is spread over twelve systems.", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AJapaneseRequester_GetsJapaneseMail()
    {
        using var person = new IntakeClient(_factory, "ja");
        await person.FileAsync("netone", ["correction"]);

        await DispatchAsync();

        var message = Assert.Single(_smtp.Messages());
        Assert.True(message.Contains("Subject: 【", StringComparison.Ordinal), message);
        Assert.Contains("Subject: 【プライバシーポータル】メールアドレスの確認（ネットワンシステムズ株式会社への請求）", message, StringComparison.Ordinal);
        Assert.Contains("Content-Language: ja", message, StringComparison.Ordinal);
        Assert.Contains("このリンクは24時間有効で、1回だけ使えます。", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithTheServerDown_TheNoticeBacksOff_ThenIsGivenUp_AndHealthSaysSo()
    {
        await using var factory = new PortalFactory
        {
            Settings = new(_smtp.Settings) { ["Smtp:Port"] = SmtpServer.FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture) },
        };
        using var person = new IntakeClient(factory);
        await person.FileAsync("netone", ["correction"]);

        Assert.Equal(0, await DispatchAsync(factory));
        var first = person.Query(db => db.Notices.AsNoTracking().Single());
        Assert.Equal(1, first.Attempts);
        Assert.Equal(factory.Clock.GetUtcNow().UtcDateTime.AddMinutes(1), first.NextAttemptAtUtc);
        Assert.Equal(0, await DispatchAsync(factory));
        Assert.Equal(1, person.Query(db => db.Notices.AsNoTracking().Single()).Attempts);

        for (var attempt = 2; attempt <= 5; attempt++)
        {
            factory.Clock.Advance(TimeSpan.FromMinutes(16));
            await DispatchAsync(factory);
        }

        var given = person.Query(db => db.Notices.AsNoTracking().Single());
        Assert.Equal(5, given.Attempts);
        Assert.NotNull(given.FailedAtUtc);
        Assert.Null(given.ProtectedLink);
        Assert.Equal(1, person.Query(db => db.AuditEvents.Count(e => e.Action == "notice-failed")));
        using var admin = await StaffClient.SignInAsync(factory, "admin@example.jp", Infrastructure.Staff.StaffRoles.Administrator);
        var (health, _) = await admin.GetAsync("/health/details");
        Assert.Contains("\"notices\":{\"status\":\"Degraded\"", health, StringComparison.Ordinal);

        var (failures, _) = await admin.GetAsync("/staff/admin/failures");
        // The kind in the reader's words, not the code's name.
        Assert.Contains("<td>Email address confirmation</td>", failures, StringComparison.Ordinal);
        Assert.DoesNotContain("EmailConfirmation", Html.Text(failures), StringComparison.Ordinal);
        Assert.Contains("h•••@example.jp", failures, StringComparison.Ordinal);
        Assert.DoesNotContain("hanako@example.jp", failures, StringComparison.Ordinal);
    }
}

/// <summary>The embedded default writes .eml files to the pickup directory; a development page lists them.</summary>
public sealed class PickupDirectoryTests
{
    [Fact]
    public async Task WithoutAnSmtpHost_MailIsWrittenToThePickupDirectory_AndListedWhenAsked()
    {
        await using var factory = new PortalFactory { Settings = new() { ["Smtp:ShowPickupPage"] = "true" } };
        using var person = new IntakeClient(factory);
        await person.FileAsync("ntt-resonant", ["suspension"]);

        using (var scope = factory.Services.CreateScope())
        {
            Assert.Equal(1, await scope.ServiceProvider.GetRequiredService<NoticeDispatcher>().RunOnceAsync(CancellationToken.None));
        }

        var file = Assert.Single(Directory.GetFiles(Path.Combine(factory.DataDirectory, "mail"), "*.eml"));
        Assert.Contains("Confirm your email address (request to NTT Resonant Incorporated)", MailText.Readable(await File.ReadAllTextAsync(file)), StringComparison.Ordinal);
        var (page, status) = await person.GetAsync("/dev/mail");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("request to NTT Resonant Incorporated", Html.Text(page), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ThePickupPage_IsOffByDefault()
    {
        await using var factory = new PortalFactory();
        using var person = new IntakeClient(factory);

        var (_, status) = await person.GetAsync("/dev/mail");

        Assert.Equal(HttpStatusCode.NotFound, status);
    }

    [Theory]
    [InlineData("/dev/mail/")]
    [InlineData("/DEV/MAIL")]
    [InlineData("/Dev/Mail")]
    [InlineData("/dev/mail/x")]
    [InlineData("/dev//mail")]
    public async Task ThePickupPage_AnswersOnlyItsExactPath(string path)
    {
        await using var factory = new PortalFactory { Settings = new() { ["Smtp:ShowPickupPage"] = "true" } };
        using var person = new IntakeClient(factory);
        Assert.Equal(HttpStatusCode.OK, (await person.GetAsync("/dev/mail")).Status);

        var (_, status) = await person.GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, status);
    }

    [Fact]
    public async Task ThePickupPage_IsOffWhenAnSmtpHostIsConfigured_EvenIfAskedFor()
    {
        await using var factory = new PortalFactory
        {
            Settings = new() { ["Smtp:ShowPickupPage"] = "true", ["Smtp:Host"] = "127.0.0.1", ["Smtp:Port"] = "1" },
        };
        using var person = new IntakeClient(factory);

        var (_, status) = await person.GetAsync("/dev/mail");

        Assert.Equal(HttpStatusCode.NotFound, status);
    }
}
